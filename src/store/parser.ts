import type { Scenario } from '../content/scenario';
import { BUILT_IN_SCENARIOS } from './defaults';
import { PREBUILT } from './prebuilt';
import { consoleLoaded, loadConsole } from '../content/console/onDemand';
import { PRELOADED } from './preloaded';
import { loadYaml } from './yaml';

/**
 * The scenario parser as the page's store reaches it. The parser (YAML, the compiled schema, the
 * expectation checks with their RE2 patterns, the Compose and Copilot translations) is a chunk of its own:
 * a built-in scenario opens from what the build parsed ahead of time, and anything else (the learner's
 * text, a saved workspace, a share link, an imported file, a lesson) waits for `loadParser` first. YAML
 * (src/store/yaml.ts) loads with it: whatever has the parser can also read and write YAML at once.
 */
type Parser = typeof import('../content/scenario');

let parser: Parser | undefined = PRELOADED?.parser;
let loading: Promise<Parser> | undefined = parser && Promise.resolve(parser);

export function loadParser(): Promise<Parser> {
  loading ??= Promise.all([import('../content/scenario'), loadYaml()]).then(([m]) => (parser = m));
  return loading;
}

/**
 * Runs f now when the parser and the console are loaded (so an action stays synchronous), else once both
 * have: a world from untrusted input (an imported file, a damaged copy) is parsed and its commands replayed.
 */
export function withParser<T>(f: () => T): T | Promise<T> {
  return parser && consoleLoaded() ? f() : Promise.all([loadParser(), loadConsole()]).then(f);
}

/** The parse the build made of a built-in scenario's exact text, as a copy of its own. */
function prebuilt(text: string): Scenario | undefined {
  const b = BUILT_IN_SCENARIOS.find((x) => x.text === text);
  const sc = b && PREBUILT[b.id];
  return sc && structuredClone(sc);
}

/** Whether parsing this text needs the parser loaded first. */
export const needsParser = (text: string): boolean => parser === undefined && !BUILT_IN_SCENARIOS.some((b) => b.text === text && PREBUILT[b.id]);

/** Parses a scenario text (see content/scenario.ts); throws ScenarioError for a scenario that cannot run. */
export function parseScenario(text: string, file: string): Scenario {
  const sc = prebuilt(text);
  if (sc) return sc;
  if (!parser) throw new Error('the scenario parser has not loaded');
  return parser.parseScenario(text, file);
}
