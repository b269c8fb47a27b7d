import { parseYaml } from '../formats/yamlDoc';
import { formatProblems, type Problem } from '../formats/problem';
import { Sim, parseDuration, formatClock } from '../sim';
import { parseScenario, ScenarioError, type Expectation, type Scenario } from './scenario';
import type { CallRecord } from './calls';
import { collection } from './collections';
import { evaluate } from './evaluate';
import { eventHash } from './report';
import { matches } from './expect';
import { Timeline, type LearnerAction, type Outcome } from './timeline';

/**
 * Lessons as data: lessons/<id>/lesson.yaml (metadata, goals, diagnostics, predictions),
 * start.yaml (a scenario), solution.yaml and traps/*.yaml (action logs), text/en.md. This module
 * parses them from a map of file texts (so the page and Node load them the same way) and checks
 * an action log by replaying it from the start state.
 */

export class LessonError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'LessonError';
  }
}

/** A goal: a condition over the world and the event log, optionally over time. */
export interface Goal {
  id: string;
  label: string;
  check: Expectation;
  /** The condition holds at every sample of the run's final window of this length (ms). */
  holdsFor?: number;
  /** The condition is never true at any sample (it describes what must not happen). */
  never?: boolean;
  /** With `after`: true at some sample within this long (ms) of the first event matching `after`. */
  within?: number;
  after?: Record<string, unknown>;
  /** For datapoints and events: only those of the run's final window of this length (ms). */
  window?: number;
  /** For never: samples before this time (ms) do not count (the world is still being set up). */
  from?: number;
  /**
   * A rate over the final `window`: the sum of the datapoints matching `of` divided by the sum of those
   * matching `over` (an error rate: 5xx over requests), bounded by atLeast / atMost.
   */
  rate?: { of: Record<string, unknown>; over: Record<string, unknown> };
}

export interface Diagnostic {
  id: string;
  message: string;
  when: Expectation;
}

export interface Prediction {
  id: string;
  prompt: string;
  choices: { label: string; when: Expectation }[];
}

export interface ActionLog {
  actions: LearnerAction[];
  predictions: Record<string, number>;
}

export interface Trap {
  name: string;
  misconception: string;
  diagnostic: string;
  log: ActionLog;
}

export interface Lesson {
  id: string;
  title: string;
  chapter: string;
  summary: string;
  prerequisites: string[];
  /** Console command prefixes and editor actions the lesson allows (empty: everything). */
  allowed: string[];
  /** How long the checker runs the world (ms). */
  until: number;
  sampleEvery: number;
  goals: Goal[];
  diagnostics: Diagnostic[];
  predictions: Prediction[];
  start: Scenario;
  startText: string;
  solution: ActionLog;
  traps: Trap[];
  text: { briefing: string; steps: string; hints: string[]; debrief: string };
  /** Editor files the lesson starts with (name → text). */
  files: Record<string, string>;
}

export interface Demo {
  id: string;
  title: string;
  summary: string;
  scenario: Scenario;
  text: string;
  /** Moments where the presenter's clock stops for a "predict, then reveal" question. */
  pauses: { at: number; prompt: string; reveal: string }[];
}

export interface LessonIndex {
  chapters: { title: string; lessons: string[] }[];
  demos: string[];
}

type Files = Record<string, string>;

function problemsOf(file: string, e: unknown): Problem[] {
  if (e instanceof ScenarioError) return e.problems;
  if (e instanceof LessonError) return e.problems;
  return [{ file, line: 1, column: 1, member: '', message: e instanceof Error ? e.message : String(e), severity: 'error' }];
}

