import { formatClock } from '../sim';
import { formatDuration, translate, type Locale, type MessageKey } from '../i18n';
import { parseProgress, type LessonProgress } from './progress';

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
  /** Which predictions were right, and which were asked and not right, by id: null where the file does not say. */
  rightIds: string[] | null;
  missedIds: string[] | null;
  /** The learner's active time on the lesson (ms), the presses of "Check my work", when they started and first passed: null where the file does not say (files from earlier versions). */
  activeMs: number | null;
  checks: number | null;
  startedAt: string | null;
  passedAt: string | null;
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

function rowOf(learner: string, lesson: string, p: LessonProgress): ClassRow {
  return {
    learner,
    lesson,
    passed: p.passed,
    checkedAt: p.checkedAt,
    traps: Array.isArray(p.traps) ? p.traps.filter((t) => typeof t === 'string') : [],
    right: typeof p.predictionsRight === 'number' ? p.predictionsRight : null,
    asked: typeof p.predictionsAsked === 'number' ? p.predictionsAsked : null,
    rightIds: p.rightPredictions ?? null,
    missedIds: p.askedPredictions ? p.askedPredictions.filter((id) => !p.rightPredictions?.includes(id)) : null,
    activeMs: p.activeMs ?? null,
    checks: p.checks ?? null,
    startedAt: p.startedAt ?? null,
    passedAt: p.passedAt ?? null,
  };
}

/**
 * Reads many progress files: their rows, one per learner and lesson; why a file could not be read; and each
 * member refused in a file that was read (file: member: reason), that file's other members still read.
 */
export function readClass(files: ClassFile[]): { rows: ClassRow[]; problems: string[]; refused: string[] } {
  const rows: ClassRow[] = [];
  const problems: string[] = [];
  const refused: string[] = [];
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
    for (const m of r.refused ?? []) refused.push(`${f.name}: ${m}`);
    for (const [lesson, p] of Object.entries(r.progress.lessons)) rows.push(rowOf(learner, lesson, p));
  }
  return { rows, problems, refused };
}

export type ClassColumn = 'learner' | 'lesson' | 'passed' | 'time' | 'checks' | 'checkedAt' | 'traps' | 'right' | 'which';
type CsvColumn = ClassColumn | 'seconds' | 'startedAt' | 'passedAt';

/** The table's columns, as the page and the CSV head them. */
export const CLASS_COLUMNS: { id: ClassColumn; label: string }[] = [
  { id: 'learner', label: 'Learner' },
  { id: 'lesson', label: 'Lesson' },
  { id: 'passed', label: 'Passed' },
  { id: 'time', label: 'Time on lesson' },
  { id: 'checks', label: 'Checks' },
  { id: 'checkedAt', label: 'Simulated time at the last check' },
  { id: 'traps', label: 'Traps hit' },
  { id: 'right', label: 'Predictions right' },
  { id: 'which', label: 'Which predictions right' },
];

/** The CSV's columns: the table's, with the time on the lesson in seconds too and when it was started and passed; each headed by class.column.<id>. */
const CSV_COLUMNS: CsvColumn[] = [...CLASS_COLUMNS.slice(0, 3).map((c) => c.id), 'seconds', ...CLASS_COLUMNS.slice(3).map((c) => c.id), 'startedAt', 'passedAt'];

/** Where a file does not say. */
const UNSAID = '—';

const lessonKey = (id: string) => id.replace(/\d+/g, (d) => d.padStart(4, '0'));

function compare(a: ClassRow, b: ClassRow, by: ClassColumn): number {
  switch (by) {
    case 'learner':
      return a.learner.localeCompare(b.learner);
    case 'lesson':
      return lessonKey(a.lesson).localeCompare(lessonKey(b.lesson));
    case 'passed':
      return Number(a.passed) - Number(b.passed);
    case 'time':
      return (a.activeMs ?? -1) - (b.activeMs ?? -1);
    case 'checks':
      return (a.checks ?? -1) - (b.checks ?? -1);
    case 'checkedAt':
      return a.checkedAt - b.checkedAt;
    case 'traps':
      return a.traps.length - b.traps.length;
    case 'right':
      return (a.right ?? -1) - (b.right ?? -1);
    case 'which':
      return (a.rightIds?.length ?? -1) - (b.rightIds?.length ?? -1) || (a.rightIds ?? []).join(' ').localeCompare((b.rightIds ?? []).join(' '));
  }
}

/** The rows sorted by a column (then by learner and lesson, so equal rows keep a stable order). */
export function sortClass(rows: ClassRow[], by: ClassColumn, descending: boolean): ClassRow[] {
  return rows.slice().sort((a, b) => (descending ? -1 : 1) * compare(a, b, by) || compare(a, b, 'learner') || compare(a, b, 'lesson'));
}

/** The predictions right by id, and those asked and missed ("where-forum (missed: spread)"); empty where the file does not say. */
function whichCell(r: ClassRow, locale: Locale): string {
  // Nothing said, or a lesson that asks no prediction: nothing to list.
  if (r.rightIds === null || (r.rightIds.length === 0 && !r.missedIds?.length)) return '';
  const right = r.rightIds.join(' ') || translate(locale, 'class.whichNone');
  return r.missedIds?.length ? translate(locale, 'class.whichMissed', { right, missed: r.missedIds.join(' ') }) : right;
}

/** A row's cells as the table and the CSV show them (durations in the locale's words). */
export function classCells(r: ClassRow, locale: Locale = 'en'): Record<CsvColumn, string> {
  return {
    learner: r.learner,
    lesson: r.lesson,
    passed: translate(locale, r.passed ? 'class.yes' : 'class.no'),
    time: r.activeMs === null ? UNSAID : formatDuration(locale, r.activeMs),
    seconds: r.activeMs === null ? '' : String(Math.round(r.activeMs / 1000)),
    checks: r.checks === null ? UNSAID : String(r.checks),
    // A lesson opened and never checked has no simulated time to show.
    checkedAt: r.checks === 0 ? UNSAID : formatClock(r.checkedAt),
    traps: r.traps.join(' '),
    // A lesson that asks no prediction has nothing to count: the cell is left empty, not "0 of 0".
    right: r.right === null || r.asked === 0 ? '' : r.asked !== null ? translate(locale, 'class.rightOf', { right: String(r.right), asked: String(r.asked) }) : String(r.right),
    which: whichCell(r, locale),
    startedAt: r.startedAt ?? '',
    passedAt: r.passedAt ?? '',
  };
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/**
 * The table as CSV in a locale's words (headings, yes and no, durations); the time in seconds and the ISO dates
 * stay as a spreadsheet reads them. A spreadsheet's formula characters at a cell's start are neutralised.
 */
export function classCsv(rows: ClassRow[], locale: Locale = 'en'): string {
  const head = CSV_COLUMNS.map((id) => csvCell(translate(locale, `class.column.${id}` as MessageKey))).join(',');
  return (
    [
      head,
      ...rows.map((r) => {
        const c = classCells(r, locale);
        return CSV_COLUMNS.map((id) => csvCell(c[id])).join(',');
      }),
    ].join('\r\n') + '\r\n'
  );
}
