import type { Timeline } from '../content/timeline';

/**
 * Simulated time a running clock still owes: what a frame's budget left undone (a busy world at a
 * high speed), caught up over the next frames. The clock shows where the world is, never where it
 * should be; how time is sliced into frames changes nothing the world does.
 */
const owed = new WeakMap<Timeline, number>();

/** Most a clock owes: a second of wall time at its speed, so a world too busy for its speed runs slower, never further behind. */
const MOST_OWED_MS = 1000;

/**
 * Advances the world for one animation frame of `realMs` at `speed` (a frame longer than 100 ms counts
 * as 100), plus what earlier frames left undone, never past `limit`, stopping once `budgetMs` of wall
 * time is used.
 */
export function advanceFrame(t: Timeline, realMs: number, speed: number, limit: number, budgetMs: number): void {
  const start = performance.now();
  const due = Math.min(owed.get(t) ?? 0, speed * MOST_OWED_MS) + Math.max(1, Math.round(Math.min(realMs, 100) * speed));
  const target = Math.min(t.now + due, limit);
  const reached = t.advanceTo(target, () => performance.now() - start > budgetMs);
  if (reached) owed.delete(t);
  else owed.set(t, target - t.now);
}

/** The clock stopped (paused, or the world replaced): nothing is owed. */
export function clockStopped(t: Timeline): void {
  owed.delete(t);
}
