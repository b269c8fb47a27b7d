import { describe, expect, it, vi } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { readDemoFile } from '../../../src/store/demoFile';
import { openDemoLink, openDemoText } from '../../../src/store/actions/demo';
import { fakePort } from '../../support/fakePort';

const fresh = (port = fakePort()) => makeStore(initialState(defaultWorkspace()), port);
const last = (store: ReturnType<typeof fresh>) => store.getState().ui.notices.at(-1)!;

describe('the Demos tool: questions, speeds, save, link and play', () => {
  it('places a question at the current moment, one per moment, and refuses one without both texts', () => {
    const store = fresh();
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'demo.addStop', { prompt: 'What next?', reveal: '' });
    expect(last(store).text).toBe('A question needs both what to ask and what happens (the reveal).');
    runAction(store, 'demo.addStop', { prompt: 'What next?', reveal: 'A task.' });
    runAction(store, 'demo.addStop', { prompt: 'What now?', reveal: 'Two tasks.', revealAfter: 2.5 });
    expect(store.getState().present.draft.stops).toEqual([{ at: 60_000, prompt: 'What now?', reveal: 'Two tasks.', revealAt: 62_500 }]);
    // The clock jumps back: a question placed earlier comes first.
    runAction(store, 'clock.jump', '30s');
    runAction(store, 'demo.addStop', { prompt: 'Earlier?', reveal: 'No.' });
    expect(store.getState().present.draft.stops.map((x) => x.at)).toEqual([30_000, 60_000]);
    runAction(store, 'demo.removeStop', 60_000);
    expect(store.getState().present.draft.stops.map((x) => x.at)).toEqual([30_000]);
  });

  it('keeps the speed chosen at a moment, in time order, and removes it', () => {
    const store = fresh();
    runAction(store, 'clock.jump', '2m');
    runAction(store, 'clock.speed', 10);
    runAction(store, 'demo.addSpeed');
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'clock.speed', 60);
    runAction(store, 'demo.addSpeed');
    expect(store.getState().present.draft.speeds).toEqual([
      { at: 60_000, speed: 60 },
      { at: 120_000, speed: 10 },
    ]);
    runAction(store, 'demo.removeSpeed', 120_000);
    expect(store.getState().present.draft.speeds).toEqual([{ at: 60_000, speed: 60 }]);
  });

  it('saves the draft as a demo file named after its title, which reads back with its question', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'demo.draft', { title: 'Spread Or Binpack', summary: 'Two strategies' });
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'demo.addStop', { prompt: 'Where?', reveal: 'There.' });
    await runAction(store, 'demo.save');
    const file = port.downloads.at(-1)!;
    expect(file.name).toBe('spread-or-binpack.yaml');
    expect(file.type).toBe('application/yaml');
    const d = await readDemoFile(file.name, file.text);
    expect(d.problems).toBeUndefined();
    expect(d.demo!.title).toBe('Spread Or Binpack');
    expect(d.demo!.pauses.map((p) => [p.at, p.prompt])).toEqual([[60_000, 'Where?']]);
  });

  it('makes a link that opens the same demo, copied to the clipboard or left in the field when the clipboard refuses', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'demo.draft', { title: 'Linked' });
    runAction(store, 'demo.link');
    await expect.poll(() => port.clipboard.length).toBe(1);
    const url = store.getState().ui.shareUrl!;
    expect(url).toMatch(/^https:\/\/sandbox\.example\/app\/#demo=[A-Za-z0-9_-]+$/);
    expect(port.clipboard).toEqual([url]);
    await expect.poll(() => last(store).text).toBe('A link to the demo is on the clipboard (and in the field under the header).');
    port.clipboardRefuses = true;
    runAction(store, 'demo.link');
    await expect.poll(() => last(store).text).toBe('Copy the link to the demo from the field under the header.');
    // Opened in another page, the link is consumed and the demo is open.
    const other = fresh(fakePort({ url }));
    await openDemoLink(other);
    expect(other.getState().lesson.demo?.def.title).toBe('Linked');
  });

  it('a damaged link or file is refused with why, and the workspace is unchanged', async () => {
    const port = fakePort({ url: 'https://sandbox.example/app/#demo=%%%' });
    const store = fresh(port);
    await openDemoLink(store);
    expect(last(store).text).toMatch(/^This demo link cannot be opened: the link is not a demo link .*Your own workspace is unchanged\.$/);
    expect(port.address.hash).toBe('');
    expect(await openDemoText(store, 'broken.yaml', 'presenter: [')).toBe(false);
    expect(last(store)).toMatchObject({ tone: 'error', sticky: true });
    expect(last(store).text).toBe('The demo file broken.yaml cannot be opened:\ndemos/broken.yaml:1:13: Flow sequence in block collection must be sufficiently indented and end with a ]');
    expect(store.getState().lesson.demo).toBeFalsy();
  });

  it('opens a demo file the learner picks, and nothing when they cancel', async () => {
    const port = fakePort();
    const store = fresh(port);
    port.nextFile = null;
    runAction(store, 'demo.openFile');
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().lesson.demo).toBeFalsy();
    // Picked: the file is read as a demo and opened.
    const draft = fresh();
    runAction(draft, 'demo.draft', { title: 'Picked' });
    await runAction(draft, 'demo.save');
    port.nextFile = (draft.port as ReturnType<typeof fakePort>).downloads.at(-1)!.text;
    runAction(store, 'demo.openFile');
    await expect.poll(() => store.getState().lesson.demo?.def.title).toBe('Picked');
  });
});

describe('in the page, where demo files are read and written by a chunk of their own', () => {
  it('the first save waits for it and then downloads the draft as it stood, and the next save is at once', async () => {
    vi.resetModules();
    vi.doMock('../../../src/store/demoPreloaded', () => ({ PRELOADED: undefined }));
    try {
      const store = (await import('../../../src/store/store')).makeStore(initialState(defaultWorkspace()), fakePort());
      const { runAction: run } = await import('../../../src/store/actions');
      const port = store.port as ReturnType<typeof fakePort>;
      run(store, 'demo.draft', { title: 'Later' });
      run(store, 'demo.save');
      expect(port.downloads).toHaveLength(0);
      await expect.poll(() => port.downloads.length).toBe(1);
      expect(port.downloads[0]!.name).toBe('later.yaml');
      expect(port.downloads[0]!.text).toMatch(/^name: Later\n/);
      run(store, 'demo.save');
      expect(port.downloads).toHaveLength(2);
    } finally {
      vi.doUnmock('../../../src/store/demoPreloaded');
      vi.resetModules();
    }
  });
});
