import { isSeq, parseDocument } from 'yaml';
import * as parser from '../content/scenario';
import { trackerFor } from '../content/lesson';
import * as predicates from '../content/lesson/predicate';
import { parseYaml } from '../formats/yamlDoc';
import { TEXTS } from './scenarioTexts';

/**
 * The scenario parser, the lessons' live checker and their predicate reader, YAML, and the built-in
 * scenarios' texts, as parser.ts, tracking.ts, yaml.ts and defaults.ts find them when the page starts: loaded with the module, as the tests and the
 * dev server have them. The production build replaces this module with one that holds nothing
 * (vite.config.ts, onDemandPlugin), so the page loads them when first needed.
 */
export const PRELOADED:
  { parser: typeof parser; trackerFor: typeof trackerFor; predicates: typeof predicates; yaml: { parseDocument: typeof parseDocument; isSeq: typeof isSeq; parseYaml: typeof parseYaml }; texts: typeof TEXTS } | undefined = {
  parser,
  trackerFor,
  predicates,
  yaml: { parseDocument, isSeq, parseYaml },
  texts: TEXTS,
};
