import { parseYaml } from '../../formats/yamlDoc';
import { fileError, type Problem, type Said } from '../../formats/problem';
import { say } from '../../formats/diagnostics';
import { parseDuration } from '../../sim';
import { readTime } from '../timeSaid';
import { parseScenario, type Scenario } from '../scenario';
import { readVariants } from '../variants';
import { allowedEntryProblem, COMMANDS } from '../console';
import type { Demo, Diagnostic, Goal, Lesson, LessonIndex, Prediction, Trap } from './types';
import { numberedSteps, readLog } from './log';
import { focusMember } from './focus';
import { readPredicate } from './predicate';
import { readCallouts, readPauses } from './demo';
import { LessonError, checkCheck, problemsOf, readYaml, toCheck, type Files } from './yaml';

/** One lesson.yaml being read: where it is, its data with positions, and the problems found so far. */
interface LessonFile {
  files: Files;
  dir: string;
  file: string;
  y: NonNullable<ReturnType<typeof readYaml>>;
  problems: Problem[];
}

const KNOWN = new Set(['id', 'title', 'chapter', 'summary', 'prerequisites', 'allowed', 'until', 'sampleEvery', 'goals', 'diagnostics', 'predictions', 'files', 'focus']);

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
  const hints = (sections.hints ?? '')
    .split('\n')
    .filter((l) => /^- /.test(l))
    .map((l) => l.slice(2).trim());
  return { briefing: (sections.briefing ?? '').trim(), steps: (sections.steps ?? '').trim(), hints, debrief: (sections.debrief ?? '').trim() };
}

function readGoal(g: Record<string, unknown>, i: number, { file, y, problems }: LessonFile): Goal {
  const member = `goals[${i}]`;
  const at = () => y.at(['goals', i]);
  if (typeof g.id !== 'string' || typeof g.label !== 'string') problems.push(fileError(file, at(), member, say('problem.lesson.goalId')));
  const goal = readPredicate(g, member, { file, at: (p) => y.at(['goals', i, ...p]), problems }, { id: String(g.id), label: String(g.label), check: toCheck(g, i) });
  if (g.how !== undefined) {
    if (typeof g.how === 'string') goal.how = g.how;
    else problems.push(fileError(file, y.at(['goals', i, 'how']), `${member}.how`, say('problem.lesson.string')));
  }
  if (g.broken !== undefined) {
    if (typeof g.broken === 'string' && g.broken !== '' && g.never === true) goal.broken = g.broken;
    else problems.push(fileError(file, y.at(['goals', i, 'broken']), `${member}.broken`, say('problem.lesson.broken')));
  }
  if (g.once !== undefined) {
    if (Array.isArray(g.once) && g.once.every((x) => typeof x === 'string')) goal.once = g.once as string[];
    else problems.push(fileError(file, y.at(['goals', i, 'once']), `${member}.once`, say('problem.lesson.goalIds')));
  }
  if (g.revealsAfter !== undefined) {
    if (Array.isArray(g.revealsAfter) && g.revealsAfter.length > 0 && g.revealsAfter.every((x) => typeof x === 'string')) goal.revealsAfter = g.revealsAfter as string[];
    else problems.push(fileError(file, y.at(['goals', i, 'revealsAfter']), `${member}.revealsAfter`, say('problem.lesson.predictionIds')));
  }
  if (g.labelBefore !== undefined) {
    if (typeof g.labelBefore === 'string' && g.labelBefore !== '') goal.labelBefore = g.labelBefore;
    else problems.push(fileError(file, y.at(['goals', i, 'labelBefore']), `${member}.labelBefore`, say('problem.lesson.string')));
  }
  if ((g.revealsAfter === undefined) !== (g.labelBefore === undefined)) {
    problems.push(fileError(file, at(), member, say('problem.lesson.revealsLabel')));
  }
  return goal;
}

/** A goal's `revealsAfter` names predictions of the lesson. */
function checkReveals(goals: Goal[], predictions: Prediction[], { file, y, problems }: LessonFile): void {
  goals.forEach((g, i) => {
    for (const [j, id] of (g.revealsAfter ?? []).entries()) {
      if (!predictions.some((p) => p.id === id)) problems.push(fileError(file, y.at(['goals', i, 'revealsAfter', j]), `goals[${i}].revealsAfter[${j}]`, say('problem.lesson.noPrediction', { id })));
    }
  });
}

/** A goal's `once` names goals that are judged on their own: not itself, not a never goal, none with a once of its own. */
function checkOnce(goals: Goal[], { file, y, problems }: LessonFile): void {
  goals.forEach((g, i) => {
    if (g.once && g.never) problems.push(fileError(file, y.at(['goals', i, 'once']), `goals[${i}].once`, say('problem.lesson.neverOnce')));
    for (const [j, id] of (g.once ?? []).entries()) {
      const other = goals.find((x) => x.id === id);
      const why = !other ? `no goal '${id}'` : other === g ? 'a goal cannot wait for itself' : other.never || other.once ? `'${id}' waits for other goals itself` : '';
      if (why) problems.push(fileError(file, y.at(['goals', i, 'once', j]), `goals[${i}].once[${j}]`, why));
    }
  });
}

