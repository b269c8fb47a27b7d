import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatProblem } from '../../src/formats/problem';
import { decodeShare, encodeShare, loadWorkspace, saveWorkspace, validateWorkspace, LEGACY_KEY, STORE_KEY, SHARE_LIMIT, type Workspace } from '../../src/store/workspace';
import { defaultWorkspace } from '../../src/store/defaults';
import { initialState, workspaceOf } from '../../src/store/store';

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

const sample = (): Workspace => ({
  ...defaultWorkspace(),
  actions: [
    { at: 60_000, kind: 'call', call: 'ecs.RegisterTaskDefinition', input: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }] } },
    { at: 90_000, kind: 'command', line: 'aws ecs run-task --cluster demo --task-definition web --count 2' },
  ],
  time: 300_000,
});

describe('the saved workspace', () => {
  it('round-trips through storage and rebuilds the same world at the same moment', () => {
    const storage = memoryStorage();
    const w = sample();
    expect(saveWorkspace(storage, w)).toBeUndefined();
    const loaded = loadWorkspace(storage, defaultWorkspace());
    expect(loaded.notice).toBeUndefined();
    expect(loaded.workspace).toEqual(w);
    const s = initialState(loaded.workspace);
    expect(s.world.timeline!.now).toBe(300_000);
    expect(Object.values(s.world.timeline!.sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(2);
    expect(workspaceOf(s.world, s.editor).actions).toEqual(w.actions);
  });

  it('migrates the first version (scenario text only) with a notice', () => {
    const storage = memoryStorage({ [LEGACY_KEY]: 'name: mine\nactions: []\n' });
    const r = loadWorkspace(storage, defaultWorkspace());
    expect(r.workspace.scenarioText).toBe('name: mine\nactions: []\n');
    expect(r.workspace.scenarioId).toBeNull();
    expect(r.notice).toMatch(/earlier version/);
  });

  it('recovers damaged storage member by member, with a notice naming each problem, and hands the damaged text back', () => {
    for (const [raw, why, kept] of [
      ['{"version":2,', /not valid JSON/, false],
      ['{"version":1}', /version could not be read \(expected 3 \(or 2\), found 1\)/, false],
      [JSON.stringify({ ...sample(), actions: [{ at: 5, kind: 'call', call: 'ecs.Nope', input: {} }] }), /actions\[0\]\.call could not be read \(unknown operation "ecs\.Nope"\)/, true],
      [
        JSON.stringify({
          ...sample(),
          actions: [
            { at: 50, kind: 'command', line: 'x' },
            { at: 10, kind: 'command', line: 'y' },
          ],
        }),
        /actions\[1\]\.at could not be read \(expected a time in ms, not before the previous action\); the 1 action before it was kept\./,
        true,
      ],
      [JSON.stringify({ ...sample(), seed: 4 }), /seed could not be read \(expected a string\)/, true],
    ] as const) {
      const storage = memoryStorage({ [STORE_KEY]: raw });
      const r = loadWorkspace(storage, defaultWorkspace());
      expect(r.notice).toMatch(why);
      expect(r.damaged?.raw).toBe(raw);
      if (kept) expect(r.workspace.scenarioText).toBe(sample().scenarioText);
    }
  });

  it('a scenario that cannot run still loads: the world is empty and the problem names its line', () => {
    const s = initialState({ ...defaultWorkspace(), scenarioText: 'name: x\nactions:\n  - { call: ecs.Nope }\n', scenarioId: null });
    expect(s.world.timeline).toBeNull();
    expect(s.world.problem).toMatch(/^scenario\.yaml:3:\d+: /);
    expect(s.editor.files['scenario.yaml']).toContain('ecs.Nope');
  });

  it('keeps the open demo and its worlds side by side (version 3); a damaged one is dropped with a notice, the rest kept', () => {
    const text = sample().scenarioText;
    const variants = [
      { label: 'one', seed: '1', text },
      { label: 'two', seed: '2', text },
    ];
    const kept = loadWorkspace(memoryStorage({ [STORE_KEY]: JSON.stringify({ ...sample(), demo: { name: 'mine.yaml', text }, variants }) }), defaultWorkspace());
    expect(kept.notices).toEqual([]);
    expect(kept.workspace).toMatchObject({ demo: { name: 'mine.yaml', text }, variants });
    const s = initialState(kept.workspace);
    expect(s.world.variants.map((v) => [v.label, v.timeline.seed, v.timeline.now])).toEqual([
      ['one', '1', 300_000],
      ['two', '2', 300_000],
    ]);
    expect(s.world.timeline).toBe(s.world.variants[0]!.timeline);

    const damaged = loadWorkspace(memoryStorage({ [STORE_KEY]: JSON.stringify({ ...sample(), demo: { id: '../x' }, variants: [{ label: 'one' }] }) }), defaultWorkspace());
    expect(damaged.notices.map((n) => n.text)).toEqual([
      "The saved workspace's demo could not be read (expected a demo id, or a demo file name and text); that member starts afresh, everything else was kept.",
      "The saved workspace's variants could not be read (expected 2 to 5 worlds, each a label, a seed and a scenario text); that member starts afresh, everything else was kept.",
    ]);
    expect(damaged.workspace.demo).toBeUndefined();
    expect(initialState(damaged.workspace).world.variants).toEqual([]);
    expect(damaged.workspace.actions).toEqual(sample().actions);
  });

  it('never throws on any stored text, and accepts only what validates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(JSON.stringify(sample()))), (raw) => {
        const r = loadWorkspace(memoryStorage({ [STORE_KEY]: raw }), defaultWorkspace());
        expect(r.workspace.version).toBe(3);
      }),
    );
  });
});

