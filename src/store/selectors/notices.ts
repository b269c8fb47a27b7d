import type { Notice } from '../store';

/** How long each kind of notice stays before it fades (ms of wall time). */
export const NOTICE_LIFETIME: Record<Notice['tone'], number> = { info: 5_000, warning: 8_000, error: 10_000 };

/** How long a notice stays unless dismissed, or null for one that waits for the learner. */
export function noticeLifetime(n: Notice): number | null {
  return n.sticky ? null : NOTICE_LIFETIME[n.tone];
}