function readYaml(files: Files, file: string, problems: Problem[]): { data: Record<string, unknown>; at: (p: (string | number)[]) => { line: number; column: number } } | undefined {
  const text = files[file];
  if (text === undefined) {
    problems.push({ severity: 'error', file, line: 1, column: 1, member: '', message: 'the file is missing' });
    return undefined;
  }
  const doc = parseYaml(text, file);
  // The first few syntax errors; the rest usually follow from the first.
  problems.push(...doc.errors.slice(0, 3));
  if (doc.errors.length) return undefined;
  if (doc.data === null || typeof doc.data !== 'object' || Array.isArray(doc.data)) {
    problems.push({ severity: 'error', file, line: 1, column: 1, member: '', message: 'expected a mapping' });
    return undefined;
  }
  return { data: doc.data as Record<string, unknown>, at: (p) => doc.at(p) };
}

const CHECK_KEYS = ['count', 'where', 'equals', 'atLeast', 'atMost', 'event', 'sequence'];

function toCheck(raw: Record<string, unknown>, index: number): Expectation {
  const e: Expectation = { index };
  for (const k of CHECK_KEYS) if (raw[k] !== undefined) (e as unknown as Record<string, unknown>)[k] = raw[k];
  return e;
}

const COLLECTIONS = new Set(['tasks', 'containerInstances', 'services', 'clusters', 'taskDefinitions', 'events', 'serviceEvents', 'calls', 'traces', 'datapoints', 'alarms', 'scalingPolicies', 'scalingActivities', 'containers', 'images', 'localTraffic', 'targetGroups', 'scalableTargets', 'capacityProviders', 'rules', 'discoveryServices']);

function checkCheck(raw: Record<string, unknown>, file: string, member: string, at: () => { line: number; column: number }, problems: Problem[]): void {
  const kinds = ['count', 'event', 'sequence', 'rate'].filter((k) => raw[k] !== undefined);
  if (kinds.length !== 1) problems.push({ severity: 'error', file, ...at(), member, message: 'needs exactly one of count, event, sequence or rate' });
  if (raw.rate !== undefined) {
    const r = raw.rate as Record<string, unknown> | null;
    if (!r || typeof r.of !== 'object' || typeof r.over !== 'object') problems.push({ severity: 'error', file, ...at(), member: `${member}.rate`, message: 'a rate needs of and over (datapoint conditions)' });
    if (raw.window === undefined) problems.push({ severity: 'error', file, ...at(), member: `${member}.window`, message: 'a rate needs a window (the final 60s, …)' });
    if (raw.atLeast === undefined && raw.atMost === undefined) problems.push({ severity: 'error', file, ...at(), member, message: 'a rate needs atLeast or atMost' });
  }
  if (raw.count !== undefined && !COLLECTIONS.has(String(raw.count))) problems.push({ severity: 'error', file, ...at(), member: `${member}.count`, message: `unknown collection '${String(raw.count)}'; known: ${[...COLLECTIONS].join(', ')}` });
  if (raw.count !== undefined && raw.equals === undefined && raw.atLeast === undefined && raw.atMost === undefined) problems.push({ severity: 'error', file, ...at(), member, message: 'a count needs equals, atLeast or atMost' });
}

/** Reads an action log file (a solution, a trap or a learner's export); throws LessonError on a problem. */
export function parseLog(files: Files, file: string): ActionLog {
  const problems: Problem[] = [];
  const log = readLog(files, file, problems);
  if (problems.length) throw new LessonError(problems);
  return log;
}

