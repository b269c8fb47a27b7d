import { parseScenario, ScenarioError } from '../content/scenario';
import { checkLesson, learnerCalls, parseIndex, parseLesson, parseLog, type ActionLog } from '../content/lesson';
import { formatReport, reportOf, runScenario, writeReport } from '../content/runner';
import { parseTime } from '../content/bounds';
import { newSession, runCommand, type ConsoleResult } from '../content/console';
import { formatProblem, type Problem } from '../formats/problem';
import { readVariants, type Variant } from '../content/variants';
import { composeRequests, composeToEcs, parseCompose } from '../formats/compose';
import { deployRequests, environmentRequests, parseManifest, planDeployment } from '../formats/copilot';
import { serveCommand } from './serve/command';

/**
 * The headless runner: `sim run <scenario> [--seed N] [--until T] [--json]`, and
 * `sim copilot <manifest> --app A --env E [--json]` and `sim compose <file> --project P [--json]`, which show
 * what a Copilot manifest or a Compose file deploys to ECS.
 * Exit 0 when every expectation held, 1 when one failed, 2 when the scenario itself is invalid, 3 when the
 * simulator itself failed.
 */
const USAGE =
  'usage: sim run <scenario.yaml> [--seed N] [--until T] [--json] [--metrics sampled|all] [--variant N|label]\n       sim copilot <manifest.yml> --app <app> --env <env> [--json]\n       sim compose <compose.yaml> --project <name> [--json]\n       sim console [scenario.yaml] [--file name=path ...] [--json]   (commands on standard input, one a line)\n       sim lesson <id> [--solution | --trap N | --actions file] [--seed N] [--json]\n       sim lesson --list';

type Io = { out: (s: string) => void; err: (s: string) => void; read: (file: string) => string; stdin?: () => string; lessons?: () => Record<string, string> };

interface Options {
  file?: string;
  flags: Set<string>;
  values: Record<string, string[]>;
}

/** Reads `<file> --flag --name value …`; says what is wrong and returns undefined on an unknown or incomplete option. */
function options(args: string[], known: { flags?: string[]; values?: string[] }, io: Io): Options | undefined {
  const out: Options = { flags: new Set(), values: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (known.flags?.includes(a)) out.flags.add(a);
    else if (known.values?.includes(a)) {
      if (i + 1 >= args.length) {
        io.err(`${a} needs a value\n${USAGE}\n`);
        return undefined;
      }
      (out.values[a] ??= []).push(args[++i]!);
    } else if (!a.startsWith('--') && out.file === undefined) out.file = a;
    else {
      io.err(`unknown option ${a}\n${USAGE}\n`);
      return undefined;
    }
  }
  return out;
}

