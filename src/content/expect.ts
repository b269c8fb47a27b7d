/**
 * The expectation language: data only, no eval. Conditions map field paths to values or matchers;
 * lessons extend the same forms (lessons-plan §3). Evaluating a condition never throws, whatever its
 * shape; conditionProblems says, before a run, what in a condition is not of the shape its matcher takes.
 */
import { getPath } from './paths';
import { patternProblem, patternTest } from './pattern';
import { withForm, type ProblemForm, type Said } from '../formats/problem';
import { say, type DiagnosticKey } from '../formats/diagnostics';

export { getPath } from './paths';

const OPERATORS = new Set(['equals', 'notEquals', 'in', 'notIn', 'startsWith', 'endsWith', 'contains', 'matches', 'exists', 'gt', 'gte', 'lt', 'lte', 'some', 'every', 'none', 'length', 'countOf']);

type Rec = Record<string, unknown>;

const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as object, k) && deepEqual((a as Rec)[k], (b as Rec)[k]));
}

function isMatcher(v: unknown): v is Rec {
  return isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => OPERATORS.has(k));
}

/** A number or numeric text as a number; anything else (an object, whatever its toString) is not a number. */
function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
}

/** The text a startsWith, endsWith or contains argument stands for; undefined for anything but a string or a number. */
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function countOf(actual: unknown, arg: unknown): boolean {
  // { countOf: { where: <condition>, equals | atLeast | atMost: n } } on a list
  if (!Array.isArray(actual) || !isObject(arg)) return false;
  const where = isObject(arg.where) ? arg.where : undefined;
  const n = actual.filter((x) => matches(x, where)).length;
  return (arg.equals === undefined || n === arg.equals) && (arg.atLeast === undefined || n >= num(arg.atLeast)) && (arg.atMost === undefined || n <= num(arg.atMost));
}

function operator(op: string, actual: unknown, arg: unknown): boolean {
  switch (op) {
    case 'equals':
      return deepEqual(actual, arg);
    case 'notEquals':
      return !deepEqual(actual, arg);
    case 'in':
      return Array.isArray(arg) && arg.some((x) => deepEqual(actual, x));
    case 'notIn':
      return Array.isArray(arg) && !arg.some((x) => deepEqual(actual, x));
    case 'startsWith':
      return typeof actual === 'string' && str(arg) !== undefined && actual.startsWith(str(arg)!);
    case 'endsWith':
      return typeof actual === 'string' && str(arg) !== undefined && actual.endsWith(str(arg)!);
    case 'contains':
      return Array.isArray(actual) ? actual.some((x) => deepEqual(x, arg)) : typeof actual === 'string' && str(arg) !== undefined && actual.includes(str(arg)!);
    case 'matches':
      return typeof actual === 'string' && typeof arg === 'string' && patternTest(arg, actual);
    case 'exists':
      return (actual !== undefined && actual !== null) === Boolean(arg);
    case 'gt':
      return actual !== undefined && num(actual) > num(arg);
    case 'gte':
      return actual !== undefined && num(actual) >= num(arg);
    case 'lt':
      return actual !== undefined && num(actual) < num(arg);
    case 'lte':
      return actual !== undefined && num(actual) <= num(arg);
    case 'some':
      return Array.isArray(actual) && actual.some((x) => matchValue(x, arg));
    case 'every':
      return Array.isArray(actual) && actual.every((x) => matchValue(x, arg));
    case 'none':
      return Array.isArray(actual) && !actual.some((x) => matchValue(x, arg));
    case 'length':
      return Array.isArray(actual) && matchValue(actual.length, arg);
    case 'countOf':
      return countOf(actual, arg);
    default:
      return false;
  }
}

function matchValue(actual: unknown, m: unknown): boolean {
  if (!isMatcher(m)) return isObject(m) ? matches(actual, m) : deepEqual(actual, m);
  for (const [op, arg] of Object.entries(m)) if (!operator(op, actual, arg)) return false;
  return true;
}