describe('share links', () => {
  it('carry scenario, seed, actions and time, compressed, and open to the same workspace', async () => {
    const w = sample();
    const payload = await encodeShare(w);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(w).length);
    const back = await decodeShare(payload, defaultWorkspace());
    expect(back.workspace).toMatchObject({ scenarioText: w.scenarioText, seed: w.seed, actions: w.actions, time: w.time });
  });

  it('refuse a workspace too large for a link, saying to export it instead', async () => {
    let big = '';
    for (let i = 0; big.length < 400_000; i++) big += `# ${(i * 2654435761) % 4294967296} ${(i * 40503) % 65536}\n`;
    await expect(encodeShare({ ...sample(), scenarioText: big })).rejects.toThrow(/too large for a link .* Export it as a file instead/);
  });

  it('treat the payload as untrusted: cut, foreign or forged links are refused with a reason, never thrown', async () => {
    const good = await encodeShare(sample());
    const said = async (payload: string) => {
      const p = (await decodeShare(payload, defaultWorkspace())).problem;
      return typeof p === 'string' ? p : p?.text;
    };
    expect(await said(good.slice(0, good.length / 2))).toMatch(/cannot be unpacked|does not hold|expected/);
    expect(await said('%%%')).toMatch(/characters a share link never has/);
    expect(await said('a'.repeat(SHARE_LIMIT + 1))).toMatch(/longer than/);
    const forged = await encodeShare({ ...sample(), actions: [{ at: 0, kind: 'call', call: 'sim.Explode', input: {} }] } as Workspace);
    expect((await decodeShare(forged, defaultWorkspace())).problem).toMatch(/actions\[0\]\.call: unknown operation/);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'ABCabc019-_'.split('')) }), async (s) => {
        const r = await decodeShare(s, defaultWorkspace());
        expect(r.workspace !== undefined || (r.problem ?? '') !== '').toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a workspace validates member by member', () => {
    expect(formatProblem(validateWorkspace([], defaultWorkspace()).problem!)).toBe('it is not a JSON object');
    expect(validateWorkspace({ ...sample(), files: { 'a.json': 3 } }, defaultWorkspace()).problem).toMatchObject({ member: 'files.a.json', message: 'expected a string (at most 1 MB)', severity: 'error' });
  });
});
