import english from '../i18n/diagnostics/en.json';
import { addEnglish } from '../i18n';
import { said, type Said, type SaidValues } from './problem';

/**
 * The diagnostics of the parsers that load on demand (YAML, Compose, Copilot, lessons, scenarios): their
 * English templates are src/i18n/diagnostics/en.json, which arrive with these parsers rather than with the
 * first load, and which the page's English is given the first time one is said (the Spanish arrive with the
 * Spanish locale).
 */
export type DiagnosticKey = keyof typeof english;

let added = false;

/** The diagnostic of template `key` with `values` in its slots: the English and the form (./problem.ts `said`). */
export function say(key: DiagnosticKey, values?: SaidValues): Said {
  if (!added) {
    addEnglish(english);
    added = true;
  }
  return said(key, values);
}
