/** Lesson progress kept in this browser (versioned), and its export / import format. */

export const PROGRESS_KEY = 'ecs-sandbox.progress';

export interface Progress {
  version: 1;
  /** Who the file is (a class reads many); the learner may set it, the export does not ask. */
  learner?: string;
  /** By lesson: whether passed, the simulated time of the last check, predictions right of those asked, the traps any check detected. */
  lessons: Record<string, { passed: boolean; checkedAt: number; predictionsRight?: number; predictionsAsked?: number; traps?: string[] }>;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'> | undefined;

export function loadProgress(storage: Storage): { progress: Progress; notice?: string } {
  const empty: Progress = { version: 1, lessons: {} };
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return { progress: empty };
  }
  if (raw === null) return { progress: empty };
  const r = parseProgress(raw);
  return r.progress ? { progress: r.progress } : { progress: empty, notice: `Your lesson progress could not be read (${r.problem}); it starts afresh.` };
}

export function parseProgress(raw: string): { progress?: Progress; problem?: string } {
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const p = d as Progress;
  if (!p || p.version !== 1 || typeof p.lessons !== 'object' || p.lessons === null) return { problem: 'it is not a progress file (version 1)' };
  for (const [id, v] of Object.entries(p.lessons)) {
    if (!v || typeof v.passed !== 'boolean' || typeof v.checkedAt !== 'number') return { problem: `lessons.${id}: expected passed and checkedAt` };
  }
  return { progress: p };
}

export function saveProgress(storage: Storage, p: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Progress stays in memory; export keeps it.
  }
}
