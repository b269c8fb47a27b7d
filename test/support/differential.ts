import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { Sim, parseDuration } from '../../src/sim';
import { parseScenario, type Scenario } from '../../src/content/scenario';
import { resolveRefs, runScenario, type CallRecord } from '../../src/content/runner';
import { loadHelp, newSession, runCommand, type ConsoleSession } from '../../src/content/console';
import { SERVICE_NAMES, serviceModel as serviceModelOf, xform } from '../../src/content/console/aws/model';
import { ServedAccount } from '../../src/cli/serve/account';
import { serve } from '../../src/cli/serve/server';
import { ref, serviceByName, type ServiceModel } from '../../src/cli/serve/model';
import { shellWords, type CliRunner } from './awsCli';
import { CLI_MODEL_GAPS } from './cliExpect';

/**
 * The differential test: command-line scripts (test/cli/differential/scripts/*.yaml) run through the real AWS
 * CLI against `sim serve` and through the console, on identical worlds, compared command by command. Before
 * each command the console gets a copy of the served world as it is then, so one difference never spreads to
 * the commands after it.
 */
export const DIFFERENTIAL_DIR = join(import.meta.dirname, '../cli/differential');

/**
 * A step of a script: a command both run (its output may be named for later steps; `own` marks a command of
 * the corpus's own in a script of example-page commands), or set-up on the served world: an engine call, time
 * passing, or one of the sandbox's own console commands (sim, docker, copilot, …). `at` (milliseconds) runs the
 * clock to that time first; `files` are editor files the step brings (written where the CLI runs, too).
 */
export type Step =
  | string
  | { run: string; id?: string; own?: boolean; at?: number; files?: Record<string, string> }
  | { sim: string; input?: Record<string, unknown>; at?: number }
  | { sleep: string | number }
  | { console: string; at?: number; files?: Record<string, string> };

export interface Script {
  /** the file's name without .yaml */
  id: string;
  /** the example pages its commands come from (ecs/run-task.rst, …), a lesson ("lesson L9"), or "own" */
  source: string;
  /** where its commands come from */
  origin: Origin;
  /** the scenario already parsed (a lesson's start), in place of `scenario` */
  start?: Scenario;
  /** the world before the first step, as a scenario (name, seed, actions with ids, until) */
  scenario: Record<string, unknown>;
  files: Record<string, string>;
  steps: Step[];
}

/** Where a command of the corpus comes from: an example page of the AWS CLI, a lesson's solution, or the corpus itself. */
export type Origin = 'page' | 'lesson' | 'own';

export interface Outcome {
  script: string;
  source: string;
  /** the command as written in the script */
  command: string;
  /** an example page's command (adapted to the sandbox's identifiers), a lesson's, or the corpus's own */
  origin: Origin;
  /** which time the same command comes in the script (1 the first time) */
  occurrence: number;
  /** the command with its references filled in, as both ran it */
  line: string;
  console: { output: string; exitCode: number };
  cli: { output: string; exitCode: number };
  /** members the console printed that the installed CLI's older model does not have, left out of the comparison (service:Shape.member) */
  normalised: string[];
  identical: boolean;
  kind?: string;
  detail?: string;
}

export interface KnownDifference {
  script: string;
  command: string;
  /** when the same command comes more than once in the script: which time (1 when absent) */
  occurrence?: number;
  kind: string;
  reason: string;
}

export function loadScripts(): Script[] {
  const dir = join(DIFFERENTIAL_DIR, 'scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const d = parse(readFileSync(join(dir, f), 'utf8')) as Partial<Omit<Script, 'source'>> & { source?: string | string[] };
      const source = Array.isArray(d.source) ? d.source.join(', ') : (d.source ?? 'own');
      return { id: f.slice(0, -5), source, origin: source === 'own' ? ('own' as const) : ('page' as const), scenario: d.scenario ?? { name: f, actions: [] }, files: d.files ?? {}, steps: d.steps ?? [] };
    });
}

const KNOWN_FILE = join(DIFFERENTIAL_DIR, 'known-differences.yaml');

export function loadKnown(): KnownDifference[] {
  return (parse(readFileSync(KNOWN_FILE, 'utf8')) as { differences?: KnownDifference[] } | null)?.differences ?? [];
}

