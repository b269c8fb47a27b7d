// The layer table of DESIGN.md ("The layers", "Inside src/sim"), the one both checks read:
// eslint.config.js turns it into import zones (refused in the editor and by `npm run lint`), and
// test/sim/architecture.test.ts checks the import graph of src against it (and the circles).

/**
 * The layers of src and what each may import besides itself. Arrows point down only:
 * app → ui → store → content → formats → sim, and the headless runner (cli) beside the page, on
 * content, formats and sim. i18n (the locale files and Intl formatting) is a leaf beside them: every
 * layer but the engine may use it, and it imports no layer. The engine stays without it: it runs the
 * same anywhere and writes the English text AWS writes (DESIGN.md rule 1).
 */
export const LAYERS = {
  app: ['ui', 'store', 'content', 'formats', 'sim', 'i18n'],
  ui: ['store', 'content', 'formats', 'sim', 'i18n'],
  store: ['content', 'formats', 'sim', 'i18n'],
  content: ['formats', 'sim', 'i18n'],
  formats: ['sim', 'i18n'],
  cli: ['content', 'formats', 'sim', 'i18n'],
  sim: [],
  i18n: [],
};

/** The floors of src/sim, lowest first: each may import itself and the floors below it. sim.ts is the composition root, index.ts the public surface (it re-exports from any floor). */
export const FLOORS = ['core', 'model', 'queries', 'placement', 'controllers', 'api', 'sim.ts'];

/** The layers a layer may not import: every other layer it is not given. */
export const forbiddenFor = (layer) => Object.keys(LAYERS).filter((other) => other !== layer && !LAYERS[layer].includes(other));