function readLog(files: Files, file: string, problems: Problem[]): ActionLog {
  const y = readYaml(files, file, problems);
  if (!y) return { actions: [], predictions: {} };
  const list = y.data.actions;
  const actions: LearnerAction[] = [];
  if (!Array.isArray(list)) problems.push({ severity: 'error', file, ...y.at(['actions']), member: 'actions', message: 'expected a list of actions' });
  else {
    let last = 0;
    list.forEach((a: Record<string, unknown>, i) => {
      const member = `actions[${i}]`;
      const where = () => y.at(['actions', i]);
      if (a === null || typeof a !== 'object') {
        problems.push({ severity: 'error', file, ...where(), member, message: 'expected { at, command } or { at, call, input }' });
        return;
      }
      const at = a.at === undefined ? last : parseDuration(a.at);
      if (at === undefined) {
        problems.push({ severity: 'error', file, ...y.at(['actions', i, 'at']), member: `${member}.at`, message: `'${String(a.at)}' is not a time` });
        return;
      }
      if (at < last) problems.push({ severity: 'error', file, ...y.at(['actions', i, 'at']), member: `${member}.at`, message: 'actions must be in time order' });
      last = at;
      if (typeof a.command === 'string') {
        const f = a.files as Record<string, string> | undefined;
        actions.push({ at, kind: 'command', line: a.command, ...(f ? { files: f } : {}) });
      } else if (typeof a.call === 'string') {
        if (!Sim.hasOperation(a.call)) problems.push({ severity: 'error', file, ...y.at(['actions', i, 'call']), member: `${member}.call`, message: `unknown operation '${a.call}'` });
        actions.push({ at, kind: 'call', call: a.call, input: (a.input as Record<string, unknown>) ?? {} });
      } else problems.push({ severity: 'error', file, ...where(), member, message: 'expected command or call' });
    });
  }
  const predictions = (y.data.predictions as Record<string, number> | undefined) ?? {};
  return { actions, predictions };
}

/** Splits the lesson text at its `## ` headings: Briefing, Steps, Hints (one per list item), Debrief. */
export function splitText(md: string): Lesson['text'] {
  const sections: Record<string, string> = {};
  let cur = 'briefing';
  for (const line of md.split('\n')) {
    const h = /^## (.+)$/.exec(line);
    if (h) {
      cur = h[1]!.trim().toLowerCase();
      sections[cur] = '';
      continue;
    }
    sections[cur] = (sections[cur] ?? '') + line + '\n';
  }
  const hints = (sections.hints ?? '').split('\n').filter((l) => /^- /.test(l)).map((l) => l.slice(2).trim());
  return { briefing: (sections.briefing ?? '').trim(), steps: (sections.steps ?? '').trim(), hints, debrief: (sections.debrief ?? '').trim() };
}

