import { fileError, type Problem } from '../../formats/problem';
import { say } from '../../formats/diagnostics';
import { Sim, parseDuration } from '../../sim';
import type { LearnerAction } from '../timeline';
import type { ActionLog } from './types';
import { LessonError, readYaml, type Files } from './yaml';

/** Reads an action log file (a solution, a trap or a learner's export); throws LessonError on a problem. */
export function parseLog(files: Files, file: string): ActionLog {
  const problems: Problem[] = [];
  const log = readLog(files, file, problems);
  if (problems.length) throw new LessonError(problems);
  return log;
}

/** The numbered steps of a lesson's Steps section: each line that starts `1. `, `2. ` … */
export const numberedSteps = (steps: string): number => steps.match(/^\d+\. /gm)?.length ?? 0;

/**
 * An action log's actions and predictions; problems are recorded, not thrown. With `steps` (a lesson's
 * solution, whose text numbers that many steps), every action says which numbered step it does (`step: N`).
 */
export function readLog(files: Files, file: string, problems: Problem[], steps?: number): ActionLog {
  const y = readYaml(files, file, problems);
  if (!y) return { actions: [], predictions: {} };
  const list = y.data.actions;
  const actions: LearnerAction[] = [];
  const stepOf: number[] = [];
  if (!Array.isArray(list)) problems.push(fileError(file, y.at(['actions']), 'actions', say('problem.lesson.actions')));
  else {
    let last = 0;
    list.forEach((a: Record<string, unknown>, i) => {
      const member = `actions[${i}]`;
      const where = () => y.at(['actions', i]);
      if (a === null || typeof a !== 'object') {
        problems.push(fileError(file, where(), member, say('problem.lesson.action')));
        return;
      }
      const at = a.at === undefined ? last : parseDuration(a.at);
      if (at === undefined) {
        problems.push(fileError(file, y.at(['actions', i, 'at']), `${member}.at`, say('problem.lesson.notTime', { value: String(a.at) })));
        return;
      }
      if (at < last) problems.push(fileError(file, y.at(['actions', i, 'at']), `${member}.at`, say('problem.lesson.timeOrder')));
      last = at;
      if (steps !== undefined) {
        const n = a.step;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= steps) stepOf.push(n);
        else problems.push(fileError(file, a.step === undefined ? where() : y.at(['actions', i, 'step']), `${member}.step`, say('problem.lesson.step', { steps })));
      }
      if (typeof a.command === 'string') {
        const f = a.files as Record<string, string> | undefined;
        actions.push({ at, kind: 'command', line: a.command, ...(f ? { files: f } : {}) });
      } else if (typeof a.call === 'string') {
        if (!Sim.hasOperation(a.call)) problems.push(fileError(file, y.at(['actions', i, 'call']), `${member}.call`, say('problem.lesson.operation', { call: a.call })));
        actions.push({ at, kind: 'call', call: a.call, input: (a.input as Record<string, unknown>) ?? {} });
      } else problems.push(fileError(file, where(), member, say('problem.lesson.commandOrCall')));
    });
  }
  const predictions = (y.data.predictions as Record<string, number> | undefined) ?? {};
  return { actions, predictions, ...(steps !== undefined ? { steps: stepOf } : {}) };
}
