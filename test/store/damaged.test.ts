import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootStore } from '../../src/store/boot';
import { runAction } from '../../src/store/actions';
import { DAMAGED_INDEX_KEY, DAMAGED_KEY, DAMAGED_SLOTS, STORE_KEY, listDamaged, loadWorkspace } from '../../src/store/workspace';
import { defaultWorkspace } from '../../src/store/defaults';
import { fakePort } from '../support/fakePort';
import { loadLocale, translate, translateMaybe } from '../../src/i18n';
import type { Notice } from '../../src/store/store';

const mine = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({
    ...defaultWorkspace(),
    files: { ...defaultWorkspace().files, 'taskdef.json': '{ "family": "my-own-work" }', 'notes.md': 'what I learnt' },
    actions: [{ at: 10_000, kind: 'command', line: 'aws ecs create-cluster --cluster-name mine' }],
    time: 60_000,
    ...over,
  });

const texts = (store: ReturnType<typeof bootStore>) => store.getState().ui.notices.map((n) => n.text);

describe('a damaged saved workspace', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('one bad member (time: -1) loses nothing else: the editor text, the actions and the world come back', () => {
    const port = fakePort({ storage: { [STORE_KEY]: mine({ time: -1 }) } });
    const store = bootStore(port);
    const s = store.getState();
    expect(s.editor.files['taskdef.json']).toBe('{ "family": "my-own-work" }');
    expect(s.editor.files['notes.md']).toBe('what I learnt');
    expect(s.world.timeline!.actions).toHaveLength(1);
    // The clock stands after the last action instead.
    expect(s.world.timeline!.now).toBe(10_000);
    expect(texts(store)[0]).toMatch(/^The saved workspace's time could not be read \(-1 is before the start of the run\); the clock stands after the last action/);
    expect(texts(store).at(-1)).toMatch(/damaged copy .* is kept in this browser/);
    expect(store.getState().ui.notices.at(-1)!.action).toEqual({ label: 'Damaged copies', id: 'damaged.show' });
  });

  it('a bad file is left out and the other files are kept, each bad member with its own notice', () => {
    const store = bootStore(fakePort({ storage: { [STORE_KEY]: mine({ seed: 7, files: { 'taskdef.json': 'kept', 'bad.json': 42, constructor: 'x' } }) } }));
    expect(store.getState().editor.files['taskdef.json']).toBe('kept');
    expect(Object.hasOwn(store.getState().editor.files, 'bad.json')).toBe(false);
    expect(texts(store).slice(0, 3)).toEqual([
      expect.stringMatching(/^The saved workspace's files\.bad\.json could not be read \(expected a string .*\); that file was left out, the other files were kept\.$/),
      expect.stringMatching(/^The saved workspace's files\.constructor could not be read \('constructor' cannot be a file name here/),
      expect.stringMatching(/^The saved workspace's seed could not be read \(expected a string\); that member starts afresh/),
    ]);
  });

  it('every damaged copy is kept in a slot of its own, newest first; the next damage does not overwrite the last', () => {
    const port = fakePort({ storage: { [STORE_KEY]: mine({ time: -1 }) } });
    bootStore(port);
    port.saved.set(STORE_KEY, '{"version":2,');
    bootStore(port);
    const list = listDamaged(port.storage);
    expect(list).toHaveLength(2);
    expect(port.saved.get(list[0]!.slot)).toBe('{"version":2,');
    expect(port.saved.get(list[1]!.slot)).toBe(mine({ time: -1 }));
    expect(list[0]!.why).toMatch(/not valid JSON/);
  });

  it('with every slot taken, a new copy is not pushed out of an old one', () => {
    const port = fakePort();
    for (let i = 0; i < DAMAGED_SLOTS + 1; i++) {
      port.saved.set(STORE_KEY, `broken ${i}`);
      bootStore(port);
    }
    const list = listDamaged(port.storage);
    expect(list.map((c) => port.saved.get(c.slot))).toEqual(['broken 4', 'broken 3', 'broken 2', 'broken 1', 'broken 0']);
    const store = bootStore((port.saved.set(STORE_KEY, 'broken 6'), port));
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/could not be kept in this browser \(every slot for damaged copies is taken\)/);
    runAction(store, 'damaged.delete', list[4]!.slot);
    expect(listDamaged(port.storage)).toHaveLength(4);
  });

  it('the list of copies is untrusted too: a forged index is read through its own members', () => {
    const port = fakePort({
      storage: { [DAMAGED_INDEX_KEY]: '[{"__proto__":{"slot":"ecs-sandbox.workspace.damaged.0"}},{"slot":"localStorage"},5,null,{"slot":"ecs-sandbox.workspace.damaged.1","why":3}]', 'ecs-sandbox.workspace.damaged.1': 'x' },
    });
    expect(listDamaged(port.storage)).toEqual([{ slot: 'ecs-sandbox.workspace.damaged.1', savedAt: 0, why: '', size: 0 }]);
    expect(({} as Record<string, unknown>).slot).toBeUndefined();
  });
});

describe('hostile keys in a saved workspace', () => {
  it('__proto__, constructor and toString are data: Object.prototype is unchanged and the page boots', () => {
    const hostile =
      `{"version":2,"scenarioId":null,"scenarioText":${JSON.stringify(defaultWorkspace().scenarioText)},"seed":"1","actions":[],"time":0,` +
      '"files":{"__proto__":{"polluted":true},"toString":"x","taskdef.json":"{}"},"activeFile":"toString","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    const r = loadWorkspace(fakePort({ storage: { [STORE_KEY]: hostile } }).storage, defaultWorkspace());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.workspace.activeFile).not.toBe('toString');
    expect(Object.hasOwn(r.workspace.files, 'toString')).toBe(false);
    const store = bootStore(fakePort({ storage: { [STORE_KEY]: hostile } }));
    expect(store.getState().world.timeline).not.toBeNull();
    expect(typeof store.getState().editor.files[store.getState().editor.activeFile]).toBe('string');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an imported workspace with such keys is read as data too', () => {
    const port = fakePort();
    const store = bootStore(port);
    port.nextFile = '{"version":2,"scenarioId":null,"scenarioText":"name: x\\nactions: []\\n","seed":"1","actions":[],"time":0,"files":{"taskdef.json":"{}"},"activeFile":"taskdef.json","__proto__":{"polluted":true}}';
    return Promise.resolve(runAction(store, 'workspace.import')).then(async () => {
      await vi.waitFor(() => expect(store.getState().world.scenarioText).toBe('name: x\nactions: []\n'));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});

describe('the same damage found twice', () => {
  it('a reload before anything was saved over the damaged text keeps one copy, not two', () => {
    const port = fakePort({ storage: { [STORE_KEY]: '{"version":2,' } });
    bootStore(port);
    bootStore(port);
    expect(listDamaged(port.storage)).toHaveLength(1);
  });

  it('says its notices in a Spanish page in Spanish: the member that could not be read, the copy kept or not, the restore, and the buttons inside them', async () => {
    await loadLocale('es');
    const es = (n: Notice) => translate('es', n.message!.key, n.message!.params);
    const port = fakePort({ storage: { [STORE_KEY]: mine({ time: -1 }) } });
    const store = bootStore(port);
    const [member, kept] = store.getState().ui.notices;
    expect(es(member!)).toMatch(/^No se pudo leer time del espacio de trabajo guardado \(-1 is before the start of the run\); el reloj queda después de la última acción \(los tiempos llegan hasta 400 días/);
    expect(es(kept!)).toBe('La copia dañada del espacio de trabajo guardado se conserva en este navegador: Copias dañadas la muestra, con Restaurar y Descargar.');
    expect(translateMaybe('es', `noticeAction.${kept!.action!.id}`)).toBe('Copias dañadas');
    runAction(store, 'damaged.restore', listDamaged(port.storage)[0]!.slot);
    expect(es(store.getState().ui.notices.at(-1)!)).toMatch(/^Se restauró la copia dañada; el espacio de trabajo que estaba abierto se conserva entre las copias dañadas\. Quedó fuera: time: -1/);
    // The copy that could not be kept: why, in Spanish too, and its download button.
    const full = fakePort({ storage: { [STORE_KEY]: mine({ time: -1 }) } });
    const setItem = full.storage!.setItem;
    full.storage!.setItem = (k, v) => {
      if (k.startsWith(DAMAGED_KEY)) throw new Error('QuotaExceededError');
      setItem(k, v);
    };
    const unkept = bootStore(full).getState().ui.notices.at(-1)!;
    expect(es(unkept)).toBe(
      'La copia dañada del espacio de trabajo guardado no se pudo conservar en este navegador (el almacenamiento del navegador está lleno). Descárgala ahora: no se guarda nada encima hasta que la descargues o la descartes.',
    );
    expect(translateMaybe('es', `noticeAction.${unkept.action!.id}`)).toBe('Descargarla');
  });
});
