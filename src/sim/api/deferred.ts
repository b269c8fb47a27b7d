import { DEFERRED_PARTS, type DeferredParts } from './deferredParts';
import type { Model, Shape } from './shape';

/**
 * The namespaces of api/deferredParts.ts as the engine finds them when it starts: loaded, with the module,
 * in Node (the tests, the runner, `sim serve`) and the dev server. The production build replaces this module
 * (vite.config.ts, deferredOperationsPlugin) with one whose LOADED is undefined and whose NAMES it computes
 * from the same tables, so the page knows every operation's name from the start (the scenario checks and
 * the "Known operations" list read them) and loads the handlers and tables on demand (sim.ts, loadOperations).
 */
export const LOADED: DeferredParts | undefined = DEFERRED_PARTS;

/** The operations of each namespace, by name, in its table's order. */
export const NAMES: Record<string, readonly string[]> = Object.fromEntries(Object.entries(DEFERRED_PARTS.operations).map(([ns, ops]) => [ns, Object.keys(ops)]));

/**
 * The shapes of these operations' requests, each namespace's table cut to what they reach: the build gives
 * the page these for the operations it starts with (api/first.ts) in place of the whole tables.
 */
export function modelsFor(operations: Record<string, Record<string, unknown>>): Record<string, Model> {
  const out: Record<string, Model> = {};
  for (const [ns, ops] of Object.entries(operations)) {
    const model = DEFERRED_PARTS.models[ns]!;
    const shapes: Record<string, Shape> = {};
    const todo = Object.keys(ops).flatMap((op) => (Object.hasOwn(model.operations, op) ? [model.operations[op]!] : []));
    for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
      if (Object.hasOwn(shapes, name) || !Object.hasOwn(model.shapes, name)) continue;
      const s = model.shapes[name]!;
      shapes[name] = s;
      todo.push(...Object.values(s.m ?? {}), ...[s.e, s.k, s.v].filter((x) => x !== undefined));
    }
    out[ns] = { operations: Object.fromEntries(Object.keys(ops).flatMap((op) => (Object.hasOwn(model.operations, op) ? [[op, model.operations[op]!]] : []))), shapes };
  }
  return out;
}

/** The request tables the engine starts with: in Node and the dev server all of them (the build's are modelsFor's). */
export const FIRST_MODELS: Record<string, Model> = DEFERRED_PARTS.models;
