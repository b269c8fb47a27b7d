import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootStore, persist } from '../../../src/store/boot';
import { runAction } from '../../../src/store/actions';
import { DAMAGED_KEY, STORE_KEY, UNKEPT, keepDamaged, listDamaged } from '../../../src/store/workspace';
import { defaultWorkspace } from '../../../src/store/defaults';
import { fakePort } from '../../support/fakePort';

const mine = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({
    ...defaultWorkspace(),
    files: { ...defaultWorkspace().files, 'taskdef.json': '{ "family": "my-own-work" }', 'notes.md': 'what I learnt' },
    actions: [{ at: 10_000, kind: 'command', line: 'aws ecs create-cluster --cluster-name mine' }],
    time: 60_000,
    ...over,
  });

const texts = (store: ReturnType<typeof bootStore>) => store.getState().ui.notices.map((n) => n.text);

describe('the damaged copies, from the page', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('a copy lists, downloads and restores from the page; the workspace open before a restore is kept too', () => {
    const port = fakePort({ storage: { [STORE_KEY]: mine({ time: -1 }) } });
    const store = bootStore(port);
    runAction(store, 'damaged.show');
    expect(store.getState().ui.dialog).toBe('damaged');
    const [copy] = listDamaged(port.storage);
    runAction(store, 'damaged.download', copy!.slot);
    expect(port.downloads.at(-1)).toEqual({ name: expect.stringMatching(/^workspace-damaged-\d\.json$/), text: mine({ time: -1 }), type: 'application/json' });
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: 'typed since' });
    runAction(store, 'damaged.restore', copy!.slot);
    expect(store.getState().editor.files['taskdef.json']).toBe('{ "family": "my-own-work" }');
    expect(texts(store).at(-1)).toMatch(/^Restored the damaged copy; the workspace that was open is kept among the damaged copies\. Left out: time: -1 is before/);
    const before = listDamaged(port.storage).find((c) => /was open when a damaged copy was restored/.test(c.why))!;
    expect(JSON.parse(port.saved.get(before.slot)!).files['taskdef.json']).toBe('typed since');
  });

  it('when the copy cannot be kept (quota), the notice says so, offers the download, and nothing is saved over it until then', () => {
    const raw = mine({ time: -1 });
    const port = fakePort({ storage: { [STORE_KEY]: raw } });
    const setItem = port.storage!.setItem;
    port.storage!.setItem = (k, v) => {
      if (k.startsWith(DAMAGED_KEY)) throw new Error('QuotaExceededError');
      setItem(k, v);
    };
    const store = bootStore(port);
    const last = store.getState().ui.notices.at(-1)!;
    expect(last.text).toBe('The damaged copy of the saved workspace could not be kept in this browser (the browser’s storage is full). Download it now: nothing is saved over it until you download it or let it go.');
    expect(last.tone).toBe('error');
    expect(last.action).toEqual({ label: 'Download it', id: 'damaged.download', arg: UNKEPT });
    const saving = persist(store);
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: 'new work' });
    vi.advanceTimersByTime(2_000);
    saving.flush();
    expect(port.saved.get(STORE_KEY)).toBe(raw);
    runAction(store, 'damaged.download', UNKEPT);
    expect(port.downloads.at(-1)!.text).toBe(raw);
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: 'newer work' });
    saving.flush();
    expect(JSON.parse(port.saved.get(STORE_KEY)!).files['taskdef.json']).toBe('newer work');
    saving.stop();
  });
  it('a copy that is not JSON is not restored: the notice says why and offers its download; the open work stays', () => {
    const port = fakePort();
    const store = bootStore(port);
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: 'open work' });
    const kept = keepDamaged(port.storage, '{ "files": ', 'imported by hand', 0);
    expect('kept' in kept).toBe(true);
    const slot = (kept as { kept: { slot: string } }).kept.slot;
    runAction(store, 'damaged.restore', slot);
    const last = store.getState().ui.notices.at(-1)!;
    expect(last.text).toMatch(/^That copy is not JSON \(.+\), so it cannot be restored; download it to read its text\.$/);
    expect(last.tone).toBe('error');
    expect(last.action).toEqual({ label: 'Download it', id: 'damaged.download', arg: slot });
    expect(store.getState().editor.files['taskdef.json']).toBe('open work');
    // Deleting it takes it off the list; a copy already gone says so.
    runAction(store, 'damaged.delete', slot);
    expect(texts(store).at(-1)).toBe('The damaged copy was deleted.');
    expect(listDamaged(port.storage).map((c) => c.slot)).not.toContain(slot);
    runAction(store, 'damaged.download', slot);
    expect(texts(store).at(-1)).toBe('That damaged copy is no longer kept.');
    expect(port.downloads).toEqual([]);
  });
});
