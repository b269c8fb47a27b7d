import { parseDuration } from '../../sim';
import { fileError, type Problem } from '../../formats/problem';
import { say } from '../../formats/diagnostics';
import { parseYaml } from '../../formats/yamlDoc';
import { checkCheck, toCheck } from './yaml';
import type { Goal } from './types';

/**
 * A predicate in the goals' language: a condition (count, event, sequence or rate) and what says it over time
 * (holdsFor, never, within … after, window, from, since). A lesson's goal is one with an id and a label; a demo's
 * answer choice is one with a label. Both are read here, so they are validated the same way.
 */

/** Where a predicate is in its file: problems name the file, the place of a member and the member. */
export interface PredicatePlace {
  file: string;
  /** The position of the predicate (path []) or of one of its members (path [key]; with `key`, of the member's name). */
  at: (path: (string | number)[], key?: boolean) => { line: number; column: number };
  problems: Problem[];
}

/** The members a predicate may have (a goal adds id, label, how and once). */
export const PREDICATE_MEMBERS = ['count', 'where', 'equals', 'atLeast', 'atMost', 'event', 'sequence', 'holdsFor', 'within', 'after', 'window', 'from', 'never', 'rate', 'since'];

/** Reads a predicate's members into `goal`; each problem names `member` and the member inside it. */
export function readPredicate(g: Record<string, unknown>, member: string, place: PredicatePlace, goal: Goal): Goal {
  const { file, at, problems } = place;
  checkCheck(g, file, member, () => at([]), problems);
  const dur = (k: string) => {
    if (g[k] === undefined) return undefined;
    const v = parseDuration(g[k]);
    if (v === undefined) problems.push(fileError(file, at([k]), `${member}.${k}`, say('problem.lesson.duration')));
    return v;
  };
  const hf = dur('holdsFor');
  if (hf !== undefined) goal.holdsFor = hf;
  const w = dur('within');
  if (w !== undefined) goal.within = w;
  const win = dur('window');
  if (win !== undefined) goal.window = win;
  const from = dur('from');
  if (from !== undefined) goal.from = from;
  if (g.never === true) goal.never = true;
  else if (g.never !== undefined) problems.push(fileError(file, at(['never']), `${member}.never`, say('problem.lesson.true')));
  if (g.rate !== undefined) goal.rate = g.rate as Goal['rate'] & object;
  if (g.after !== undefined) goal.after = g.after as Record<string, unknown>;
  if ((goal.within === undefined) !== (goal.after === undefined)) problems.push(fileError(file, at([]), member, say('problem.lesson.withinAfter')));
  if (g.since !== undefined) {
    if (g.since !== null && typeof g.since === 'object' && !Array.isArray(g.since)) goal.since = g.since as Record<string, unknown>;
    else problems.push(fileError(file, at(['since']), `${member}.since`, say('problem.lesson.eventCondition')));
  }
  return goal;
}

/** A demo's predicate (an answer choice's `when`): only the predicate's members, under the label given. */
export function readChoicePredicate(raw: unknown, member: string, place: PredicatePlace, label: string): Goal {
  const goal: Goal = { id: member, label, check: { index: 0 } };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    place.problems.push(fileError(place.file, place.at([]), member, say('problem.lesson.condition')));
    return goal;
  }
  const g = raw as Record<string, unknown>;
  for (const k of Object.keys(g))
    if (!PREDICATE_MEMBERS.includes(k)) place.problems.push(fileError(place.file, place.at([k], true), `${member}.${k}`, say('problem.lesson.conditionMember', { member: k, members: PREDICATE_MEMBERS.join(', ') })));
  goal.check = toCheck(g, 0);
  return readPredicate(g, member, place, goal);
}

/**
 * A predicate typed as text (YAML or JSON, as the Demos tool takes it): the predicate, or each problem as
 * `line:column: member: message` with `member` the name it has in the file (…choices[0].when).
 */
export function parsePredicateText(text: string, member = 'when'): { goal?: Goal; problems: string[] } {
  const y = parseYaml(text, '');
  const show = (p: Problem) => `${p.line}:${p.column}: ${p.member ? `${p.member}: ` : ''}${p.message}`;
  if (y.errors.length) return { problems: y.errors.slice(0, 3).map(show) };
  const problems: Problem[] = [];
  const goal = readChoicePredicate(y.data, member, { file: '', at: (p, key) => y.at(p, key), problems }, '');
  return problems.length ? { problems: problems.map(show) } : { goal, problems: [] };
}