export function writeKnown(outcomes: Outcome[]): void {
  const differences = outcomes.filter((o) => !o.identical).map((o) => ({ script: o.script, command: o.command, ...(o.occurrence > 1 ? { occurrence: o.occurrence } : {}), kind: o.kind!, reason: o.detail! }));
  const head =
    "# Commands of the differential test whose console output or exit code still differs from the real AWS CLI's,\n# with the kind and the first difference seen. Made by `npm run --silent differential -- --write`;\n# the test fails when a command not listed here differs, and when a listed one no longer does.\n";
  writeFileSync(KNOWN_FILE, `${head}${stringify({ differences }, { lineWidth: 0 })}`);
}

const kebab = (op: string) =>
  op
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();

/** The service model and operation of an `aws` command's words (global options may come first). */
function operationOf(words: string[]): { svc: ServiceModel; operation: string } | undefined {
  const i = words.findIndex((w) => serviceByName(w) !== undefined);
  if (i < 0) return undefined;
  const svc = serviceByName(words[i]!)!;
  const operation = Object.keys(svc.operations).find((o) => kebab(o) === words[i + 1]);
  return operation ? { svc, operation } : undefined;
}

/** Leaves out of a console JSON output the members the installed CLI's model lacks; says which it left out. */
function withoutGaps(svc: ServiceModel, shape: string, v: unknown, path: string, removed: string[]): unknown {
  const s = svc.shapes[shape];
  if (!s || v === null || typeof v !== 'object') return v;
  if (s.t === 'list' && Array.isArray(v)) return v.map((x, i) => withoutGaps(svc, s.e!, x, `${path}[${i}]`, removed));
  if (s.t === 'map') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutGaps(svc, s.v!, x, `${path}.${k}`, removed)]));
  if (s.t !== 'structure' || s.doc || Array.isArray(v)) return v;
  const gaps = CLI_MODEL_GAPS[svc.name]?.[shape] ?? [];
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const member = s.m?.[k];
    if (gaps.includes(k)) {
      removed.push(`${svc.name}:${shape}.${k}`);
      continue;
    }
    out[k] = member ? withoutGaps(svc, ref(member).s, x, `${path}.${k}`, removed) : x;
  }
  return out;
}

function normalise(words: string[], output: string, exitCode: number): { output: string; removed: string[] } {
  const op = operationOf(words);
  const shape = op && op.svc.operations[op.operation]?.o;
  if (exitCode !== 0 || !shape || !output.trimStart().startsWith('{')) return { output, removed: [] };
  try {
    const removed: string[] = [];
    const v = withoutGaps(op.svc, shape, JSON.parse(output), '', removed);
    // The CLI prints nothing for a response with no members left.
    const text = v && typeof v === 'object' && Object.keys(v).length === 0 ? '' : JSON.stringify(v, null, 4);
    return removed.length ? { output: text, removed: [...new Set(removed)] } : { output, removed };
  } catch {
    return { output, removed: [] };
  }
}

function firstLineDiff(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: console ${JSON.stringify(x[i] ?? '(none)')}, CLI ${JSON.stringify(y[i] ?? '(none)')}`;
  }
  return 'same lines';
}

/** Paths where two JSON values differ: members only one has, or values that differ. */
function jsonDiff(a: unknown, b: unknown, path: string, out: { extra: string[]; missing: string[]; values: string[] }): void {
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of ka) if (!kb.includes(k)) out.extra.push(`${path}.${k}`);
    for (const k of kb) if (!ka.includes(k)) out.missing.push(`${path}.${k}`);
    for (const k of ka) if (kb.includes(k)) jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.values.push(`${path}: console ${JSON.stringify(a)}, CLI ${JSON.stringify(b)}`);
}

/** Every operation and waiter of the console's model, by its CLI name. */
const MODEL_CHOICES = new Set(
  SERVICE_NAMES.flatMap((n) => {
    const m = serviceModelOf(n)!;
    return [...m.operations, ...Object.keys(m.waiters)].map(xform);
  }),
);

/** The choices a usage error lists ("Invalid choice, valid choices are:" and the table after it). */
function listedChoices(output: string): string[] | undefined {
  const at = output.indexOf('valid choices are:');
  if (at < 0) return undefined;
  return output
    .slice(at)
    .split('\n')
    .slice(1)
    .flatMap((l) => l.split('|').map((c) => c.trim()))
    .filter((c) => /^[a-z0-9-]+$/.test(c));
}

/**
 * A difference the installed CLI's older model explains: the console lists operations or waiters that model
 * lacks among the choices of a mistyped one, or prints in a format that cannot leave members out (text,
 * table, yaml) members that model lacks (found by running the same line with --output json).
 */
function olderModel(c: { output: string; exitCode: number }, a: { output: string; exitCode: number }, newer: string[]): string | undefined {
  const mine = listedChoices(c.output);
  const theirs = listedChoices(a.output);
  if (mine && theirs && theirs.every((x) => mine.includes(x))) {
    const extra = mine.filter((x) => !theirs.includes(x));
    if (extra.length && extra.every((x) => MODEL_CHOICES.has(x))) return `the console lists choices the installed CLI's model lacks: ${extra.join(', ')}`;
  }
  if (c.exitCode === 0 && a.exitCode === 0 && newer.length) return `the console prints members the installed CLI's model lacks (${newer.join(', ')}), which this output format cannot leave out`;
  return undefined;
}

