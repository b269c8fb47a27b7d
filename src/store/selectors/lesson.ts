import type { ChecklistItem, LessonReport, Verdict } from '../../content/lesson';
import { lessonTracker } from '../tracking';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';

const NONE: never[] = [];

/**
 * The lesson judged at the world's moment, live: the checker's own goals, diagnostics and predictions over
 * the page's timeline, whose tracker samples the goals that speak about time as the clock passes. Recomputed
 * when the world changes (its version) or its clock moves (a window of the last 30 s moves with it, events or
 * not), a sample is taken, a prediction is made or another lesson is taken; never merely because the page
 * rendered again.
 */
export const selectLiveVerdict: (s: SandboxState) => Verdict | null = memoSelector(
  (s: SandboxState) => {
    const t = s.world.timeline;
    const def = s.lesson.current?.def;
    const trackerFor = lessonTracker();
    return [t, def, s.world.version, s.world.now, s.lesson.current?.predictions, t && def && trackerFor ? trackerFor(t, def).revision : 0, trackerFor] as const;
  },
  ([t, def, , , chosen, , trackerFor]) => (t && def && trackerFor ? trackerFor(t, def).verdict(t, chosen) : null),
);

/** The live checklist (empty when no lesson is taken). */
export const selectLiveChecklist = (s: SandboxState): ChecklistItem[] => selectLiveVerdict(s)?.checklist ?? NONE;

/** The last "Check my work", while the world is still at the moment it judged; null once the world moved on. */
export const selectReport = (s: SandboxState): LessonReport | null => {
  const l = s.lesson.current;
  return l?.report && l.checkedVersion === s.world.version && l.report.clock === s.world.now ? l.report : null;
};

/** The checklist the lesson pane shows: the check's verdict at its moment, the live list otherwise (they agree). */
export const selectChecklist = (s: SandboxState): ChecklistItem[] => selectReport(s)?.checklist ?? selectLiveChecklist(s);

/** What the lesson explains about what went wrong, at this moment (nothing once it is passed). */
export const selectDiagnostics = (s: SandboxState): LessonReport['diagnostics'] => (selectReport(s) ?? selectLiveVerdict(s))?.diagnostics ?? NONE;