function readGoals(l: LessonFile): Goal[] {
  const goals = l.y.data.goals;
  if (!Array.isArray(goals) || goals.length === 0) {
    l.problems.push(fileError(l.file, l.y.at(['goals']), 'goals', say('problem.lesson.goals')));
    return [];
  }
  const out = (goals as Record<string, unknown>[]).map((g, i) => readGoal(g, i, l));
  checkOnce(out, l);
  return out;
}

function readDiagnostics({ file, y, problems }: LessonFile): Diagnostic[] {
  return ((y.data.diagnostics as Record<string, unknown>[] | undefined) ?? []).map((x, i) => {
    const at = () => y.at(['diagnostics', i]);
    // One condition, or a list of them that must all hold.
    const list = (Array.isArray(x.when) ? x.when : [x.when]) as Record<string, unknown>[];
    if (typeof x.id !== 'string' || typeof x.message !== 'string' || list.length === 0 || list.some((w) => typeof w !== 'object' || w === null)) {
      problems.push(fileError(file, at(), `diagnostics[${i}]`, say('problem.lesson.diagnostic')));
      return { id: String(x.id), message: String(x.message), when: [] };
    }
    list.forEach((w, j) => checkCheck(w, file, Array.isArray(x.when) ? `diagnostics[${i}].when[${j}]` : `diagnostics[${i}].when`, () => y.at(Array.isArray(x.when) ? ['diagnostics', i, 'when', j] : ['diagnostics', i, 'when']), problems));
    const since = x.since !== null && typeof x.since === 'object' && !Array.isArray(x.since) ? { since: x.since as Record<string, unknown> } : {};
    if (x.since !== undefined && !since.since) problems.push(fileError(file, y.at(['diagnostics', i, 'since']), `diagnostics[${i}].since`, say('problem.lesson.eventCondition')));
    return { id: String(x.id), message: String(x.message), when: list.map((w, j) => toCheck(w, j)), ...since };
  });
}

/** A prediction's `decided`: the condition after which its outcome is known. */
function readDecided(p: Record<string, unknown>, i: number, { file, y, problems }: LessonFile): Prediction['decided'] {
  const d = p.decided as Record<string, unknown> | undefined;
  if (!d || typeof d !== 'object') problems.push(fileError(file, y.at(['predictions', i]), `predictions[${i}].decided`, say('problem.lesson.decided')));
  else checkCheck(d, file, `predictions[${i}].decided`, () => y.at(['predictions', i, 'decided']), problems);
  return toCheck(d ?? {}, i);
}

function readPredictions(l: LessonFile): Prediction[] {
  const { file, y, problems } = l;
  return ((y.data.predictions as Record<string, unknown>[] | undefined) ?? []).map((p, i) => ({
    id: String(p.id),
    prompt: String(p.prompt),
    decided: readDecided(p, i, l),
    choices: ((p.choices as Record<string, unknown>[] | undefined) ?? []).map((c, j) => {
      checkCheck((c.when as Record<string, unknown>) ?? {}, file, `predictions[${i}].choices[${j}].when`, () => y.at(['predictions', i, 'choices', j]), problems);
      return { label: String(c.label), when: toCheck((c.when as Record<string, unknown>) ?? {}, j) };
    }),
  }));
}

/** Why an `allowed` entry names no console command, said with its form (the English is the console's, which a test holds to the template). */
function allowedSaid(entry: string): Said | undefined {
  const why = allowedEntryProblem(entry);
  return why === undefined ? undefined : { message: why, form: say('problem.lesson.noCommand', { entry, commands: COMMANDS.map((c) => c.name).join(', ') }).form };
}

/** The `allowed` entries: each an editor action or the beginning of a console command of the table. */
function readAllowed({ file, y, problems }: LessonFile): string[] {
  const allowed = (y.data.allowed as string[] | undefined) ?? [];
  allowed.forEach((a, i) => {
    const why = typeof a === 'string' ? allowedSaid(a) : say('problem.lesson.allowed');
    if (why) problems.push(fileError(file, y.at(['allowed', i]), `allowed[${i}]`, why));
  });
  return allowed;
}

function readStart({ files, dir, problems }: LessonFile): { start?: Scenario; startText?: string } {
  const file = `${dir}start.yaml`;
  const startText = files[file];
  if (startText === undefined) {
    problems.push(fileError(file, { line: 1, column: 1 }, '', say('problem.lesson.missing')));
    return {};
  }
  try {
    return { start: parseScenario(startText, file), startText };
  } catch (e) {
    problems.push(...problemsOf(file, e));
    return { startText };
  }
}