/** The kind of a difference and its first instance, in words. */
export function classify(c: { output: string; exitCode: number }, a: { output: string; exitCode: number }, newer: string[] = []): { kind: string; detail: string } {
  const firstLine = (s: string) => s.split('\n').find((l) => l.trim() !== '') ?? '';
  const older = olderModel(c, a, newer);
  if (older) return { kind: 'installed CLI older than the model', detail: older };
  if (/Could not connect to the endpoint URL: "http:\/\/[a-z]+-127\.0\.0\.1/.test(a.output)) {
    // The model gives the operation a host prefix (Cloud Map's data plane: data-), which the CLI puts before the endpoint's host.
    return { kind: 'endpoint host prefix', detail: `the CLI sends the request to ${/"(http:\/\/[a-z]+-)127/.exec(a.output)![1]}127.0.0.1, a name that does not resolve` };
  }
  if (c.exitCode !== a.exitCode) {
    // The installed CLI is older than the API model: it refuses options and input members added since.
    const older = a.output.split('\n').find((l) => /^Unknown options: |^Unknown parameter in /.test(l));
    if (a.exitCode === 252 && older && !c.output.includes(older)) return { kind: 'installed CLI older than the model', detail: older.replace(/, must be one of: .*/, '') };
    if (c.exitCode === 252 && a.exitCode !== 252)
      return {
        kind: 'options refused',
        detail: `console exits 252 (${c.output
          .split('\n')
          .filter((l) => l.trim())
          .at(-1)}), CLI ${a.exitCode}`,
      };
    return { kind: 'exit code', detail: `console exits ${c.exitCode} (${firstLine(c.output).slice(0, 160)}), CLI ${a.exitCode} (${firstLine(a.output).slice(0, 160)})` };
  }
  if (c.exitCode !== 0) return { kind: 'error message', detail: firstLineDiff(c.output, a.output) };
  let x: unknown;
  let y: unknown;
  try {
    x = JSON.parse(c.output);
    y = JSON.parse(a.output);
  } catch {
    return { kind: 'output text', detail: firstLineDiff(c.output, a.output) };
  }
  const d = { extra: [] as string[], missing: [] as string[], values: [] as string[] };
  jsonDiff(x, y, '', d);
  if (d.extra.length || d.missing.length) {
    const parts = [
      d.extra.length ? `console prints members the CLI does not: ${d.extra.slice(0, 4).join(', ')}${d.extra.length > 4 ? ` (+${d.extra.length - 4})` : ''}` : '',
      d.missing.length ? `console lacks members the CLI prints: ${d.missing.slice(0, 4).join(', ')}${d.missing.length > 4 ? ` (+${d.missing.length - 4})` : ''}` : '',
    ];
    return { kind: 'output members', detail: parts.filter(Boolean).join('; ') };
  }
  if (d.values.length) return { kind: 'output values', detail: `${d.values.slice(0, 3).join('; ')}${d.values.length > 3 ? ` (+${d.values.length - 3})` : ''}` };
  if (JSON.stringify(x) !== JSON.stringify(y)) return { kind: 'member order', detail: firstLineDiff(c.output, a.output) };
  const numbers = (s: string) => s.replace(/(\d)\.0\b/g, '$1');
  if (numbers(c.output) === numbers(a.output)) return { kind: 'number format', detail: firstLineDiff(c.output, a.output) };
  return { kind: 'output format', detail: firstLineDiff(c.output, a.output) };
}

