// ESLint for the sources, the scripts and the tests: typescript-eslint's recommended rules, and the
// layers of DESIGN.md as import rules, so an import that goes up a layer (or up a floor inside the
// engine) is refused in the editor and by `npm test`, naming the rule it breaks.
// test/sim/architecture.test.ts checks the same table from the import graph, and also the circles.
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The layers of src, highest first: each may import only the layers after it. */
const LAYERS = ['app', 'ui', 'store', 'content', 'formats', 'sim'];
/** The headless runner sits beside the page: it may use content, formats and sim, never the page's layers. */
const CLI_MAY_USE = ['content', 'formats', 'sim'];
/** The floors of src/sim, lowest first; sim.ts is the composition root, index.ts the public surface. */
const FLOORS = ['core', 'model', 'queries', 'placement', 'controllers', 'api'];

const dir = (d) => `./src/${d}`;

const layerZones = [
  ...LAYERS.map((layer, i) => ({
    target: dir(layer),
    from: [...LAYERS.slice(0, i), 'cli'].map(dir),
    message: `src/${layer} may import only the layers below it (${LAYERS.slice(i + 1).join(', ') || 'nothing outside itself'}): see "The layers" in DESIGN.md.`,
  })),
  {
    target: dir('cli'),
    from: LAYERS.filter((l) => !CLI_MAY_USE.includes(l)).map(dir),
    message: `src/cli may import only ${CLI_MAY_USE.join(', ')}: the runner never needs the page.`,
  },
];

const floorZones = FLOORS.map((floor, i) => ({
  target: `./src/sim/${floor}`,
  from: [...FLOORS.slice(i + 1).map((f) => `./src/sim/${f}`), './src/sim/sim.ts', './src/sim/index.ts'],
  message: `src/sim/${floor} may import only itself and the floors below it (${FLOORS.slice(0, i).join(', ') || 'none'}): see "Inside src/sim" in DESIGN.md.`,
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
