// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A service worker as the registration holds it: its state, and what the page posts to it. */
class FakeWorker extends EventTarget {
  readonly posted: unknown[] = [];
  constructor(public state: string) {
    super();
  }
  postMessage(m: unknown): void {
    this.posted.push(m);
  }
  become(state: string): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  updates = 0;
  update(): Promise<void> {
    this.updates++;
    return Promise.resolve();
  }
}

/** navigator.serviceWorker: register answers with the registration (or refuses), controllerchange on demand. */
class FakeContainer extends EventTarget {
  readonly registered: string[] = [];
  controller: FakeWorker | null = null;
  refuse = false;
  constructor(readonly reg: FakeRegistration) {
    super();
  }
  register(url: URL): Promise<FakeRegistration> {
    this.registered.push(url.href);
    return this.refuse ? Promise.reject(new DOMException('The operation is insecure.', 'SecurityError')) : Promise.resolve(this.reg);
  }
  switched(): void {
    this.controller = new FakeWorker('activated');
    this.dispatchEvent(new Event('controllerchange'));
  }
}

let reg: FakeRegistration;
let container: FakeContainer;
let readyState: DocumentReadyState;
let shown: DocumentVisibilityState;
let reload: ReturnType<typeof vi.fn<() => void>>;

/** The module as the page loads it once: its registration happens once per page. */
async function fresh(prod = true) {
  vi.resetModules();
  vi.stubEnv('PROD', prod);
  return import('../../../src/app/offline/serviceWorker');
}

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  reg = new FakeRegistration();
  container = new FakeContainer(reg);
  readyState = 'complete';
  shown = 'visible';
  reload = vi.fn<() => void>();
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
  Object.defineProperty(document, 'readyState', { get: () => readyState, configurable: true });
  Object.defineProperty(document, 'visibilityState', { get: () => shown, configurable: true });
  vi.spyOn(location, 'reload').mockImplementation(reload);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  delete (document as { readyState?: unknown }).readyState;
  delete (document as { visibilityState?: unknown }).visibilityState;
});

describe('the service worker', () => {
  it('is never registered outside the production build', async () => {
    const { onUpdateReady } = await fresh(false);
    onUpdateReady(() => undefined);
    await settle();
    expect(container.registered).toEqual([]);
  });

  it('is registered once, as sw.js beside the page, from the first listener on; a first install is no update', async () => {
    const { onUpdateReady } = await fresh();
    const heard = vi.fn();
    onUpdateReady(heard);
    onUpdateReady(heard);
    await settle();
    expect(container.registered).toEqual([new URL('sw.js', document.baseURI).href]);
    // The first visit: the worker installs with none active before it.
    reg.installing = new FakeWorker('installing');
    reg.dispatchEvent(new Event('updatefound'));
    reg.installing.become('installed');
    expect(heard).not.toHaveBeenCalled();
  });

  it('waits for the page to have loaded before registering', async () => {
    readyState = 'loading';
    const { onUpdateReady } = await fresh();
    onUpdateReady(() => undefined);
    await settle();
    expect(container.registered).toEqual([]);
    window.dispatchEvent(new Event('load'));
    await settle();
    expect(container.registered).toHaveLength(1);
  });

  it('tells each listener when a new build has installed beside the active one, and a later listener at once', async () => {
    const { onUpdateReady } = await fresh();
    reg.active = new FakeWorker('activated');
    container.controller = reg.active;
    const first = vi.fn();
    onUpdateReady(first);
    await settle();
    const next = new FakeWorker('installing');
    reg.installing = next;
    reg.dispatchEvent(new Event('updatefound'));
    expect(first).not.toHaveBeenCalled();
    next.become('installed');
    expect(first).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    onUpdateReady(later);
    expect(later).toHaveBeenCalledWith(first.mock.calls[0]![0]);
  });

  it('switches only when told to: the waiting worker is asked to take over, and the page reloads once it has', async () => {
    const { onUpdateReady } = await fresh();
    reg.active = new FakeWorker('activated');
    reg.waiting = new FakeWorker('installed');
    container.controller = reg.active;
    let apply: (() => void) | undefined;
    onUpdateReady((a) => (apply = a));
    await settle();
    expect(apply).toBeTypeOf('function');
    expect(reg.waiting.posted).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
    apply!();
    expect(reg.waiting.posted).toEqual([{ type: 'activate-update' }]);
    expect(reload).not.toHaveBeenCalled();
    container.switched();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('says a new build is ready when another tab switched to it, and then Reload just reloads', async () => {
    const { onUpdateReady } = await fresh();
    reg.active = new FakeWorker('activated');
    container.controller = reg.active;
    const heard = vi.fn();
    onUpdateReady(heard);
    await settle();
    container.switched();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    heard.mock.calls[0]![0]();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('takes the first worker to control an uncontrolled page as no new build', async () => {
    const { onUpdateReady } = await fresh();
    const heard = vi.fn();
    onUpdateReady(heard);
    await settle();
    container.switched();
    expect(heard).not.toHaveBeenCalled();
  });

  it('looks for a new build each time the page is shown again', async () => {
    const { onUpdateReady } = await fresh();
    onUpdateReady(() => undefined);
    await settle();
    shown = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(reg.updates).toBe(0);
    shown = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(reg.updates).toBe(1);
  });

  it('keeps the page as it is when the browser refuses the worker', async () => {
    container.refuse = true;
    const { onUpdateReady } = await fresh();
    const heard = vi.fn();
    onUpdateReady(heard);
    await settle();
    expect(container.registered).toHaveLength(1);
    expect(heard).not.toHaveBeenCalled();
  });

  it('does nothing in a browser without service workers', async () => {
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
    const { onUpdateReady } = await fresh();
    expect('serviceWorker' in navigator).toBe(false);
    const heard = vi.fn();
    expect(() => onUpdateReady(heard)()).not.toThrow();
    await settle();
    expect(container.registered).toEqual([]);
  });

  it('calls a listener no more once it unsubscribed', async () => {
    const { onUpdateReady } = await fresh();
    reg.active = new FakeWorker('activated');
    container.controller = reg.active;
    const gone = vi.fn();
    const kept = vi.fn();
    onUpdateReady(gone)();
    onUpdateReady(kept);
    await settle();
    container.switched();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(gone).not.toHaveBeenCalled();
  });
});