const stepLine = (s: Step) => (typeof s === 'string' ? s : 'run' in s ? s.run : undefined);

/** The served world of a script, where its commands run. */
interface Served {
  account: ServedAccount;
  url: string;
  calls: CallRecord[];
  cwd: string;
  /** the console session of the sandbox's own commands on the served world (their files, the Copilot workspace) */
  session: ConsoleSession;
  seed: string;
}

/** What the CLI reads (file://…) is on disk where it runs: the editor's files, and those the console wrote. */
function syncFiles(w: Served): void {
  for (const [f, text] of Object.entries(w.session.files)) {
    mkdirSync(dirname(join(w.cwd, f)), { recursive: true });
    writeFileSync(join(w.cwd, f), text);
  }
}

/** Applies a set-up step to the served world, or a command's time and files; true when the step was set-up only. */
function setUp(w: Served, step: Step): boolean {
  if (typeof step === 'object' && 'at' in step && step.at !== undefined) w.account.advanceTo(step.at);
  if (typeof step === 'object' && 'files' in step && step.files) Object.assign(w.session.files, step.files);
  if (typeof step === 'object' && 'sim' in step) w.account.call(step.sim, resolveRefs(w.account.main, step.input ?? {}, w.calls));
  else if (typeof step === 'object' && 'sleep' in step) w.account.advanceTo(w.account.now + (parseDuration(step.sleep) ?? 0));
  else if (typeof step === 'object' && 'console' in step) {
    runCommand(w.account.main, step.console, w.session);
    w.account.flush();
  }
  syncFiles(w);
  return typeof step === 'object' && !('run' in step);
}

/** Runs one command through both on the served world as it is now. */
async function compare(w: Served, script: Script, step: Step, command: string, driver: CliRunner, earlier: Outcome[]): Promise<Outcome> {
  const line = resolveRefs(w.account.main, command, w.calls) as string;
  const words = line.startsWith('aws ') ? shellWords(line, w.cwd) : [];
  if (!Array.isArray(words) || words[0] !== 'aws' || words.includes('--endpoint-url')) throw new Error(`${script.id}: not an aws command line the harness can run: ${line}`);
  const copy = new Sim({ seed: w.seed });
  copy.restore(w.account.main.snapshot());
  const c = runCommand(copy, line, newSession(w.session.files));
  const cli = await driver.run(['--endpoint-url', w.url, ...words.slice(1)], w.cwd);
  const n = normalise(words.slice(1), c.output, c.exitCode);
  const consoleSide = { output: n.output, exitCode: c.exitCode };
  const cliSide = { output: (cli.exitCode === 0 ? cli.stdout : cli.stderr).replace(/\n$/, ''), exitCode: cli.exitCode };
  const identical = consoleSide.output === cliSide.output && consoleSide.exitCode === cliSide.exitCode;
  // A line bash brace-expands (DnsRecords=[{Type=A,TTL=10}] unquoted) is not the line its author meant.
  const unexpanded = shellWords(line, w.cwd, false);
  const expanded =
    Array.isArray(unexpanded) && unexpanded.join('\0') !== words.join('\0')
      ? { kind: 'bash expands the line', detail: `bash brace-expands ${unexpanded.filter((x) => !words.includes(x)).join(' ')} into ${words.filter((x) => !unexpanded.includes(x)).join(' ')}` }
      : undefined;
  const occurrence = earlier.filter((o) => o.command === command).length + 1;
  const newer = identical || c.exitCode !== 0 ? [] : newerMembers(w, line, words.slice(1));
  const origin = script.origin === 'page' && typeof step === 'object' && 'own' in step && step.own ? 'own' : script.origin;
  if (typeof step === 'object' && 'id' in step && step.id && cli.exitCode === 0 && cli.stdout.trim()) {
    w.calls.push({ at: w.account.now / 1000, call: command, id: step.id, input: {}, output: JSON.parse(cli.stdout) });
  }
  return { script: script.id, source: script.source, command, origin, occurrence, line, console: consoleSide, cli: cliSide, normalised: n.removed, identical, ...(identical ? {} : (expanded ?? classify(consoleSide, cliSide, newer))) };
}

