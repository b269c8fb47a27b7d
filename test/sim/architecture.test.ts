import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOORS, LAYERS, forbiddenFor, type Layer } from '../../layers.mjs';

// The layer table of DESIGN.md, as layers.mjs holds it (eslint.config.js reads the same table): each
// layer of src imports only the layers it is given, type-only imports included, and the test names
// the offending import. The engine stays pure: nothing under src/sim imports from outside it, reads
// the clock, uses unseeded randomness, timers or the DOM. It must run the same in Node, a worker and
// the page. Inside, it has floors (DESIGN.md, "Inside src/sim"): each imports only from the floors
// below it. Nothing under src imports in a circle, not even through `import type`.
const src = resolve(import.meta.dirname, '../../src');
const root = join(src, 'sim');
const rel = (p: string) => relative(resolve(src, '..'), p);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|mjs|js)$/.test(f) ? [p] : [];
  });
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every module a file names (import and export declarations, type-only ones too, side-effect and dynamic imports). */
function imports(file: string): { spec: string }[] {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const out: { spec: string }[] = [];
  for (const m of text.matchAll(/\b(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s*)?['"]([^'"]+)['"]/g)) out.push({ spec: m[1]! });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]! });
  return out;
}
const specifiers = (file: string) => imports(file).map((i) => i.spec);

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.js', '.mjs', '/index.ts', '/index.tsx'];
function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return EXTENSIONS.map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile());
}

/** The import graph of src: each file and the files it imports, with the text it imports them by. */
const graph = new Map<string, { to: string; spec: string }[]>();
for (const f of files(src)) {
  graph.set(
    f,
    imports(f)
      .filter((i) => i.spec.startsWith('.'))
      .flatMap(({ spec }) => {
        const to = resolveImport(f, spec);
        return to ? [{ to, spec }] : [];
      }),
  );
}

/** The floors of src/sim (layers.mjs), lowest first; index.ts is the public surface and re-exports from any floor. */
type Floor = (typeof FLOORS)[number] | 'index.ts';

function floorOf(file: string): Floor | undefined {
  const top = relative(root, file).split(/[\\/]/)[0]!;
  if (top === 'index.ts') return 'index.ts';
  return (FLOORS as readonly string[]).includes(top) ? (top as Floor) : undefined;
}

function mayImport(from: Floor, to: Floor): boolean {
  if (from === 'index.ts') return true;
  if (to === 'index.ts') return false;
  return FLOORS.indexOf(to) <= FLOORS.indexOf(from);
}

/**
 * A controller tells another something only by a notice the composition root wires; it imports a
 * sibling only to give it a command, along these arrows (downward, never back).
 */
const CONTROLLER_COMMANDS: Record<string, string[]> = {
  asg: ['instances'],
  cas: ['tasks', 'asg'],
  services: ['tasks'],
};

const controllerOf = (file: string) => relative(join(root, 'controllers'), file).split(/[\\/]/)[0]!.replace(/\.ts$/, '');

const simFiles = files(root);
const LAYER_NAMES = Object.keys(LAYERS) as Layer[];
const layerOf = (file: string): Layer | undefined => {
  const top = relative(src, file).split(/[\\/]/)[0]!;
  return (LAYER_NAMES as string[]).includes(top) ? (top as Layer) : undefined;
};

