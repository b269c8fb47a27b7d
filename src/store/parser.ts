import type { Scenario } from '../content/scenario';
import { BUILT_IN_SCENARIOS, loadBuiltInTexts } from './defaults';
import { LATER, loadPrebuilt, PREBUILT } from './prebuilt';
import { consoleLoaded, loadConsole } from '../content/console/onDemand';
import { PRELOADED } from './preloaded';
import { loadYaml } from './yaml';
import { loadOperations, Sim } from '../sim';

/**
 * The scenario parser as the page's store reaches it. The parser (YAML, the compiled schema, the
 * expectation checks with their RE2 patterns, the Compose and Copilot translations) is a chunk of its own:
 * a built-in scenario opens from what the build parsed ahead of time, and anything else (the learner's
 * text, a saved workspace, a share link, an imported file, a lesson) waits for `loadParser` first. YAML
 * (src/store/yaml.ts) loads with it: whatever has the parser can also read and write YAML at once, and so
 * do the engine's operations it starts without (`loadOperations`): whatever has the parser runs any scenario.
 */
type Parser = typeof import('../content/scenario');

let parser: Parser | undefined = PRELOADED?.parser;
let loading: Promise<Parser> | undefined = parser && Promise.resolve(parser);

export function loadParser(): Promise<Parser> {
  loading ??= Promise.all([import('../content/scenario'), loadYaml(), loadOperations()]).then(([m]) => (parser = m));
  return loading;
}

/**
 * Runs f now when the parser and the console are loaded (so an action stays synchronous), else once both
 * have: a world from untrusted input (an imported file, a damaged copy) is parsed and its commands replayed.
 */
export function withParser<T>(f: () => T): T | Promise<T> {
  return parser && consoleLoaded() ? f() : Promise.all([loadParser(), loadConsole()]).then(f);
}

/** The parse the build made of a built-in scenario's exact text. */
function builtIn(text: string): Scenario | undefined {
  const b = BUILT_IN_SCENARIOS.find((x) => x.text === text);
  return b && PREBUILT[b.id];
}

/** Whether the engine as loaded runs this parse: its calls are all in the operations loaded (Sim.loadedFor). */
const runs = (sc: Scenario) => Sim.loadedFor(sc.actions.map((a) => a.call));

/** The parse the build made of a built-in scenario's exact text, as a copy of its own, when the engine as loaded runs it. */
function prebuilt(text: string): Scenario | undefined {
  const sc = builtIn(text);
  return sc && runs(sc) ? structuredClone(sc) : undefined;
}

/** Whether the build parsed this built-in scenario, in the first load or with `loadPrebuilt`. */
const prebuiltLater = (text: string) => BUILT_IN_SCENARIOS.some((b) => b.text === text && !PREBUILT[b.id] && LATER.includes(b.id));

/** Whether parsing this text needs the parser loaded first. */
export const needsParser = (text: string): boolean => parser === undefined && !BUILT_IN_SCENARIOS.some((b) => b.text === text && PREBUILT[b.id]) && !prebuiltLater(text);

/**
 * Whether this built-in scenario needs more loaded first (`loadBuiltIn`): the engine's other operations, or
 * the build's parse of it, which all but the first view's scenario arrive with.
 */
export const needsOperations = (text: string): boolean => {
  if (prebuiltLater(text)) return true;
  const sc = builtIn(text);
  return sc !== undefined && !runs(sc);
};

/** Loads what a built-in scenario needs to open (`needsOperations`): the engine's other operations, the build's other parses and their texts. */
export function loadBuiltIn(): Promise<void> {
  return Promise.all([loadOperations(), loadPrebuilt(), loadBuiltInTexts()]).then(() => undefined);
}

/**
 * Runs f with a built-in scenario's text: now when the text and all the scenario needs are here (so an
 * action stays synchronous), else once they have loaded (`loadBuiltIn`).
 */
export function withBuiltIn<T>(id: string, f: (text: string) => T): T | Promise<T> {
  const text = () => BUILT_IN_SCENARIOS.find((b) => b.id === id)?.text;
  const now = text();
  if (now !== undefined) return withOperationsFor(now, () => f(now));
  return loadBuiltIn().then(() => f(text()!));
}

/** Runs f now when the engine as loaded runs this built-in scenario (so an action stays synchronous), else once the rest has loaded. */
export function withOperationsFor<T>(text: string, f: () => T): T | Promise<T> {
  return needsOperations(text) ? loadBuiltIn().then(f) : f();
}

/** Parses a scenario text (see content/scenario.ts); throws ScenarioError for a scenario that cannot run. */
export function parseScenario(text: string, file: string): Scenario {
  const sc = prebuilt(text);
  if (sc) return sc;
  if (!parser) throw new Error('the scenario parser has not loaded');
  return parser.parseScenario(text, file);
}
