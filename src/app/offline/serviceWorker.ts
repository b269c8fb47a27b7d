/**
 * The service worker (public/sw.js, beside index.html, so its scope is the folder the page is served
 * from): registered in the production build only, never by the dev server or in tests. It tells its
 * listeners when a new build is waiting and gives them the function that switches to it.
 */
type Listener = (apply: () => void) => void;

const listeners = new Set<Listener>();
let ready: (() => void) | null = null;
let started = false;

/** Calls the listener (now, or when it happens) once a new build is ready; returns an unsubscribe. */
export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  if (ready) listener(ready);
  start();
  return () => {
    listeners.delete(listener);
  };
}

function announce(apply: () => void): void {
  ready = apply;
  for (const l of listeners) l(apply);
}

function start(): void {
  if (started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  started = true;
  // After the page has loaded, so that caching the build does not compete with the first view; a
  // browser that refuses (plain http on another machine, private mode) keeps the page as it is.
  const go = () => void register().catch(() => undefined);
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
}

async function register(): Promise<void> {
  const sw = navigator.serviceWorker;
  const reg = await sw.register(new URL('sw.js', document.baseURI));
  let requested = false;
  // The waiting worker takes over only now, and the page reloads when it has.
  const apply = () => {
    requested = true;
    if (reg.waiting) reg.waiting.postMessage({ type: 'activate-update' });
    else location.reload();
  };
  let controlled = sw.controller !== null;
  sw.addEventListener('controllerchange', () => {
    if (requested) location.reload();
    // Another tab switched to the new build: this one still runs the old page.
    else if (controlled) announce(apply);
    controlled = true;
  });
  // A worker that has installed while another one is active is a new build, waiting.
  const watch = (worker: ServiceWorker | null) => {
    const check = () => {
      if (worker?.state === 'installed' && reg.active) announce(apply);
    };
    check();
    worker?.addEventListener('statechange', check);
  };
  if (reg.waiting && reg.active) announce(apply);
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
  // A tab left open for days (a classroom's) looks for a new build when it is shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reg.update().catch(() => undefined);
  });
}