describe('the layers of src', () => {
  const srcFiles = [...graph.keys()];

  it('puts every source file in a layer of the table', () => {
    expect(srcFiles.filter((f) => layerOf(f) === undefined).map(rel)).toEqual([]);
  });

  for (const from of LAYER_NAMES) {
    const allowed = LAYERS[from];
    const forbidden = forbiddenFor(from);
    it(`src/${from} imports ${allowed.length ? `only from ${allowed.join(', ')}` : 'no other layer'}, never from ${forbidden.join(', ')}`, () => {
      const offending: string[] = [];
      for (const f of srcFiles.filter((x) => layerOf(x) === from)) {
        for (const { to, spec } of graph.get(f) ?? []) {
          const target = layerOf(to);
          if (target && target !== from && !allowed.includes(target)) offending.push(`${rel(f)} imports ${spec} (src/${target})`);
        }
      }
      expect(offending).toEqual([]);
    });
  }

  it('has every layer in use, and every allowed arrow naming a layer of the table', () => {
    const used = new Set(srcFiles.map(layerOf));
    expect(LAYER_NAMES.filter((l) => !used.has(l))).toEqual([]);
    expect(LAYER_NAMES.flatMap((l) => LAYERS[l].filter((to) => !LAYER_NAMES.includes(to)).map((to) => `${l} -> ${to}`))).toEqual([]);
  });

  it('points down only: no two layers may import each other', () => {
    expect(LAYER_NAMES.flatMap((a) => LAYERS[a].filter((b) => LAYERS[b].includes(a)).map((b) => `${a} <-> ${b}`))).toEqual([]);
  });

  it('imports nothing from test: test helpers live in test/support for the tests alone', () => {
    const testDir = resolve(src, '../test');
    const offending = srcFiles.flatMap((f) =>
      imports(f)
        .filter((i) => i.spec.startsWith('.') && resolve(dirname(f), i.spec).startsWith(testDir))
        .map((i) => `${rel(f)} imports ${i.spec}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('the engine is pure', () => {
  it('finds the engine sources', () => expect(simFiles.length).toBeGreaterThan(10));
  for (const f of simFiles) {
    it(`${rel(f)} imports nothing outside src/sim and no clock, timer, DOM or unseeded randomness`, () => {
      for (const spec of specifiers(f)) {
        if (spec.startsWith('.')) expect(resolve(dirname(f), spec).startsWith(root), `${rel(f)} imports ${spec}, outside src/sim`).toBe(true);
        else expect(['seedrandom'], `${rel(f)} imports the package ${spec}`).toContain(spec);
      }
      const text = withoutComments(readFileSync(f, 'utf8'));
      expect(text).not.toMatch(/\bMath\.random\b|\bDate\.now\b|new Date\(|performance\.now|setTimeout|setInterval|requestAnimationFrame|\bdocument\.|\bwindow\.|\blocalStorage\s*[.[]/);
    });
  }
});

describe('the floors of src/sim', () => {
  it('puts every engine file on a floor', () => {
    expect(simFiles.filter((f) => floorOf(f) === undefined).map(rel)).toEqual([]);
  });

  for (const from of [...FLOORS, 'index.ts'] as Floor[]) {
    const allowed = [...FLOORS, 'index.ts' as const].filter((to) => mayImport(from, to));
    const forbidden = [...FLOORS, 'index.ts' as const].filter((to) => !mayImport(from, to));
    it(`${from} imports only from ${allowed.join(', ')}${forbidden.length ? `, never from ${forbidden.join(', ')}` : ''}`, () => {
      const offending: string[] = [];
      for (const f of simFiles.filter((x) => floorOf(x) === from)) {
        for (const { to, spec } of graph.get(f) ?? []) {
          const target = floorOf(to);
          if (target && !mayImport(from, target)) offending.push(`${rel(f)} imports ${spec} (${target})`);
        }
      }
      expect(offending).toEqual([]);
    });
  }

  it('has every floor in use, so the table above stays the one the code follows', () => {
    const used = new Set(simFiles.map(floorOf));
    expect(FLOORS.filter((f) => !used.has(f))).toEqual([]);
  });

  it('lets controllers command each other only along the declared arrows, and tell each other things by notice', () => {
    const offending: string[] = [];
    for (const f of simFiles.filter((x) => floorOf(x) === 'controllers')) {
      const me = controllerOf(f);
      for (const { to, spec } of graph.get(f) ?? []) {
        if (floorOf(to) !== 'controllers') continue;
        const other = controllerOf(to);
        if (other !== me && !(CONTROLLER_COMMANDS[me] ?? []).includes(other)) offending.push(`${rel(f)} imports ${spec} (controller ${other})`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('keeps sim.ts the composition root: only the public surface imports it', () => {
    const importers = [...graph].filter(([f, edges]) => f !== join(root, 'index.ts') && edges.some((e) => e.to === join(root, 'sim.ts')));
    expect(importers.map(([f]) => rel(f))).toEqual([]);
  });
});

type Edges = (file: string) => { to: string; spec: string }[];

/** Every import between files of src, type-only ones too: a circle of types ties the modules' design as one of values does. */
const allEdges: Edges = (f) => graph.get(f) ?? [];

/** A cycle through `start`, found by depth-first search within its strongly connected component. */
function cycleFrom(edges: Edges, start: string, inComponent: Set<string>): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  const walk = (v: string): boolean => {
    path.push(v);
    seen.add(v);
    for (const { to } of edges(v)) {
      if (to === start) return true;
      if (inComponent.has(to) && !seen.has(to) && walk(to)) return true;
    }
    path.pop();
    return false;
  };
  walk(start);
  return path;
}

/** Strongly connected components of the import graph with more than one file, or a file importing itself (Tarjan). */
function circles(edges: Edges): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const { to } of edges(v)) {
      if (!idx.has(to)) {
        strong(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (on.has(to)) low.set(v, Math.min(low.get(v)!, idx.get(to)!));
    }
    if (low.get(v) !== idx.get(v)) return;
    const c: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1 || edges(v).some((e) => e.to === v)) out.push(c);
  };
  for (const f of graph.keys()) if (!idx.has(f)) strong(f);
  return out;
}

/** Each circle, with the imports that close it. */
function describeCircles(edges: Edges): string[] {
  return circles(edges).map((c) => {
    const path = cycleFrom(edges, c.sort()[0]!, new Set(c));
    const steps = path.map((f, i) => {
      const next = path[(i + 1) % path.length]!;
      return `${rel(f)} imports ${edges(f).find((e) => e.to === next)!.spec}`;
    });
    return `a circle of ${c.length} files: ${steps.join('; ')}`;
  });
}

describe('imports under src', () => {
  it('form no circle, counting type-only imports', () => expect(describeCircles(allEdges)).toEqual([]));

  it('sees the imports the code has (the graph is not empty where the engine imports its floors)', () => {
    const sim = join(root, 'sim.ts');
    expect((graph.get(sim) ?? []).map((e) => floorOf(e.to))).toEqual(expect.arrayContaining(['core', 'model', 'controllers', 'api']));
  });
});
