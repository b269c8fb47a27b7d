import { audienceLink, presenterLink, PRESENT_CHANNEL, type Link, type PresentMessage } from '../store/present';
import type { SandboxStore } from '../store/store';

/** Carries one side of the windows' link over a BroadcastChannel (same origin, offline), beating every second. */
function carry(store: SandboxStore, side: typeof presenterLink): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const ch = new BroadcastChannel(PRESENT_CHANNEL);
  const link: Link = side(
    store,
    (m) => ch.postMessage(m),
    () => performance.now(),
  );
  ch.onmessage = (e: MessageEvent<PresentMessage>) => link.hear(e.data);
  const beat = setInterval(() => link.beat(), 1000);
  const bye = () => link.bye();
  window.addEventListener('pagehide', bye);
  return () => {
    window.removeEventListener('pagehide', bye);
    clearInterval(beat);
    link.stop();
    ch.close();
  };
}

/** The presenter's window: leads any audience window while in presenter view. */
export const leadAudience = (store: SandboxStore): (() => void) => carry(store, presenterLink);

/** The audience's window: follows the presenter's. */
export const followPresenter = (store: SandboxStore): (() => void) => carry(store, audienceLink);