/** Reads one lesson from its files (paths relative to lessons/). Throws LessonError naming file, line and member. */
export function parseLesson(files: Files, id: string): Lesson {
  const problems: Problem[] = [];
  const dir = `${id}/`;
  const file = `${dir}lesson.yaml`;
  const y = readYaml(files, file, problems);
  if (!y) throw new LessonError(problems);
  const d = y.data;
  const str = (k: string, required = true): string => {
    const v = d[k];
    if (typeof v === 'string') return v;
    if (required) problems.push({ severity: 'error', file, ...y.at([k]), member: k, message: 'expected a string' });
    return '';
  };
  const known = new Set(['id', 'title', 'chapter', 'summary', 'prerequisites', 'allowed', 'until', 'sampleEvery', 'goals', 'diagnostics', 'predictions', 'files']);
  for (const k of Object.keys(d)) if (!known.has(k)) problems.push({ severity: 'error', file, ...y.at([k], ), member: k, message: `unknown member '${k}'` });
  if (d.id !== id) problems.push({ severity: 'error', file, ...y.at(['id']), member: 'id', message: `expected '${id}' (the folder's name)` });
  const until = parseDuration(d.until);
  if (until === undefined) problems.push({ severity: 'error', file, ...y.at(['until']), member: 'until', message: 'expected a duration such as 10m' });
  const goals: Goal[] = [];
  if (!Array.isArray(d.goals) || d.goals.length === 0) problems.push({ severity: 'error', file, ...y.at(['goals']), member: 'goals', message: 'expected a list of goals' });
  else (d.goals as Record<string, unknown>[]).forEach((g, i) => {
    const member = `goals[${i}]`;
    const at = () => y.at(['goals', i]);
    if (typeof g.id !== 'string' || typeof g.label !== 'string') problems.push({ severity: 'error', file, ...at(), member, message: 'a goal needs an id and a label' });
    checkCheck(g, file, member, at, problems);
    const dur = (k: string) => {
      if (g[k] === undefined) return undefined;
      const v = parseDuration(g[k]);
      if (v === undefined) problems.push({ severity: 'error', file, ...y.at(['goals', i, k]), member: `${member}.${k}`, message: 'expected a duration' });
      return v;
    };
    const goal: Goal = { id: String(g.id), label: String(g.label), check: toCheck(g, i) };
    const hf = dur('holdsFor');
    if (hf !== undefined) goal.holdsFor = hf;
    const w = dur('within');
    if (w !== undefined) goal.within = w;
    const win = dur('window');
    if (win !== undefined) goal.window = win;
    const from = dur('from');
    if (from !== undefined) goal.from = from;
    if (g.never === true) goal.never = true;
    if (g.rate !== undefined) goal.rate = g.rate as Goal['rate'] & object;
    if (g.after !== undefined) goal.after = g.after as Record<string, unknown>;
    if ((goal.within === undefined) !== (goal.after === undefined)) problems.push({ severity: 'error', file, ...at(), member, message: 'within and after go together' });
    goals.push(goal);
  });
  const diagnostics: Diagnostic[] = ((d.diagnostics as Record<string, unknown>[] | undefined) ?? []).map((x, i) => {
    const at = () => y.at(['diagnostics', i]);
    if (typeof x.id !== 'string' || typeof x.message !== 'string' || typeof x.when !== 'object') problems.push({ severity: 'error', file, ...at(), member: `diagnostics[${i}]`, message: 'a diagnostic needs id, message and when' });
    else checkCheck(x.when as Record<string, unknown>, file, `diagnostics[${i}].when`, at, problems);
    return { id: String(x.id), message: String(x.message), when: toCheck((x.when as Record<string, unknown>) ?? {}, i) };
  });
  const predictions: Prediction[] = ((d.predictions as Record<string, unknown>[] | undefined) ?? []).map((p, i) => ({
    id: String(p.id), prompt: String(p.prompt),
    choices: ((p.choices as Record<string, unknown>[] | undefined) ?? []).map((c, j) => {
      checkCheck((c.when as Record<string, unknown>) ?? {}, file, `predictions[${i}].choices[${j}].when`, () => y.at(['predictions', i, 'choices', j]), problems);
      return { label: String(c.label), when: toCheck((c.when as Record<string, unknown>) ?? {}, j) };
    }),
  }));
  let start: Scenario | undefined;
  const startText = files[`${dir}start.yaml`];
  if (startText === undefined) problems.push({ severity: 'error', file: `${dir}start.yaml`, line: 1, column: 1, member: '', message: 'the file is missing' });
  else {
    try {
      start = parseScenario(startText, `${dir}start.yaml`);
    } catch (e) {
      problems.push(...problemsOf(`${dir}start.yaml`, e));
    }
  }
  const solution = readLog(files, `${dir}solution.yaml`, problems);
  const traps: Trap[] = Object.keys(files).filter((f) => f.startsWith(`${dir}traps/`) && f.endsWith('.yaml')).sort().map((f) => {
    const ty = readYaml(files, f, problems);
    const misconception = typeof ty?.data.misconception === 'string' ? ty.data.misconception : '';
    const diagnostic = typeof ty?.data.diagnostic === 'string' ? ty.data.diagnostic : '';
    if (ty && (!misconception || !diagnostic)) problems.push({ severity: 'error', file: f, line: 1, column: 1, member: misconception ? 'diagnostic' : 'misconception', message: 'a trap names the misconception it encodes and the diagnostic it must fail with' });
    else if (ty && !diagnostics.some((x) => x.id === diagnostic)) problems.push({ severity: 'error', file: f, ...(ty?.at(['diagnostic']) ?? { line: 1, column: 1 }), member: 'diagnostic', message: `no diagnostic '${diagnostic}' in ${file}` });
    return { name: f.slice(dir.length + 6, -5), misconception, diagnostic, log: ty ? readLog(files, f, problems) : { actions: [], predictions: {} } };
  });
  if (traps.length === 0) problems.push({ severity: 'error', file: `${dir}traps/`, line: 1, column: 1, member: '', message: 'a lesson has at least one trap' });
  const md = files[`${dir}text/en.md`];
  if (md === undefined) problems.push({ severity: 'error', file: `${dir}text/en.md`, line: 1, column: 1, member: '', message: 'the file is missing' });
  const text = splitText(md ?? '');
  if (md !== undefined && (!text.briefing || !text.debrief)) problems.push({ severity: 'error', file: `${dir}text/en.md`, line: 1, column: 1, member: '', message: 'the text needs a briefing (before the first heading) and a ## Debrief' });
  const lessonFiles: Record<string, string> = {};
  for (const [name, src] of Object.entries((d.files as Record<string, string> | undefined) ?? {})) {
    const t = files[`${dir}${src}`];
    if (t === undefined) problems.push({ severity: 'error', file, ...y.at(['files', name]), member: `files.${name}`, message: `${dir}${src} does not exist` });
    else lessonFiles[name] = t;
  }
  if (problems.length) throw new LessonError(problems);
  return {
    id, title: str('title'), chapter: str('chapter'), summary: str('summary'),
    prerequisites: (d.prerequisites as string[] | undefined) ?? [], allowed: (d.allowed as string[] | undefined) ?? [],
    until: until!, sampleEvery: parseDuration(d.sampleEvery ?? 10) ?? 10_000, goals, diagnostics, predictions,
    start: start!, startText: startText!, solution, traps, text, files: lessonFiles,
  };
}

