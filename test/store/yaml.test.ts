import { afterEach, describe, expect, it, vi } from 'vitest';

/** The store's YAML module as the production page has it: nothing preloaded. */
async function asBuilt() {
  vi.resetModules();
  vi.doMock('../../src/store/preloaded', () => ({ PRELOADED: undefined }));
  return import('../../src/store/yaml');
}

afterEach(() => {
  vi.doUnmock('../../src/store/preloaded');
  vi.resetModules();
});

describe('YAML, loaded when first needed', () => {
  it('is refused before it has loaded, and reads with positions once it has', async () => {
    const y = await asBuilt();
    expect(() => y.yamlLoaded()).toThrow('the YAML reader has not loaded');
    const first = y.withYaml((lib) => lib.parseYaml('a: 1\nb:\n  - x\n').data);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ a: 1, b: ['x'] });
    // Loaded once: the next use is synchronous, and loading again is the same load.
    expect(y.withYaml((lib) => lib.isSeq(lib.parseDocument('[1, 2]').contents))).toBe(true);
    expect(y.loadYaml()).toBe(y.loadYaml());
    const doc = y.yamlLoaded().parseYaml('name: web\nports:\n  - 80\n');
    expect(doc.at(['ports', 0], false)).toMatchObject({ line: 3 });
  });

  it('in Node and the dev server it is there from the start', async () => {
    vi.resetModules();
    const y = await import('../../src/store/yaml');
    expect(y.withYaml((lib) => lib.parseYaml('k: v').data)).toEqual({ k: 'v' });
  });
});
