import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { openFromUrl, openShareLink } from '../../src/store/links';
import { encodeShare, type Workspace } from '../../src/store/workspace';
import { defaultWorkspace } from '../../src/store/defaults';
import { fakePort } from '../support/fakePort';

const at = (url: string) => {
  const port = fakePort({ url });
  return { port, store: makeStore(initialState(defaultWorkspace()), port) };
};

describe('links are bounded in time and read as untrusted data', () => {
  it('a share link ten years long is refused with a notice that names the bound, at once', async () => {
    const payload = await encodeShare({ ...defaultWorkspace(), time: 3650 * 86_400_000 });
    const { store } = at(`https://s.example/#share=${payload}`);
    const before = store.getState().world.timeline;
    const started = performance.now();
    await openShareLink(store);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^This share link cannot be opened: time: 315360000000 ms is beyond the horizon of simulated time, 400 days \(34560000 s\)\. Your own workspace is unchanged\.$/);
    expect(store.getState().world.timeline).toBe(before);
  });

  it('a share link whose action is beyond the horizon, or whose time is not finite, is refused', async () => {
    const far = await encodeShare({ ...defaultWorkspace(), actions: [{ at: 1e15, kind: 'command', line: 'aws ecs list-clusters' }], time: 1e15 } as Workspace);
    const a = at(`https://s.example/#share=${far}`);
    await openShareLink(a.store);
    expect(a.store.getState().ui.notices.at(-1)!.text).toMatch(/actions\[0\]\.at: 1000000000000000 ms is beyond the horizon/);
  });

  it('a share link with __proto__ and constructor members opens without touching Object.prototype', async () => {
    const w = defaultWorkspace();
    const json = `{"version":2,"scenarioId":null,"scenarioText":${JSON.stringify(w.scenarioText)},"seed":"1","actions":[],"time":0,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}`;
    const bytes = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const payload = Buffer.from(bytes).toString('base64url');
    const { store } = at(`https://s.example/#share=${payload}`);
    await openShareLink(store);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^Opened a shared sandbox/);
  });

  it('?t= beyond the horizon opens at the start with a notice naming the bound', async () => {
    const { store } = at('https://s.example/?demo=game-day&t=3650d');
    await openFromUrl(store);
    const texts = store.getState().ui.notices.map((n) => n.text);
    expect(texts.some((t) => /^The link's time t=3650d cannot be used \('3650d' is beyond the horizon of simulated time, 400 days/.test(t))).toBe(true);
  });
});
