import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../src/store/defaults';

/** The store's parser module as the production page has it: nothing preloaded, and the build's parses of the built-in scenarios given. */
async function asBuilt(prebuilt: Record<string, unknown> = {}, later: Record<string, unknown> = {}) {
  vi.resetModules();
  vi.doMock('../../src/store/preloaded', () => ({ PRELOADED: undefined }));
  vi.doMock('../../src/content/console/preloaded', () => ({ PRELOADED: undefined }));
  const PREBUILT = { ...prebuilt };
  vi.doMock('../../src/store/prebuilt', () => ({ PREBUILT, LATER: Object.keys(later), loadPrebuilt: () => Promise.resolve().then(() => Object.assign(PREBUILT, later)) }));
  return import('../../src/store/parser');
}

afterEach(() => {
  vi.doUnmock('../../src/store/preloaded');
  vi.doUnmock('../../src/content/console/preloaded');
  vi.doUnmock('../../src/store/prebuilt');
  vi.resetModules();
});

const empty = BUILT_IN_SCENARIOS[0]!;

describe('the scenario parser, loaded when first needed', () => {
  it('a learner’s text needs the parser; parsing it before it has loaded is refused, and after loadParser it parses', async () => {
    const p = await asBuilt();
    const mine = `${empty.text!}\n# my own change\n`;
    expect(p.needsParser(mine)).toBe(true);
    expect(() => p.parseScenario(mine, 'scenario.yaml')).toThrow('the scenario parser has not loaded');
    await p.loadParser();
    expect(p.needsParser(mine)).toBe(false);
    expect(p.parseScenario(mine, 'scenario.yaml').name).toBe(p.parseScenario(empty.text!, 'x.yaml').name);
  });

  it('a built-in scenario the build parsed opens without the parser, each time as a copy of its own', async () => {
    const { parseScenario: real } = await import('../../src/content/scenario');
    const parsed = real(empty.text!, 'empty-cluster.yaml');
    const p = await asBuilt({ [empty.id]: parsed });
    expect(p.needsParser(empty.text!)).toBe(false);
    const a = p.parseScenario(empty.text!, 'scenario.yaml');
    const b = p.parseScenario(empty.text!, 'scenario.yaml');
    expect(a).toEqual(parsed);
    expect(a).not.toBe(b);
    a.actions.length = 0;
    expect(b.actions.length).toBe(parsed.actions.length);
  });

  it('a built-in scenario the build parsed apart waits for loadBuiltIn, and then opens without the parser', async () => {
    const { parseScenario: real } = await import('../../src/content/scenario');
    const busy = BUILT_IN_SCENARIOS.find((b) => b.id === 'busy-cluster')!;
    const parsed = real(busy.text!, 'busy-cluster.yaml');
    const p = await asBuilt({ [empty.id]: real(empty.text!, 'empty-cluster.yaml') }, { [busy.id]: parsed });
    // The page tells the busy cluster's text from a learner's once the built-in texts have come (src/app/main.tsx).
    await (await import('../../src/store/defaults')).loadBuiltInTexts();
    expect(p.needsParser(busy.text!)).toBe(false);
    expect(p.needsOperations(busy.text!)).toBe(true);
    expect(p.needsOperations(empty.text!)).toBe(false);
    expect(() => p.parseScenario(busy.text!, 'scenario.yaml')).toThrow('the scenario parser has not loaded');
    expect(await p.withOperationsFor(busy.text!, () => p.parseScenario(busy.text!, 'scenario.yaml'))).toEqual(parsed);
    expect(p.needsOperations(busy.text!)).toBe(false);
  });

  it('a built-in scenario other than the first view’s is picked before its text has come: withBuiltIn brings it with what it needs, then opens it without the parser', async () => {
    const { parseScenario: real } = await import('../../src/content/scenario');
    const busy = BUILT_IN_SCENARIOS.find((b) => b.id === 'busy-cluster')!;
    const parsed = real(busy.text!, 'busy-cluster.yaml');
    const p = await asBuilt({ [empty.id]: real(empty.text!, 'empty-cluster.yaml') }, { [busy.id]: parsed });
    const d = await import('../../src/store/defaults');
    expect(d.builtInTextsLoaded()).toBe(false);
    expect(p.withBuiltIn(empty.id, (text) => text)).toBe(empty.text);
    const opened = p.withBuiltIn(busy.id, (text) => p.parseScenario(text, 'scenario.yaml'));
    expect(opened).toBeInstanceOf(Promise);
    expect(await opened).toEqual(parsed);
    expect(d.builtInTextsLoaded()).toBe(true);
    expect(p.withBuiltIn(busy.id, (text) => text)).toBe(busy.text);
  });

  it('withParser runs at once when the parser and the console are here, else once both have loaded', async () => {
    const p = await asBuilt();
    const later = p.withParser(() => 'ran');
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe('ran');
    expect(p.withParser(() => 'now')).toBe('now');
  });

  it('a scenario that cannot run is refused with a ScenarioError naming the file and the line', async () => {
    const p = await asBuilt();
    await p.loadParser();
    let err: unknown;
    try {
      p.parseScenario('name: x\nactions:\n  - call: ecs.CreateCluster\n    input: 3\n', 'mine.yaml');
    } catch (e) {
      err = e;
    }
    expect((err as Error).name).toBe('ScenarioError');
    expect((err as Error).message).toMatch(/^mine\.yaml:4:/m);
  });
});