/** The members newer than the installed CLI's model that the console prints for a line in another format than JSON (the line again, with --output json). */
function newerMembers(w: Served, line: string, words: string[]): string[] {
  // Only where the output is not JSON (JSON output has those members left out already) and is of the whole response.
  const at = words.lastIndexOf('--output');
  if (at < 0 || words[at + 1] === 'json' || words.includes('--query') || words.some((x) => x.startsWith('--query=') || x.startsWith('--output='))) return [];
  const copy = new Sim({ seed: w.seed });
  copy.restore(w.account.main.snapshot());
  const json = runCommand(copy, `${line} --output json`, newSession(w.session.files));
  return [...normalise(words, json.output, json.exitCode).removed, ...newerResultKeys(words)];
}

/**
 * The result keys of an operation's paginator that the installed CLI's paginator lacks: the text format prints
 * a page's missing result key as None, so the console (with the newer paginator) prints one None more.
 */
function newerResultKeys(words: string[]): string[] {
  const op = operationOf(words);
  const i = words.indexOf('--output');
  if (!op || i < 0 || words[i + 1] !== 'text') return [];
  const mine = serviceModelOf(op.svc.name)?.ops[op.operation]?.p?.rk;
  const dir = `/usr/lib/python3/dist-packages/awscli/botocore/data/${op.svc.name}`;
  let theirs: unknown;
  try {
    const version = readdirSync(dir).sort().pop()!;
    theirs = (JSON.parse(readFileSync(join(dir, version, 'paginators-1.json'), 'utf8')) as { pagination: Record<string, { result_key?: unknown }> }).pagination[op.operation]?.result_key;
  } catch {
    return [];
  }
  const list = (k: unknown) => (Array.isArray(k) ? k.map(String) : k === undefined ? [] : [String(k)]);
  return list(mine)
    .filter((k) => !list(theirs).includes(k))
    .map((k) => `${op.svc.name}:${op.operation} paginator result key ${k}`);
}

/** Runs one script through both and compares each command. */
export async function runScript(script: Script, driver: CliRunner): Promise<Outcome[]> {
  // The console's help and skeletons read the models' documentation, which the page loads on demand.
  await loadHelp();
  const sc = script.start ?? parseScenario(stringify(script.scenario), `${script.id}.yaml`);
  let main: Sim | undefined;
  const report = runScenario(sc, { after: (s) => (main = s) });
  const account = new ServedAccount(main!, sc.name, sc.seed);
  const endpoint = await serve(account, 0);
  const w: Served = { account, url: endpoint.url, calls: [...report.calls], cwd: mkdtempSync(join(tmpdir(), `differential-${script.id}-`)), session: newSession(script.files), seed: sc.seed };
  const outcomes: Outcome[] = [];
  try {
    syncFiles(w);
    for (const step of script.steps) {
      if (setUp(w, step)) continue;
      outcomes.push(await compare(w, script, step, stepLine(step)!, driver, outcomes));
    }
  } finally {
    await endpoint.close();
  }
  return outcomes;
}

/** The figures: commands tried, identical, and the different ones by kind. */
export function figures(outcomes: Outcome[]): { tried: number; identical: number; different: number; byKind: Record<string, number>; normalised: string[] } {
  const byKind: Record<string, number> = {};
  for (const o of outcomes) if (!o.identical) byKind[o.kind!] = (byKind[o.kind!] ?? 0) + 1;
  const identical = outcomes.filter((o) => o.identical).length;
  return { tried: outcomes.length, identical, different: outcomes.length - identical, byKind, normalised: [...new Set(outcomes.flatMap((o) => o.normalised))].sort() };
}

/** Whether an outcome is one the known differences list. */
export function isKnown(known: KnownDifference[], o: Outcome): boolean {
  return known.some((k) => k.script === o.script && k.command === o.command && (k.occurrence ?? 1) === o.occurrence);
}