export function parseIndex(files: Files): LessonIndex {
  const problems: Problem[] = [];
  const y = readYaml(files, 'index.yaml', problems);
  if (!y) throw new LessonError(problems);
  const chapters = (y.data.chapters as { title: string; lessons: string[] }[] | undefined) ?? [];
  return { chapters, demos: (y.data.demos as string[] | undefined) ?? [] };
}

export function parseDemo(files: Files, id: string): Demo {
  const file = `demos/${id}.yaml`;
  const text = files[file];
  if (text === undefined) throw new LessonError([{ file, line: 1, column: 1, member: '', message: 'the file is missing', severity: 'error' }]);
  let scenario: Scenario;
  try {
    scenario = parseScenario(text, file);
  } catch (e) {
    throw new LessonError(problemsOf(file, e));
  }
  const presenter = (parseYaml(text).data as { presenter?: { summary?: string; text?: string; pauses?: { at: unknown; prompt: string; reveal: string }[] } }).presenter ?? {};
  const pauses = (presenter.pauses ?? []).map((p) => ({ at: parseDuration(p.at) ?? 0, prompt: p.prompt, reveal: p.reveal }));
  return { id, title: scenario.name, summary: presenter.summary ?? '', scenario, text: presenter.text ?? '', pauses };
}

// ---- the checker ----

/** A learner action in the `calls` collection. */
export type LearnerCall = CallRecord & { response?: unknown; calls?: CallRecord[] };

export interface ChecklistItem {
  id: string;
  label: string;
  passed: boolean;
  detail: string;
}

export interface LessonReport {
  id: string;
  passed: boolean;
  checklist: ChecklistItem[];
  diagnostics: { id: string; message: string }[];
  predictions: { id: string; prompt: string; chosen: string | null; correct: string | null; right: boolean | null }[];
  /** Simulated time the run took (ms) and its event hash. */
  clock: number;
  eventHash: string;
}

/** Restricts datapoints and events to the final window of a goal. */
function windowed(g: Goal, end: number): Expectation {
  if (g.window === undefined || !g.check.count) return g.check;
  const from = end - g.window;
  const field = g.check.count === 'datapoints' ? { t: { gte: from / 1000 } } : g.check.count === 'events' ? { t: { gte: from } } : {};
  return { ...g.check, where: { ...(g.check.where ?? {}), ...field } };
}

