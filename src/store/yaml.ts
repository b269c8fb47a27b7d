import { PRELOADED } from './preloaded';

/**
 * YAML as the page's store reaches it: the `yaml` library's documents (to change a text and keep its
 * layout: a demo file written, the presenter block left out of what the audience gets) and the page's
 * reader with positions (the panes and speeds of a demo, where in a file an error is). It is a chunk of
 * its own, loaded with the scenario parser (src/store/parser.ts), the lessons' predicate reader, or the
 * first action that needs it; the first view, a built-in scenario, reads no YAML.
 */
type Yaml = NonNullable<typeof PRELOADED>['yaml'];

let yaml: Yaml | undefined = PRELOADED?.yaml;
let loading: Promise<Yaml> | undefined = yaml && Promise.resolve(yaml);

export function loadYaml(): Promise<Yaml> {
  loading ??= Promise.all([import('yaml'), import('../formats/yamlDoc')]).then(([lib, doc]) => (yaml = { parseDocument: lib.parseDocument, isSeq: lib.isSeq, parseYaml: doc.parseYaml }));
  return loading;
}

/** Runs f now when YAML is loaded (so an action stays synchronous), else once it has loaded. */
export function withYaml<T>(f: (y: Yaml) => T): T | Promise<T> {
  return yaml ? f(yaml) : loadYaml().then(f);
}

/** YAML, for code that runs only once it has loaded (after the parser, a lesson or a demo did). */
export function yamlLoaded(): Yaml {
  if (!yaml) throw new Error('the YAML reader has not loaded');
  return yaml;
}
