/** Lesson progress kept in this browser (versioned), and its export / import format. */

import { message, type Message } from '../i18n';

export const PROGRESS_KEY = 'ecs-sandbox.progress';

/** One lesson's progress. The time members are absent in files from versions that did not record them. */
export interface LessonProgress {
  passed: boolean;
  /** The simulated time of the last check (ms). */
  checkedAt: number;
  predictionsRight?: number;
  predictionsAsked?: number;
  /** Which predictions the last check found right, and which the lesson asked, by id (absent in older files). */
  rightPredictions?: string[];
  askedPredictions?: string[];
  /** The traps any check detected. */
  traps?: string[];
  /** The learner's active wall-clock time on the lesson (ms): the page visible, the learner not idle. */
  activeMs?: number;
  /** When the learner first started the lesson, and when they first passed it (ISO timestamps). */
  startedAt?: string;
  passedAt?: string;
  /** How many times the learner pressed "Check my work". */
  checks?: number;
}

export interface Progress {
  version: 1;
  /** Who the file is (a class reads many); the learner may set it, the export does not ask. */
  learner?: string;
  lessons: Record<string, LessonProgress>;
}

/** The most active time one lesson is believed to take: more is a damaged or edited file. */
export const MAX_ACTIVE_MS = 7 * 24 * 3600_000;
const MAX_CHECKS = 1_000_000;
const EARLIEST = Date.UTC(2020, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'> | undefined;

export function loadProgress(storage: Storage): { progress: Progress; notice?: Message } {
  const empty: Progress = { version: 1, lessons: {} };
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return { progress: empty };
  }
  if (raw === null) return { progress: empty };
  const r = parseProgress(raw);
  return r.progress ? { progress: r.progress } : { progress: empty, notice: message('notice.progress.unread', { why: r.problem ?? '' }) };
}

/** Why a count of milliseconds or checks is refused, or undefined when it is kept. */
function badCount(v: unknown, max: number, whole: boolean): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'not a number';
  if (v < 0) return 'negative';
  if (v > max) return `more than ${max}`;
  if (whole && !Number.isInteger(v)) return 'not a whole number';
  return undefined;
}

/** Why a timestamp is refused, or undefined when it is kept. */
function badTime(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d\d-\d\dT/.test(v)) return 'not an ISO timestamp';
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return 'not an ISO timestamp';
  if (t < EARLIEST || t > LATEST) return 'outside 2020–2100';
  return undefined;
}

/**
 * The time members of one lesson, each checked on its own: a member that is refused is left out (with
 * its reason), and the lesson's other members stay.
 */
function keepTimes(id: string, v: LessonProgress, refused: string[]): LessonProgress {
  const kept: LessonProgress = { ...v };
  const checks: [keyof LessonProgress, string | undefined][] = [
    ['activeMs', 'activeMs' in v ? badCount(v.activeMs, MAX_ACTIVE_MS, false) : undefined],
    ['checks', 'checks' in v ? badCount(v.checks, MAX_CHECKS, true) : undefined],
    ['startedAt', 'startedAt' in v ? badTime(v.startedAt) : undefined],
    ['passedAt', 'passedAt' in v ? badTime(v.passedAt) : undefined],
  ];
  for (const member of ['rightPredictions', 'askedPredictions'] as const)
    if (member in v) checks.push([member, Array.isArray(v[member]) && v[member].length <= 100 && v[member].every((x) => typeof x === 'string' && /^[\w.-]{1,80}$/.test(x)) ? undefined : 'expected a list of prediction ids']);
  for (const [member, why] of checks) {
    if (why === undefined) continue;
    delete kept[member];
    refused.push(`lessons.${id}.${member}: ${why}`);
  }
  return kept;
}

/**
 * Reads a progress file as untrusted input. A file that is not progress is refused whole; a time member that
 * is not a sensible number or timestamp is refused on its own, said in `refused` (member: reason).
 */
export function parseProgress(raw: string): { progress?: Progress; problem?: string; refused?: string[] } {
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const p = d as Progress;
  if (!p || p.version !== 1 || typeof p.lessons !== 'object' || p.lessons === null || Array.isArray(p.lessons)) return { problem: 'it is not a progress file (version 1)' };
  const lessons: Record<string, LessonProgress> = {};
  const refused: string[] = [];
  for (const [id, v] of Object.entries(p.lessons)) {
    if (!v || typeof v.passed !== 'boolean' || typeof v.checkedAt !== 'number') return { problem: `lessons.${id}: expected passed and checkedAt` };
    lessons[id] = keepTimes(id, v, refused);
  }
  return { progress: { ...p, lessons }, ...(refused.length ? { refused } : {}) };
}

export function saveProgress(storage: Storage, p: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Progress stays in memory; export keeps it.
  }
}