/** Why tasks are not where a goal wants them: the newest placement failure, as the trace says it. */
function nearMiss(sim: Sim, where?: Record<string, unknown>): string {
  const w = sim.world;
  const about = [where?.family, where?.serviceName, where?.group].filter((x): x is string => typeof x === 'string');
  const waiting = Object.values(w.tasks).filter((t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING').length;
  for (let i = w.traces.length - 1; i >= 0; i--) {
    const tr = w.traces[i]!;
    if (about.length && !about.some((a) => tr.group.includes(a))) continue;
    if (tr.failure) return `${waiting ? `${waiting} waiting; ` : ''}the last placement that failed (${tr.group}): ${tr.failure.reason}${tr.failure.detail ? ` — ${tr.failure.detail}` : ''}`;
  }
  for (const s of Object.values(w.services)) {
    const e = s.events[0];
    if (e && /unable to place/.test(e.message)) return e.message;
  }
  return '';
}

function describeSeen(seen: unknown): string {
  if (typeof seen === 'number') return `${seen} found`;
  if (typeof seen === 'string') return seen;
  return '';
}

/** A rate goal: of / over, summed over the datapoints of the final window. */
function rateItem(sim: Sim, g: Goal): ChecklistItem {
  const from = (sim.now - (g.window ?? 60_000)) / 1000;
  const points = (collection(sim, 'datapoints', []) as { t: number; value: number }[]).filter((p) => p.t >= from);
  const sum = (cond: Record<string, unknown>) => points.filter((p) => matches(p, cond)).reduce((a, p) => a + p.value, 0);
  const of = sum(g.rate!.of);
  const over = sum(g.rate!.over);
  if (over === 0) return { id: g.id, label: g.label, passed: false, detail: 'nothing to measure in that window (no requests)' };
  const r = of / over;
  const ok = (g.check.atLeast === undefined || r >= g.check.atLeast) && (g.check.atMost === undefined || r <= g.check.atMost);
  const pct = (x: number) => `${+(x * 100).toFixed(2)} %`;
  const need = g.check.atMost !== undefined ? `at most ${pct(g.check.atMost)}` : `at least ${pct(g.check.atLeast!)}`;
  return { id: g.id, label: g.label, passed: ok, detail: ok ? '' : `${pct(r)} (${of} of ${over}); need ${need}` };
}

/** Goals that only need the world as it is now (what the live checklist can show without replaying). */
export function evaluateNow(sim: Sim, lesson: Lesson, calls: CallRecord[] = []): ChecklistItem[] {
  return lesson.goals.map((g) => {
    if (g.holdsFor !== undefined || g.never || g.within !== undefined) return { id: g.id, label: g.label, passed: false, detail: 'checked over time when you check your work' };
    if (g.rate) return rateItem(sim, g);
    const r = evaluate(sim, windowed(g, sim.now), calls);
    const need = g.check.atLeast !== undefined ? ` (need at least ${g.check.atLeast})` : g.check.equals !== undefined ? ` (need exactly ${g.check.equals})` : g.check.atMost !== undefined ? ` (need at most ${g.check.atMost})` : '';
    const short = typeof r.seen === 'number' && ((g.check.atLeast !== undefined && r.seen < g.check.atLeast) || (g.check.equals !== undefined && r.seen < g.check.equals));
    const miss = !r.passed && short && g.check.count === 'tasks' ? nearMiss(sim, g.check.where) : '';
    return { id: g.id, label: g.label, passed: r.passed, detail: r.passed ? '' : `${describeSeen(r.seen)}${need}${miss ? `. ${miss}` : ''}` };
  });
}

/**
 * The learner's actions as the `calls` collection: what was asked (the command line, or the call), what it
 * printed (`output`) or the error (the API's `{ code, message }`, else the exit status and the text), and as
 * data the API response and every request it made.
 */
export function learnerCalls(transcript: readonly Outcome[]): LearnerCall[] {
  return transcript.map((o) => ({
    at: o.action.at / 1000, call: o.action.kind === 'call' ? o.action.call : o.command, input: o.action.kind === 'call' ? o.action.input : { command: o.command },
    ...(o.exitCode === 0 ? { output: o.output } : { error: o.error ?? { code: String(o.exitCode), message: o.output } }),
    ...(o.response !== undefined ? { response: o.response } : {}),
    ...(o.calls ? { calls: o.calls } : {}),
  }));
}

/**
 * Replays the lesson's start state with an action log to `lesson.until`, sampling the goals that
 * speak about time, and reports the checklist. A lesson is passed only by what its actions produce.
 */
export function checkLesson(lesson: Lesson, log: ActionLog, seed = lesson.start.seed, after?: (t: Timeline) => void): LessonReport {
  const t = new Timeline(lesson.start, seed, log.actions);
  const sampled = lesson.goals.filter((g) => g.holdsFor !== undefined || g.never || g.within !== undefined);
  const samples = new Map<string, { t: number; ok: boolean }[]>(sampled.map((g) => [g.id, []]));
  const sampleAll = () => {
    for (const g of sampled) samples.get(g.id)!.push({ t: t.now, ok: evaluate(t.sim, g.check, []).passed });
  };
  sampleAll();
  for (let at = lesson.sampleEvery; at <= lesson.until; at += lesson.sampleEvery) {
    t.advanceTo(at);
    sampleAll();
  }
  t.advanceTo(lesson.until);
  const sim = t.sim;
  const end = sim.now;
  const calls = learnerCalls(t.transcript);
  const now = evaluateNow(sim, lesson, calls);
  const checklist = lesson.goals.map((g, i) => {
    if (g.holdsFor === undefined && !g.never && g.within === undefined) return now[i]!;
    const s = samples.get(g.id)!;
    if (g.never) {
      const bad = s.find((x) => x.ok && x.t >= (g.from ?? 0));
      return { id: g.id, label: g.label, passed: !bad, detail: bad ? `it happened at ${formatClock(bad.t)}` : '' };
    }
    if (g.holdsFor !== undefined) {
      const win = s.filter((x) => x.t >= end - g.holdsFor!);
      const bad = win.find((x) => !x.ok);
      const miss = bad && g.check.count === 'tasks' ? nearMiss(sim, g.check.where) : '';
      return { id: g.id, label: g.label, passed: win.length > 0 && !bad, detail: bad ? `not true at ${formatClock(bad.t)} (it must hold for the last ${formatClock(g.holdsFor)})${miss ? `. ${miss}` : ''}` : '' };
    }
    const trigger = sim.events.find((e) => matches(e, g.after));
    if (!trigger) return { id: g.id, label: g.label, passed: false, detail: 'what it waits for never happened' };
    const hit = s.find((x) => x.ok && x.t >= trigger.t && x.t <= trigger.t + g.within!);
    return { id: g.id, label: g.label, passed: hit !== undefined, detail: hit ? '' : `not within ${formatClock(g.within!)} of ${formatClock(trigger.t)}` };
  });
  const passed = checklist.every((c) => c.passed);
  const diagnostics = passed ? [] : lesson.diagnostics.filter((d) => evaluate(sim, d.when, calls).passed).map((d) => ({ id: d.id, message: d.message }));
  const predictions = lesson.predictions.map((p) => {
    const correct = p.choices.findIndex((c) => evaluate(sim, c.when, []).passed);
    const chosen = log.predictions[p.id];
    return {
      id: p.id, prompt: p.prompt, chosen: chosen !== undefined ? (p.choices[chosen]?.label ?? null) : null,
      correct: correct >= 0 ? p.choices[correct]!.label : null, right: chosen === undefined ? null : chosen === correct,
    };
  });
  after?.(t);
  return { id: lesson.id, passed, checklist, diagnostics, predictions, clock: end, eventHash: eventHash(sim.events) };
}

export { collection };
