import { evaluateNow, type ChecklistItem } from '../../content/lesson';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';

/**
 * The lesson's goals evaluated on the live world at this moment: recomputed when the world changes
 * (its version) or another lesson is taken, never merely because the page rendered again.
 */
export const selectLiveChecklist: (s: SandboxState) => ChecklistItem[] = memoSelector(
  (s: SandboxState) => [s.world.timeline, s.world.version, s.lesson.current?.def] as const,
  ([t, , def]) => (t && def ? evaluateNow(t.sim, def) : []),
);

/** The checklist the lesson pane shows: the last check's verdict once there is one, the live list before. */
export const selectChecklist = (s: SandboxState): ChecklistItem[] => s.lesson.current?.report?.checklist ?? selectLiveChecklist(s);
