import { formatClock } from '../sim';
import { parseProgress } from './progress';

/**
 * A class at a glance, with no server: the progress files learners export, read side by side. A
 * file is the learner's own (made in their browser, editable by anyone): the table shows what the
 * files say, nothing more.
 */

/** One learner's result in one lesson, as their file says it. */
export interface ClassRow {
  learner: string;
  lesson: string;
  passed: boolean;
  /** The simulated time at the learner's last check (ms). */
  checkedAt: number;
  traps: string[];
  /** Predictions answered right, and how many the lesson asked (when the file says). */
  right: number | null;
  asked: number | null;
}

export interface ClassFile {
  name: string;
  text: string;
}

/** The learner a file stands for: its `learner` member if it has one, else its file name (without .json and the export's own prefix). */
function learnerOf(file: ClassFile, data: unknown): string {
  const named = (data as { learner?: unknown } | null)?.learner;
  if (typeof named === 'string' && named.trim()) return named.trim().slice(0, 80);
  const base = file.name.replace(/\.json$/i, '').replace(/^ecs-sandbox-progress[-_ ]?/, '');
  return base || file.name;
}

/** Reads many progress files: their rows, one per learner and lesson, and why a file could not be read. */
export function readClass(files: ClassFile[]): { rows: ClassRow[]; problems: string[] } {
  const rows: ClassRow[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const f of files) {
    const r = parseProgress(f.text);
    if (!r.progress) {
      problems.push(`${f.name}: ${r.problem}`);
      continue;
    }
    let learner = learnerOf(f, JSON.parse(f.text));
    // Two files of the same name (two learners who did not rename the export) stay apart.
    const n = (seen.get(learner) ?? 0) + 1;
    seen.set(learner, n);
    if (n > 1) learner = `${learner} (${n})`;
    for (const [lesson, p] of Object.entries(r.progress.lessons)) {
      rows.push({
        learner, lesson, passed: p.passed, checkedAt: p.checkedAt, traps: Array.isArray(p.traps) ? p.traps.filter((t) => typeof t === 'string') : [],
        right: typeof p.predictionsRight === 'number' ? p.predictionsRight : null, asked: typeof p.predictionsAsked === 'number' ? p.predictionsAsked : null,
      });
    }
  }
  return { rows, problems };
}

export type ClassColumn = 'learner' | 'lesson' | 'passed' | 'checkedAt' | 'traps' | 'right';

/** The table's columns, as the page and the CSV head them. */
export const CLASS_COLUMNS: { id: ClassColumn; label: string }[] = [
  { id: 'learner', label: 'Learner' },
  { id: 'lesson', label: 'Lesson' },
  { id: 'passed', label: 'Passed' },
  { id: 'checkedAt', label: 'Simulated time at the last check' },
  { id: 'traps', label: 'Traps hit' },
  { id: 'right', label: 'Predictions right' },
];

const lessonKey = (id: string) => id.replace(/\d+/g, (d) => d.padStart(4, '0'));

function compare(a: ClassRow, b: ClassRow, by: ClassColumn): number {
  switch (by) {
    case 'learner': return a.learner.localeCompare(b.learner);
    case 'lesson': return lessonKey(a.lesson).localeCompare(lessonKey(b.lesson));
    case 'passed': return Number(a.passed) - Number(b.passed);
    case 'checkedAt': return a.checkedAt - b.checkedAt;
    case 'traps': return a.traps.length - b.traps.length;
    case 'right': return (a.right ?? -1) - (b.right ?? -1);
  }
}

/** The rows sorted by a column (then by learner and lesson, so equal rows keep a stable order). */
export function sortClass(rows: ClassRow[], by: ClassColumn, descending: boolean): ClassRow[] {
  return rows.slice().sort((a, b) => (descending ? -1 : 1) * compare(a, b, by) || compare(a, b, 'learner') || compare(a, b, 'lesson'));
}

/** A row's cells as the table and the CSV show them. */
export function classCells(r: ClassRow): Record<ClassColumn, string> {
  return {
    learner: r.learner, lesson: r.lesson, passed: r.passed ? 'yes' : 'no', checkedAt: formatClock(r.checkedAt),
    traps: r.traps.join(' '), right: r.right === null ? '' : r.asked !== null ? `${r.right} of ${r.asked}` : String(r.right),
  };
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/** The table as CSV (a spreadsheet's formula characters at a cell's start are neutralised). */
export function classCsv(rows: ClassRow[]): string {
  const head = CLASS_COLUMNS.map((c) => csvCell(c.label)).join(',');
  return [head, ...rows.map((r) => { const c = classCells(r); return CLASS_COLUMNS.map((k) => csvCell(c[k.id])).join(','); })].join('\r\n') + '\r\n';
}