function readTraps({ files, dir, file, problems }: LessonFile, diagnostics: Diagnostic[]): Trap[] {
  const traps = Object.keys(files)
    .filter((f) => f.startsWith(`${dir}traps/`) && f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const ty = readYaml(files, f, problems);
      const misconception = typeof ty?.data.misconception === 'string' ? ty.data.misconception : '';
      const diagnostic = typeof ty?.data.diagnostic === 'string' ? ty.data.diagnostic : '';
      if (ty && (!misconception || !diagnostic)) problems.push(fileError(f, { line: 1, column: 1 }, misconception ? 'diagnostic' : 'misconception', say('problem.lesson.trapNames')));
      else if (ty && !diagnostics.some((x) => x.id === diagnostic)) problems.push(fileError(f, ty.at(['diagnostic']), 'diagnostic', say('problem.lesson.noDiagnostic', { id: diagnostic, file })));
      return { name: f.slice(dir.length + 6, -5), misconception, diagnostic, log: ty ? readLog(files, f, problems) : { actions: [], predictions: {} } };
    });
  if (traps.length === 0) problems.push(fileError(`${dir}traps/`, { line: 1, column: 1 }, '', say('problem.lesson.noTrap')));
  return traps;
}

function readText({ files, dir, problems }: LessonFile): Lesson['text'] {
  const file = `${dir}text/en.md`;
  const md = files[file];
  if (md === undefined) problems.push(fileError(file, { line: 1, column: 1 }, '', say('problem.lesson.missing')));
  const text = splitText(md ?? '');
  if (md !== undefined && (!text.briefing || !text.debrief)) problems.push(fileError(file, { line: 1, column: 1 }, '', say('problem.lesson.text')));
  return text;
}

/** The editor files the lesson brings: name in the editor → text of the file it names. */
function readFiles({ files, dir, file, y, problems }: LessonFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, src] of Object.entries((y.data.files as Record<string, string> | undefined) ?? {})) {
    const t = files[`${dir}${src}`];
    if (t === undefined) problems.push(fileError(file, y.at(['files', name]), `files.${name}`, say('problem.lesson.noFile', { path: `${dir}${src}` })));
    else out[name] = t;
  }
  return out;
}

/** Reads one lesson from its files (paths relative to lessons/). Throws LessonError naming file, line and member. */
export function parseLesson(files: Files, id: string): Lesson {
  const problems: Problem[] = [];
  const dir = `${id}/`;
  const file = `${dir}lesson.yaml`;
  const y = readYaml(files, file, problems);
  if (!y) throw new LessonError(problems);
  const l: LessonFile = { files, dir, file, y, problems };
  const d = y.data;
  const str = (k: string): string => {
    if (typeof d[k] === 'string') return d[k];
    problems.push(fileError(file, y.at([k]), k, say('problem.lesson.string')));
    return '';
  };
  for (const k of Object.keys(d)) if (!KNOWN.has(k)) problems.push(fileError(file, y.at([k]), k, say('problem.lesson.unknownMember', { member: k })));
  if (d.id !== id) problems.push(fileError(file, y.at(['id']), 'id', say('problem.lesson.id', { id })));
  const { ms: until, problem: untilProblem } = readTime(d.until);
  if (untilProblem !== undefined) problems.push(fileError(file, y.at(['until']), 'until', parseDuration(d.until) === undefined ? say('problem.lesson.until') : untilProblem));
  const goals = readGoals(l);
  const diagnostics = readDiagnostics(l);
  const predictions = readPredictions(l);
  checkReveals(goals, predictions, l);
  const allowed = readAllowed(l);
  const { start, startText } = readStart(l);
  const text = readText(l);
  const solution = readLog(files, `${dir}solution.yaml`, problems, numberedSteps(text.steps));
  const traps = readTraps(l, diagnostics);
  const lessonFiles = readFiles(l);
  const [title, chapter, summary] = [str('title'), str('chapter'), str('summary')];
  const focus = focusMember(d.focus, 'focus', file, () => y.at(['focus']), problems);
  if (problems.length) throw new LessonError(problems);
  return {
    ...focus,
    id,
    title,
    chapter,
    summary,
    prerequisites: (d.prerequisites as string[] | undefined) ?? [],
    allowed,
    until: until!,
    sampleEvery: parseDuration(d.sampleEvery ?? 10) ?? 10_000,
    goals,
    diagnostics,
    predictions,
    start: start!,
    startText: startText!,
    solution,
    traps,
    text,
    files: lessonFiles,
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
  if (text === undefined) throw new LessonError([fileError(file, { line: 1, column: 1 }, '', say('problem.lesson.missing'))]);
  let scenario: Scenario;
  try {
    scenario = parseScenario(text, file);
  } catch (e) {
    throw new LessonError(problemsOf(file, e));
  }
  const doc = parseYaml(text);
  const presenter = (doc.data as { presenter?: { summary?: string; text?: string; focus?: unknown } & Parameters<typeof readPauses>[0] }).presenter ?? {};
  const problems: Problem[] = [];
  const pauses = readPauses(presenter, file, doc, problems);
  const callouts = readCallouts(presenter, scenario, file, doc, problems);
  const focus = focusMember(presenter.focus, 'presenter.focus', file, () => doc.at(['presenter', 'focus']), problems);
  const variants = readVariants(text, file, problems);
  if (problems.length) throw new LessonError(problems);
  return { id, title: scenario.name, summary: presenter.summary ?? '', scenario, text: presenter.text ?? '', pauses, ...(callouts.length ? { callouts } : {}), ...focus, variants };
}
