import { formatClock } from '../sim';
import { fileError, type Problem, type Said } from '../formats/problem';
import { say } from '../formats/diagnostics';
import { parseRef, refsIn } from './calls';
import { conditionProblems } from './expect';
import type { Expectation, Scenario } from './scenarioTypes';

/**
 * What the schema cannot see and the runner must not find out half-way: `${…}` references to calls that do
 * not exist or have not run yet, expectations about calls the run never reaches or checked after it ends,
 * and conditions whose matchers are of the wrong shape. Each becomes a problem at its file, line and member.
 */

type At = (path: (string | number)[], key?: boolean) => { line: number; column: number };
type Action = Scenario['actions'][number];

export function memberPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

const seconds = (ms: number) => (ms % 60_000 === 0 && ms >= 60_000 ? formatClock(ms) : `${ms / 1000} s`);

function describeAction(a: Action): string {
  return `actions[${a.index}]${a.id ? ` (id '${a.id}')` : ''}`;
}

/** The action a reference or an expectation names, by index among the requests or by id. */
function named(actions: readonly Action[], key: string | number): Action | undefined {
  if (typeof key === 'number' || /^\d+$/.test(key)) return actions[Number(key)];
  return actions.find((a) => a.id === key);
}

function unknownId(actions: readonly Action[], key: string): Said {
  const ids = actions.filter((a) => a.id).map((a) => a.id!);
  if (/^\d+$/.test(key)) return say('problem.scenario.onlyRequests', { count: actions.length });
  return ids.length && ids.length <= 12 ? say('problem.scenario.noIdOf', { id: key, ids: ids.join(', ') }) : say('problem.scenario.noSuchId', { id: key });
}

/**
 * A reference parseRef refuses, said with its form: the English is parseRef's (./calls.ts is first-load
 * code, so it keeps its words), which a test holds to the templates.
 */
function badRef(text: string, message: string): Said {
  const kind = text.split('|')[0]!.split(':')[0]!;
  const ref = `\${${text}}`;
  const said = message.endsWith('|after: needs the text to cut after')
    ? say('problem.scenario.refAfter', { ref })
    : say('problem.scenario.refGive', { ref, usage: say(`problem.scenario.usage.${kind as 'ci' | 'task' | 'taskIp' | 'call'}`) });
  return { message, form: said.form };
}

/** What is wrong with the reference `${text}`. */
const refSays = (text: string, detail: Said) => say('problem.scenario.ref', { ref: `\${${text}}`, detail });

/** Runs before: earlier in time, or at the same time and earlier in the file (actions due together run in file order). */
const runsBefore = (a: Action, b: Action) => a.at < b.at || (a.at === b.at && a.index < b.index);

/** The references in each action's input name calls that exist and have run by then. */
function actionRefProblems(actions: readonly Action[], written: readonly Record<string, unknown>[], at: At, file: string, problems: Problem[]): void {
  for (const a of actions) {
    // A copilot or compose action's requests are named at the action; a call's at the member of its input.
    const w = written[a.source];
    const expanded = typeof w?.call !== 'string' ? (typeof w?.copilot === 'string' ? 'copilot' : 'compose') : undefined;
    for (const { path, text } of refsIn(a.input)) {
      const place = expanded ? ['actions', a.source, expanded] : ['actions', a.source, 'input', ...path];
      const member = memberPath(place);
      const r = parseRef(text);
      if (r.kind === 'bad') problems.push(fileError(file, at(place), member, badRef(text, r.message)));
      if (r.kind !== 'call') continue;
      const target = named(actions, r.key);
      if (!target) problems.push(fileError(file, at(place), member, refSays(text, unknownId(actions, r.key))));
      else if (target === a) problems.push(fileError(file, at(place), member, refSays(text, say('problem.scenario.ownResponse'))));
      else if (!runsBefore(target, a)) {
        const when = target.at === a.at ? say('problem.scenario.whenSame', { at: seconds(a.at) }) : say('problem.scenario.whenLater', { at: seconds(target.at), call: seconds(a.at) });
        problems.push(fileError(file, at(place), member, refSays(text, say('problem.scenario.notYet', { action: describeAction(target), when }))));
      }
    }
  }
}

/** An expectation's call, and the calls its references name, run by the time it is checked. */
function expectationCallProblems(e: Expectation, actions: readonly Action[], end: number, at: At, file: string, problems: Problem[]): void {
  const checkedAt = Math.min(e.at ?? end, end);
  const when = e.at !== undefined && e.at <= end ? say('problem.scenario.checkAt', { at: seconds(e.at) }) : say('problem.scenario.runEnds', { at: seconds(end) });
  const runsAfter = (a: Action) => say('problem.scenario.runsAfter', { action: describeAction(a), at: seconds(a.at), when });
  const late = (a: Action) => a.at > checkedAt;
  if (e.call !== undefined) {
    const target = named(actions, e.call);
    if (target && late(target)) {
      problems.push(fileError(file, at(['expect', e.index, 'call']), `expect[${e.index}].call`, runsAfter(target)));
    }
  }
  const { index: _i, at: _a, ...written } = e;
  for (const { path, text } of refsIn(written)) {
    const place = ['expect', e.index, ...path];
    const r = parseRef(text);
    if (r.kind === 'bad') problems.push(fileError(file, at(place), memberPath(place), badRef(text, r.message)));
    if (r.kind !== 'call') continue;
    const target = named(actions, r.key);
    if (!target) problems.push(fileError(file, at(place), memberPath(place), refSays(text, unknownId(actions, r.key))));
    else if (late(target)) problems.push(fileError(file, at(place), memberPath(place), refSays(text, runsAfter(target))));
  }
}

/** Each condition of an expectation, checked for matcher shapes. */
function expectationConditionProblems(e: Expectation, at: At, file: string, problems: Problem[]): void {
  const conditions: [(string | number)[], unknown][] = [];
  for (const k of ['where', 'event', 'output', 'error'] as const) if (e[k] !== undefined) conditions.push([[k], e[k]]);
  (e.sequence ?? []).forEach((c, i) => conditions.push([['sequence', i], c]));
  for (const [base, cond] of conditions) {
    for (const p of conditionProblems(cond)) {
      const place = ['expect', e.index, ...base, ...p.path];
      problems.push(fileError(file, at(place), memberPath(place), p.form ? { message: p.message, form: p.form } : p.message));
    }
  }
}

/**
 * Checks a scenario's references and expectations before it runs. `end` is when the run stops (the file's
 * `until`, the runner's --until, or the last action).
 */
export function checkScenario(actions: readonly Action[], written: readonly Record<string, unknown>[], expect: readonly Expectation[], end: number, at: At, file: string, problems: Problem[]): void {
  actionRefProblems(actions, written, at, file, problems);
  // A checkpoint after the end is not an error: a longer --until reaches it, and the report says it was not reached.
  for (const e of expect) {
    expectationCallProblems(e, actions, end, at, file, problems);
    expectationConditionProblems(e, at, file, problems);
  }
}