/** A file's text, or undefined after saying why it cannot be read. */
function readText(file: string, io: Io): string | undefined {
  try {
    return io.read(file);
  } catch (e) {
    io.err(`${file}: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** Runs the CLI with injectable I/O (tests call it in-process); returns the exit status. */
export function cli(argv: string[], io: Io): number {
  const [cmd, ...rest] = argv;
  if (cmd === 'copilot') return copilotCommand(rest, io);
  if (cmd === 'compose') return composeCommand(rest, io);
  if (cmd === 'console') return consoleCommand(rest, io);
  if (cmd === 'lesson') return lessonCommand(rest, io);
  if (cmd === 'serve') return serveCommand(rest, io);
  if (cmd !== 'run') {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const o = options(rest, { flags: ['--json'], values: ['--seed', '--until', '--metrics', '--variant'] }, io);
  if (!o) return 2;
  const metrics = o.values['--metrics']?.[0];
  if (metrics !== undefined && metrics !== 'sampled' && metrics !== 'all') {
    io.err(`--metrics: give sampled (every minute of the last day, hourly averages before) or all (every minute), not '${metrics}'\n`);
    return 2;
  }
  const { file } = o;
  const seed = o.values['--seed']?.[0];
  const untilText = o.values['--until']?.[0];
  const bounded = untilText === undefined ? undefined : parseTime(untilText);
  if (bounded?.problem !== undefined) {
    io.err(`--until: ${bounded.problem}\n`);
    return 2;
  }
  const until = bounded?.ms;
  if (!file) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const read = readText(file, io);
  if (read === undefined) return 2;
  const variant = o.values['--variant']?.[0];
  const picked: { text: string; seed?: string } | undefined = variant === undefined ? { text: read } : variantOf(read, file, variant, io);
  if (!picked) return 2;
  const { text } = picked;
  try {
    const sc = parseScenario(text, file, until !== undefined ? { until } : {});
    const own = seed ?? picked.seed;
    const report = runScenario(sc, { ...(own !== undefined ? { seed: own } : {}), ...(until !== undefined ? { until } : {}), ...(metrics ? { metrics } : {}) });
    if (o.flags.has('--json')) {
      writeReport(report, io.out);
      io.out('\n');
    } else io.out(`${formatReport(report)}\n`);
    return report.passed ? 0 : 1;
  } catch (e) {
    if (e instanceof ScenarioError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    return internalError(file, e, io);
  }
}

/** A demo's variant (`--variant`: its index from 0, or its label) as the scenario text and seed it runs with; undefined after saying why not. */
function variantOf(text: string, file: string, which: string, io: Io): { text: string; seed: string } | undefined {
  const problems: Problem[] = [];
  let variants: Variant[] = [];
  try {
    variants = readVariants(text, file, problems);
  } catch (e) {
    problems.push({ file, line: 1, column: 1, member: '', message: e instanceof Error ? e.message : String(e), severity: 'error' });
  }
  if (problems.length) {
    io.err(`${problems.map((p) => formatProblem(p)).join('\n')}\n`);
    return undefined;
  }
  const v = /^\d+$/.test(which) ? variants[Number(which)] : variants.find((x) => x.label === which);
  if (!v) {
    io.err(`--variant: ${file} has ${variants.length ? `the variants ${variants.map((x, i) => `${i} (${x.label})`).join(', ')}` : 'no presenter.variants'}; there is no variant '${which}'\n`);
    return undefined;
  }
  return { text: v.text, seed: v.seed };
}

/** A fault of the sandbox itself (not of the file): one line that says so, exit 3, no stack trace. */
function internalError(file: string, e: unknown, io: Io): number {
  io.err(`${file}: the simulator failed while running this scenario (a fault of the sandbox, not of the file): ${e instanceof Error ? e.message : String(e)}\n`);
  return 3;
}

/** `sim copilot`: what `copilot svc deploy` would create for a manifest, and the requests the engine takes. */
function copilotCommand(args: string[], io: { out: (s: string) => void; err: (s: string) => void; read: (file: string) => string }): number {
  const o = options(args, { flags: ['--json'], values: ['--app', '--env'] }, io);
  if (!o) return 2;
  const { file } = o;
  const app = o.values['--app']?.[0];
  const env = o.values['--env']?.[0];
  const json = o.flags.has('--json');
  if (!file || !app || !env) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const text = readText(file, io);
  if (text === undefined) return 2;
  const { manifest, problems } = parseManifest(text, file);
  for (const p of problems) io.err(`${formatProblem(p, { severity: 'always' })}\n`);
  if (!manifest) return 2;
  if (manifest.type === 'Environment') {
    io.err(`${file}: an Environment manifest is deployed with copilot env deploy; give a workload manifest.\n`);
    return 2;
  }
  const plan = planDeployment(manifest, app, env);
  const requests = [
    ...environmentRequests(app, env),
    ...deployRequests(
      { loadBalancer: false, rules: 0 },
      plan,
      ['a', 'b', 'c'].map((z) => `subnet-us-east-1${z}`),
    ),
  ];
  if (json) {
    io.out(`${JSON.stringify({ ...plan, requests }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${plan.type} ${plan.name} in ${app}/${env}`, '', 'Creates:', ...plan.resources.map((r) => `  - ${r}`)];
  if (plan.endpoints.length) lines.push('', 'Endpoints:', ...plan.endpoints.map((e) => `  - ${e}`));
  if (plan.findings.length) lines.push('', 'Notes:', ...plan.findings.map((f) => `  - ${f}`));
  lines.push('', 'Requests:', ...requests.map((r) => `  ${r.call}  (${r.id})`));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** `sim compose`: the ECS translation of a Compose file, its findings and its requests. */
function composeCommand(args: string[], io: { out: (s: string) => void; err: (s: string) => void; read: (file: string) => string }): number {
  const o = options(args, { flags: ['--json'], values: ['--project'] }, io);
  if (!o) return 2;
  const { file } = o;
  const project = o.values['--project']?.[0];
  const json = o.flags.has('--json');
  if (!file || !project) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const text = readText(file, io);
  if (text === undefined) return 2;
  const { project: p, problems } = parseCompose(text, file, { project });
  for (const q of problems) io.err(`${formatProblem(q, { severity: 'always' })}\n`);
  if (!p) return 2;
  const t = composeToEcs(p);
  for (const e of t.errors) io.err(`${formatProblem(e, { severity: 'always' })}\n`);
  const requests = t.errors.length ? [] : composeRequests(t, p, { subnets: ['a', 'b', 'c'].map((z) => `subnet-us-east-1${z}`) });
  if (json) io.out(`${JSON.stringify({ ...t, requests }, null, 2)}\n`);
  else {
    const lines = [`Compose project ${t.project} on ECS: cluster ${t.cluster}, namespace ${t.namespace}`, ''];
    for (const s of t.services) {
      const dc = s.service.deploymentConfiguration as { minimumHealthyPercent: number; maximumPercent: number };
      lines.push(
        `  ${s.name}: task definition ${String(s.taskDefinition.family)} (${String(s.taskDefinition.cpu)} CPU, ${String(s.taskDefinition.memory)} MiB), ${String(s.service.desiredCount)} task(s), rolling ${dc.minimumHealthyPercent} % / ${dc.maximumPercent} %, ${s.discoveryName}${s.loadBalancer ? `, ${s.loadBalancer.type} load balancer on ${s.loadBalancer.ports.join(', ')}` : ''}${s.scaling ? `, scaling ${s.scaling.min}-${s.scaling.max} on ${s.scaling.metric} ${s.scaling.target}` : ''}`,
      );
    }
    if (t.findings.length) lines.push('', 'Does not carry over:', ...t.findings.map((f) => `  - ${f}`));
    io.out(`${lines.join('\n')}\n`);
  }
  return t.errors.length ? 2 : 0;
}

/**
 * `sim console`: console commands from standard input, one a line, applied to the scenario's world once its
 * clock has run (an empty world without one). Prints what the page's console prints; with --json the runner's
 * report plus `console: [{command, output, exitCode}]`. Exit status: that of the last command that failed, else 0.
 */
function consoleCommand(args: string[], io: Io): number {
  const o = options(args, { flags: ['--json'], values: ['--file'] }, io);
  if (!o) return 2;
  const { file } = o;
  const json = o.flags.has('--json');
  const files: Record<string, string> = {};
  for (const spec of o.values['--file'] ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) {
      io.err(`--file: give name=path, not '${spec}'\n`);
      return 2;
    }
    const text = readText(spec.slice(eq + 1), io);
    if (text === undefined) return 2;
    files[spec.slice(0, eq)] = text;
  }
  const text = file ? readText(file, io) : 'name: console\nactions: []\n';
  if (text === undefined) return 2;
  let sc;
  try {
    sc = parseScenario(text, file ?? 'console');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
  const lines = (io.stdin?.() ?? '').split(/\r?\n/);
  const results: ConsoleResult[] = [];
  const session = newSession(files);
  const report = runScenario(sc, {
    after: (sim) => {
      for (const line of lines) {
        if (line.trim() === '') continue;
        const r = runCommand(sim, line, session);
        results.push(r);
        if (!json) {
          io.out(`$ ${line}\n`);
          if (r.output) (r.exitCode === 0 ? io.out : io.err)(`${r.output}\n`);
        }
      }
    },
  });
  if (json) io.out(`${JSON.stringify({ ...report, console: results }, null, 2)}\n`);
  const failed = results.filter((r) => r.exitCode !== 0);
  return failed.length ? failed[failed.length - 1]!.exitCode : 0;
}

/**
 * `sim lesson <id> [--solution | --trap N | --actions file] [--json]`: replays the lesson's start
 * state with that action log and reports its checklist; exit 0 when it passed, 1 when not, 2 when
 * the lesson or the log is invalid. `sim lesson --list` prints one lesson id a line.
 */
function lessonCommand(args: string[], io: Io): number {
  const files = io.lessons?.() ?? {};
  let index;
  try {
    index = parseIndex(files);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const ids = index.chapters.flatMap((c) => c.lessons);
  if (args[0] === '--list') {
    io.out(ids.map((id) => `${id}\n`).join(''));
    return 0;
  }
  const o = options(args, { flags: ['--json', '--solution'], values: ['--trap', '--actions', '--seed'] }, io);
  if (!o) return 2;
  if (!o.file) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  if (!ids.includes(o.file)) {
    io.err(`no lesson '${o.file}'; the lessons are: ${ids.join(', ')}\n`);
    return 2;
  }
  let lesson;
  try {
    lesson = parseLesson(files, o.file);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  let log: ActionLog = lesson.solution;
  const trap = o.values['--trap']?.[0];
  const actionsFile = o.values['--actions']?.[0];
  if (trap !== undefined) {
    const t = /^\d+$/.test(trap) ? lesson.traps[Number(trap) - 1] : lesson.traps.find((x) => x.name === trap);
    if (!t) {
      io.err(`lesson ${lesson.id} has no trap ${trap}; its traps: ${lesson.traps.map((x, i) => `${i + 1} (${x.name})`).join(', ')}\n`);
      return 2;
    }
    log = t.log;
  } else if (actionsFile !== undefined) {
    const text = readText(actionsFile, io);
    if (text === undefined) return 2;
    try {
      log = parseLog({ [actionsFile]: text }, actionsFile);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 2;
    }
  } else if (!o.flags.has('--solution') && o.flags.size === (o.flags.has('--json') ? 1 : 0)) {
    log = { actions: [], predictions: {} };
  }
  const seed = o.values['--seed']?.[0] ?? lesson.start.seed;
  let report;
  const result = checkLesson(lesson, log, {
    seed,
    after: (t) => void (report = reportOf(t.sim, lesson.title, seed, learnerCalls(t.transcript), [])),
  });
  const lessonPart = { id: result.id, passed: result.passed, checklist: result.checklist, diagnostics: result.diagnostics, predictions: result.predictions };
  if (o.flags.has('--json')) io.out(`${JSON.stringify({ ...report!, passed: result.passed, lesson: lessonPart }, null, 2)}\n`);
  else {
    io.out(`# ${lesson.id} ${lesson.title} (seed ${seed}, ${log.actions.length} actions, checked at ${result.clock / 1000} s)\n`);
    for (const c of result.checklist) io.out(`${c.passed ? '[x]' : '[ ]'} ${c.label}${c.detail ? ` — ${c.detail}` : ''}\n`);
    for (const d of result.diagnostics) io.out(`diagnostic ${d.id}: ${d.message}\n`);
    io.out(result.passed ? 'passed\n' : 'not passed\n');
  }
  return result.passed ? 0 : 1;
}
