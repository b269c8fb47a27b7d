import type { SandboxState } from '../store';
import { memoSelector } from './memo';

/** A lesson as a link to it names it. */
export interface LessonRef {
  id: string;
  title: string;
  passed: boolean;
}

/** Every lesson of the catalog in the order a learner takes them (chapter by chapter). */
function order(s: SandboxState): string[] {
  const c = s.lesson.catalog;
  return c ? c.index.chapters.flatMap((ch) => ch.lessons).filter((id) => c.lessons[id]) : [];
}

const ref = (s: SandboxState, id: string): LessonRef => ({ id, title: s.lesson.catalog?.lessons[id]?.title ?? id, passed: s.lesson.progress.lessons[id]?.passed ?? false });

/** The lesson after the one being taken, or null at the last (or before the catalog has loaded). */
export const selectNextLesson: (s: SandboxState) => LessonRef | null = memoSelector(
  (s: SandboxState) => [s.lesson.current?.id, s.lesson.catalog, s.lesson.progress] as const,
  ([id], s) => {
    const all = order(s);
    const i = id ? all.indexOf(id) : -1;
    return i >= 0 && i + 1 < all.length ? ref(s, all[i + 1]!) : null;
  },
);

/** The prerequisites of the lesson being taken that this learner has not passed yet. */
export const selectMissingPrerequisites: (s: SandboxState) => LessonRef[] = memoSelector(
  (s: SandboxState) => [s.lesson.current?.def, s.lesson.catalog, s.lesson.progress] as const,
  ([def], s) => (def ? def.prerequisites.map((id) => ref(s, id)).filter((r) => !r.passed) : []),
);
