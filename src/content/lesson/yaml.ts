import { parseYaml } from '../../formats/yamlDoc';
import { fileError, formatProblems, type Problem } from '../../formats/problem';
import { say } from '../../formats/diagnostics';
import { ScenarioError, type Expectation } from '../scenario';

/** The lesson files, by their path inside lessons/. */
export type Files = Record<string, string>;

/** A lesson (or its index, a log, a demo) that cannot be read: every problem names the file, the line and the member. */
export class LessonError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'LessonError';
  }
}

/** The problems an error thrown while reading `file` stands for. */
export function problemsOf(file: string, e: unknown): Problem[] {
  if (e instanceof ScenarioError) return e.problems;
  if (e instanceof LessonError) return e.problems;
  return [{ file, line: 1, column: 1, member: '', message: e instanceof Error ? e.message : String(e), severity: 'error' }];
}

/** A YAML mapping with positions, or undefined after recording why not. */
export function readYaml(files: Files, file: string, problems: Problem[]): { data: Record<string, unknown>; at: (p: (string | number)[]) => { line: number; column: number } } | undefined {
  const text = files[file];
  if (text === undefined) {
    problems.push(fileError(file, { line: 1, column: 1 }, '', say('problem.lesson.missing')));
    return undefined;
  }
  const doc = parseYaml(text, file);
  // The first few syntax errors; the rest usually follow from the first.
  problems.push(...doc.errors.slice(0, 3));
  if (doc.errors.length) return undefined;
  if (doc.data === null || typeof doc.data !== 'object' || Array.isArray(doc.data)) {
    problems.push(fileError(file, { line: 1, column: 1 }, '', say('problem.lesson.mapping')));
    return undefined;
  }
  return { data: doc.data as Record<string, unknown>, at: (p) => doc.at(p) };
}

const CHECK_KEYS = ['count', 'where', 'equals', 'atLeast', 'atMost', 'event', 'sequence'];

/** The condition members of a goal, diagnostic or prediction, as an expectation. */
export function toCheck(raw: Record<string, unknown>, index: number): Expectation {
  const e: Expectation = { index };
  for (const k of CHECK_KEYS) if (raw[k] !== undefined) (e as unknown as Record<string, unknown>)[k] = raw[k];
  return e;
}

const COLLECTIONS = new Set([
  'tasks',
  'containerInstances',
  'services',
  'clusters',
  'taskDefinitions',
  'events',
  'serviceEvents',
  'calls',
  'traces',
  'datapoints',
  'alarms',
  'scalingPolicies',
  'scalingActivities',
  'containers',
  'processes',
  'images',
  'localTraffic',
  'targetGroups',
  'scalableTargets',
  'capacityProviders',
  'rules',
  'discoveryServices',
]);

/** Checks a condition's members (exactly one kind, a known collection, a bound). */
export function checkCheck(raw: Record<string, unknown>, file: string, member: string, at: () => { line: number; column: number }, problems: Problem[]): void {
  const kinds = ['count', 'event', 'sequence', 'rate'].filter((k) => raw[k] !== undefined);
  if (kinds.length !== 1) problems.push(fileError(file, at(), member, say('problem.lesson.checkKind')));
  if (raw.rate !== undefined) {
    const r = raw.rate as Record<string, unknown> | null;
    if (!r || typeof r.of !== 'object' || typeof r.over !== 'object') problems.push(fileError(file, at(), `${member}.rate`, say('problem.lesson.rateOf')));
    if (raw.window === undefined) problems.push(fileError(file, at(), `${member}.window`, say('problem.lesson.rateWindow')));
    if (raw.atLeast === undefined && raw.atMost === undefined) problems.push(fileError(file, at(), member, say('problem.lesson.rateBound')));
  }
  if (raw.count !== undefined && !COLLECTIONS.has(String(raw.count))) problems.push(fileError(file, at(), `${member}.count`, say('problem.lesson.collection', { collection: String(raw.count), known: [...COLLECTIONS].join(', ') })));
  if (raw.count !== undefined && raw.equals === undefined && raw.atLeast === undefined && raw.atMost === undefined) problems.push(fileError(file, at(), member, say('problem.lesson.countBound')));
}
