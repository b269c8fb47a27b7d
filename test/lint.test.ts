// The layer rules of eslint.config.js refuse what DESIGN.md forbids: each probe is a file a
// contributor might write, linted at a path inside the layer, and must be refused with the rule's words.
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, forbiddenFor, type Layer } from '../layers.mjs';

const eslint = new ESLint({ cwd: process.cwd() });

async function messages(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the lint rules keep the layers', () => {
  it('refuses the engine importing the store', async () => {
    expect((await messages('src/sim/core/probe.ts', "import type { ActionDef } from '../../store/registry';\nexport type P = ActionDef;\n")).join('\n')).toMatch(
      /import-x\/no-restricted-paths: Unexpected path "..\/..\/store\/registry" imported in restricted zone. src\/sim may import only/,
    );
  });

  it('refuses a lower engine floor importing a higher one', async () => {
    expect((await messages('src/sim/model/probe.ts', "import { Sim } from '../sim';\nexport const p = Sim;\n")).join('\n')).toMatch(/src\/sim\/model may import only itself and the floors below it \(core\)/);
  });

  it('refuses the formats layer importing content, and the runner importing the page', async () => {
    expect((await messages('src/formats/probe.ts', "import * as c from '../content/timeline';\nexport const p = c;\n")).join('\n')).toMatch(/src\/formats may import only/);
    expect((await messages('src/cli/probe.ts', "import * as s from '../store/registry';\nexport const p = s;\n")).join('\n')).toMatch(/src\/cli may import only content, formats, sim/);
  });

  it('refuses clocks, randomness and packages in the engine', async () => {
    const found = (await messages('src/sim/core/probe.ts', "import React from 'react';\nexport const a = Math.random() + Date.now();\nexport const r = React;\n")).join('\n');
    expect(found).toMatch(/imports no package but seedrandom/);
    expect(found).toMatch(/named seeded stream/);
    expect(found).toMatch(/Simulated time only/);
  });

  it('refuses src importing test helpers', async () => {
    expect((await messages('src/content/probe.ts', "import * as t from '../../test/support/pins';\nexport const p = t;\n")).join('\n')).toMatch(/Nothing under src or scripts imports from test/);
  });

  it('lets a layer import the layers below it', async () => {
    expect(await messages('src/store/probe.ts', "import { Sim } from '../sim/sim';\nimport * as c from '../content/timeline';\nexport const p = [Sim, c];\n")).toEqual([]);
  });
});

describe('the lint zones and the layer table agree', () => {
  const layers = Object.keys(LAYERS) as Layer[];
  /** A real module of each layer, so the import resolves as a contributor's would. */
  const moduleOf = (layer: Layer) =>
    readdirSync(`src/${layer}`)
      .find((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))!
      .replace(/\.tsx?$/, '');

  for (const from of layers) {
    it(`src/${from} may import exactly ${LAYERS[from].join(', ') || 'no other layer'} by the lint rules`, async () => {
      const verdicts: string[] = [];
      for (const to of layers.filter((l) => l !== from)) {
        const found = await messages(`src/${from}/probe.ts`, `import * as m from '../${to}/${moduleOf(to)}';\nexport const p = m;\n`);
        const refused = found.some((m) => m.startsWith('import-x/no-restricted-paths') && m.includes(`src/${from} may import only`));
        verdicts.push(`${to}: ${refused ? 'refused' : 'allowed'}`);
      }
      const forbidden = forbiddenFor(from);
      expect(verdicts).toEqual(layers.filter((l) => l !== from).map((to) => `${to}: ${forbidden.includes(to) ? 'refused' : 'allowed'}`));
    });
  }
});
