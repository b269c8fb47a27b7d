import { trackLessonTime } from '../store/lessonTime';
import type { SandboxStore } from '../store/store';

const INPUTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** How often the time counted so far is written to the progress. */
const FLUSH_MS = 30_000;

/**
 * Tells the store's lesson clock what the page sees: whether the page is visible, when the learner gives
 * input, and when the page goes away. Returns the way to stop.
 */
export function watchLessonTime(store: SandboxStore): () => void {
  const clock = trackLessonTime(store, document.visibilityState === 'visible');
  // Input only moves a mark (nothing is written), so even a pointer's many moves a second cost little.
  const onInput = () => clock.input();
  const onVisibility = () => clock.visibility(document.visibilityState === 'visible');
  for (const name of INPUTS) window.addEventListener(name, onInput, { capture: true, passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', clock.flush);
  const timer = setInterval(clock.flush, FLUSH_MS);
  return () => {
    for (const name of INPUTS) window.removeEventListener(name, onInput, { capture: true });
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', clock.flush);
    clearInterval(timer);
    clock.stop();
  };
}
