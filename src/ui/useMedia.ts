import { useCallback, useSyncExternalStore } from 'react';

/** Whether a media query holds now, followed as the window changes. */
export function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const m = window.matchMedia?.(query);
      m?.addEventListener('change', changed);
      return () => m?.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(query).matches ?? false,
    () => false,
  );
}

/**
 * Below these widths the event log joins the tools under the canvas, so the canvas keeps its room:
 * 1200 px in the sandbox, 1440 px beside a lesson (which takes a column of its own).
 */
export const NARROW = '(max-width: 1199px)';
export const NARROW_WITH_LESSON = '(max-width: 1439px)';
