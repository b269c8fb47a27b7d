import { braceExpand } from './expand';
import type { Part, Script, SimpleCommand, Word } from './syntax';

/** What can be known of a line's commands before it runs: their words as written, and whether they are static. */

const isStatic = (p: Part): boolean => p.t === 'lit' || p.t === 'q' || (p.t === 'dq' && p.parts.every(isStatic));

function text(p: Part): string {
  switch (p.t) {
    case 'lit':
    case 'q':
      return p.v;
    case 'dq':
      return p.parts.map(text).join('');
    case 'var':
      return p.op || p.arg ? `\${${p.name}${p.op ?? ''}${(p.arg ?? []).map(text).join('')}}` : `$${p.name}`;
    default:
      return `$(${p.source})`;
  }
}

const wordText = (w: Word) => w.map(text).join('');

/** The words of a line that is one plain command (no variables, substitutions, braces, operators or redirections). */
export function staticWords(script: Script): string[] | undefined {
  if (script.length !== 1 || script[0]!.rest.length) return undefined;
  const p = script[0]!.first;
  if (p.negate || p.commands.length !== 1) return undefined;
  const c = p.commands[0]!;
  if (c.assigns.length || c.redirects.length || c.words.length === 0) return undefined;
  if (!c.words.every((w) => w.every(isStatic) && braceExpand(w).length === 1)) return undefined;
  const words = c.words.map(wordText);
  // A word whose braces bash would expand is not the word written.
  return c.words.every((w, i) => wordText(braceExpand(w)[0]!) === words[i]) ? words : undefined;
}

function commandsIn(script: Script, out: SimpleCommand[]): void {
  for (const item of script) {
    for (const p of [item.first, ...item.rest.map((r) => r.pipeline)]) {
      for (const c of p.commands) {
        out.push(c);
        for (const w of [...c.words, ...c.assigns.map((a) => a.value)]) for (const part of w) subsIn(part, out);
      }
    }
  }
}

function subsIn(p: Part, out: SimpleCommand[]): void {
  if (p.t === 'sub') commandsIn(p.script, out);
  else if (p.t === 'dq') for (const q of p.parts) subsIn(q, out);
  else if (p.t === 'var') for (const q of p.arg ?? []) subsIn(q, out);
}

/** Every command a line runs (those inside $(…) too), as its words are written; assignments alone are left out. */
export function commandWords(script: Script): string[][] {
  const all: SimpleCommand[] = [];
  commandsIn(script, all);
  return all.filter((c) => c.words.length).map((c) => c.words.flatMap((w) => (w.every(isStatic) ? braceExpand(w).map(wordText) : [wordText(w)])));
}
