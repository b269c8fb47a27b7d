import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine stays pure: nothing under src/sim imports from outside it, reads the clock, uses
// unseeded randomness, timers or the DOM. It must run the same in Node, a worker and the page.
const root = resolve(import.meta.dirname, '../../src/sim');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('architecture', () => {
  const all = files(root);
  it('finds the engine sources', () => expect(all.length).toBeGreaterThan(10));
  for (const f of all) {
    it(`src/sim/${f.slice(root.length + 1)} is pure`, () => {
      const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of src.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) expect(resolve(dirname(f), spec).startsWith(root), `${spec} leaves src/sim`).toBe(true);
        else expect(['seedrandom'], `package ${spec}`).toContain(spec);
      }
      expect(src).not.toMatch(/\bMath\.random\b|\bDate\.now\b|new Date\(|performance\.now|setTimeout|setInterval|requestAnimationFrame|\bdocument\.|\bwindow\.|localStorage/);
    });
  }
});
