// ESLint for the sources, the scripts and the tests: typescript-eslint's recommended rules, and the
// layers of DESIGN.md as import rules, so an import that goes up a layer (or up a floor inside the
// engine) is refused in the editor and by `npm run lint`, naming the rule it breaks. The table is
// layers.mjs; test/sim/architecture.test.ts checks the import graph of src against the same table
// (and that nothing under src imports in a circle), and test/lint.test.ts that these zones refuse
// exactly the arrows the table forbids.
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { FLOORS, LAYERS, forbiddenFor } from './layers.mjs';

const dir = (d) => `./src/${d}`;
const allowedText = (layer) => (LAYERS[layer].length ? LAYERS[layer].join(', ') : 'nothing outside itself');

const layerZones = Object.keys(LAYERS).map((layer) => ({
  target: dir(layer),
  from: forbiddenFor(layer).map(dir),
  message: `src/${layer} may import only ${allowedText(layer)}: see "The layers" in DESIGN.md and layers.mjs.`,
}));

/** The floors proper (sim.ts, the composition root, is imported by the public surface alone). */
const floors = FLOORS.filter((f) => f !== 'sim.ts');
const floorZones = floors.map((floor, i) => ({
  target: `./src/sim/${floor}`,
  from: [...floors.slice(i + 1).map((f) => `./src/sim/${f}`), './src/sim/sim.ts', './src/sim/index.ts'],
  message: `src/sim/${floor} may import only itself and the floors below it (${floors.slice(0, i).join(', ') || 'none'}): see "Inside src/sim" in DESIGN.md.`,
}));

const testZone = {
  target: ['./src', './scripts'],
  from: './test',
  message: 'Nothing under src or scripts imports from test: test helpers live in test/support for the tests alone.',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'test-output/**', 'node_modules/**', 'public/**', '**/*.generated.*', 'src/content/scenarioValidator.js'],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...floorZones, testZone] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // No module of the sources over 500 lines and no function over 80 (generated data is ignored above): a longer
    // one is split by what it does, as the rest were.
    files: ['src/**'],
    rules: { 'max-lines': ['error', { max: 500 }], 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    // Tests and generators walk loose JSON (API answers, botocore models) by design.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/ui/**', 'src/app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!\\.|seedrandom$)', message: 'The engine imports no package but seedrandom (DESIGN.md rule 1).' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The engine has no DOM (DESIGN.md rule 1).' },
        { name: 'document', message: 'The engine has no DOM (DESIGN.md rule 1).' },
        { name: 'localStorage', message: 'The engine has no storage: the store saves the workspace.' },
        { name: 'setTimeout', message: 'The engine has no timers: schedule a pending event on the simulated clock.' },
        { name: 'setInterval', message: 'The engine has no timers: schedule a pending event on the simulated clock.' },
        { name: 'requestAnimationFrame', message: 'The engine has no frames: the store drives the clock.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Draw from a named seeded stream (core/rng) so runs replay.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: read the engine clock.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: read the engine clock.' },
      ],
    },
  },
);