/** True when `item` satisfies every entry of the condition (a condition that is not an object matches nothing). */
export function matches(item: unknown, cond: Rec | undefined): boolean {
  if (cond === undefined) return true;
  if (!isObject(cond)) return false;
  for (const [key, want] of Object.entries(cond)) {
    if (key === 'all') {
      if (!Array.isArray(want) || !want.every((c) => matches(item, c as Rec))) return false;
    } else if (key === 'any') {
      if (!Array.isArray(want) || !want.some((c) => matches(item, c as Rec))) return false;
    } else if (key === 'not') {
      if (matches(item, want as Rec)) return false;
    } else if (!matchValue(getPath(item, key), want)) return false;
  }
  return true;
}

/** Something in a condition that is not of the shape its matcher takes, at its path below the condition. */
export interface ConditionProblem {
  path: (string | number)[];
  message: string;
  /** The message's form (src/formats/problem.ts), not enumerable; none for RE2's own words. */
  readonly form?: ProblemForm;
}

/** A condition problem at `path`: the English and, beside it, its form. */
const problem = (path: (string | number)[], said: Said): ConditionProblem => withForm({ path, message: said.message }, said.form);

const typeName = (v: unknown): Said =>
  v === null ? say('problem.condition.null') : Array.isArray(v) ? say('problem.condition.list') : typeof v === 'object' ? say('problem.condition.object') : say('problem.condition.value', { type: typeof v, value: JSON.stringify(v) });

function operatorProblems(op: string, arg: unknown, path: (string | number)[], out: ConditionProblem[]): void {
  const at = [...path, op];
  const bad = (want: DiagnosticKey): void => {
    out.push(problem(at, say('problem.condition.takes', { op, want: say(want), got: typeName(arg) })));
  };
  switch (op) {
    case 'in':
    case 'notIn':
      if (!Array.isArray(arg)) bad('problem.condition.wantList');
      return;
    case 'startsWith':
    case 'endsWith':
      if (typeof arg !== 'string' && typeof arg !== 'number') bad('problem.condition.wantString');
      return;
    case 'matches': {
      if (typeof arg !== 'string') return bad('problem.condition.wantPattern');
      const p = patternProblem(arg);
      // RE2's own words.
      if (p) out.push({ path: at, message: p });
      return;
    }
    case 'exists':
      if (typeof arg !== 'boolean') bad('problem.condition.wantBoolean');
      return;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (!(typeof arg === 'number' && Number.isFinite(arg)) && !(typeof arg === 'string' && arg.trim() !== '' && Number.isFinite(Number(arg)))) bad('problem.condition.wantNumber');
      return;
    case 'some':
    case 'every':
    case 'none':
    case 'length':
      valueProblems(arg, at, out);
      return;
    case 'countOf': {
      if (!isObject(arg)) return bad('problem.condition.wantCountOf');
      for (const k of Object.keys(arg)) {
        if (k === 'where') conditionProblemsAt(arg.where, [...at, 'where'], out);
        else if (k === 'equals' || k === 'atLeast' || k === 'atMost') {
          if (!Number.isInteger(arg[k]) || (arg[k] as number) < 0) out.push(problem([...at, k], say('problem.condition.wholeNumber', { member: k, got: typeName(arg[k]) })));
        } else out.push(problem([...at, k], say('problem.condition.countOfMember', { member: k })));
      }
      return;
    }
    default:
      return; // equals, notEquals and contains take any value
  }
}

function valueProblems(m: unknown, path: (string | number)[], out: ConditionProblem[]): void {
  if (isMatcher(m)) for (const [op, arg] of Object.entries(m)) operatorProblems(op, arg, path, out);
  else if (isObject(m)) conditionProblemsAt(m, path, out);
}

function conditionProblemsAt(cond: unknown, path: (string | number)[], out: ConditionProblem[]): void {
  if (!isObject(cond)) {
    out.push(problem(path, say('problem.condition.notObject', { got: typeName(cond) })));
    return;
  }
  for (const [key, want] of Object.entries(cond)) {
    const at = [...path, key];
    if (key === 'all' || key === 'any') {
      if (!Array.isArray(want)) out.push(problem(at, say('problem.condition.conditions', { key, got: typeName(want) })));
      else want.forEach((c, i) => conditionProblemsAt(c, [...at, i], out));
    } else if (key === 'not') conditionProblemsAt(want, at, out);
    else valueProblems(want, at, out);
  }
}

/** What in a condition cannot be evaluated as meant: matcher arguments of the wrong type, patterns RE2 refuses. */
export function conditionProblems(cond: unknown): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  conditionProblemsAt(cond, [], out);
  return out;
}
