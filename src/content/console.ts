import { ecsInputShape, ecsShape } from '../sim/api/params';
import { Sim, parseDuration } from '../sim';
import { resolveRefs, type CallRecord } from './runner';
import { formatProblem } from '../formats/yamlDoc';
import { composeToEcs, composeToSingleTask, parseCompose } from '../formats/compose';
import { deployRequests, environmentRequests, parseManifest, planDeployment, scheduleExpression, WORKLOAD_TYPES, type EnvironmentState, type PlanRequest } from '../formats/copilot';

/**
 * The command console: `aws <service> <operation> --options` as the AWS CLI takes them (option names,
 * shorthand and JSON values, lists, `--cli-input-json file://…`), printing the JSON response as the CLI does
 * and its error text; `sim <operation>` for what happens to the world; `docker …`, `curl` and `traffic` on the
 * local Docker host; `copilot …`; `translate` (Compose → ECS task definitions); `sleep <duration>` to let
 * simulated time pass. Parsing is pure; execution applies a parsed command to a Sim and a session (the editor's
 * files and the Copilot workspace).
 */

export interface ConsoleResult {
  command: string;
  output: string;
  exitCode: number;
}

/** The AWS CLI's service names and the engine's namespaces. */
const SERVICES: Record<string, string> = {
  ecs: 'ecs', 'application-autoscaling': 'applicationautoscaling', elbv2: 'elbv2', servicediscovery: 'servicediscovery',
  cloudwatch: 'cloudwatch', events: 'events', autoscaling: 'autoscaling', ec2: 'ec2',
  /** What happens to the world (launch instances, fail a health check, set traffic): `sim launch-instances --cluster demo --count 2`. */
  sim: 'sim',
};

export type Parsed =
  | { kind: 'aws'; service: string; operation: string; call: string; input: Record<string, unknown> }
  | { kind: 'copilot'; words: string[]; flags: Record<string, string | true> }
  | { kind: 'docker'; args: string[] }
  | { kind: 'curl'; url: string }
  | { kind: 'traffic'; args: string[] }
  | { kind: 'process'; args: string[] }
  | { kind: 'translate'; file?: string; project?: string; singleTask: boolean }
  | { kind: 'sleep'; ms: number }
  | { kind: 'empty' }
  | { kind: 'error'; message: string; exitCode: number };

/** Splits a command line as a POSIX shell would: quotes, backslash escapes, `#` comments. */
export function tokenize(line: string): string[] | { error: string } {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: `unterminated quote at column ${i + 1}` };
      cur += line.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        cur += line[j];
      }
      if (j >= line.length) return { error: `unterminated quote at column ${i + 1}` };
      has = true;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else if (c === '#' && !has) break;
    else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** botocore's xform_name: taskDefinition → task-definition, enableECSManagedTags → enable-ecs-managed-tags. */
export function kebab(member: string): string {
  return member
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

const pascal = (k: string) => k.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** Parses the AWS CLI shorthand syntax: `a=1,b=[x,y],c={d=e}`. */
export function shorthand(text: string): Record<string, unknown> | string {
  let i = 0;
  const value = (stop: string): unknown => {
    if (text[i] === '[') {
      i++;
      const list: unknown[] = [];
      while (i < text.length && text[i] !== ']') {
        list.push(value(',]'));
        if (text[i] === ',') i++;
      }
      if (text[i] !== ']') throw new Error("expected ']'");
      i++;
      return list;
    }
    if (text[i] === '{') {
      i++;
      const obj = pairs('}');
      if (text[i] !== '}') throw new Error("expected '}'");
      i++;
      return obj;
    }
    let s = '';
    while (i < text.length && !stop.includes(text[i]!)) s += text[i++];
    return s;
  };
  const pairs = (end: string): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    while (i < text.length && text[i] !== end) {
      let key = '';
      while (i < text.length && text[i] !== '=' && text[i] !== ',') key += text[i++];
      if (text[i] !== '=') throw new Error(`expected '=' after '${key}'`);
      i++;
      const stops = end === '' ? ',' : `,${end}`;
      // a value without brackets runs to the next `,key=` (values may hold commas only inside brackets)
      obj[key.trim()] = value(stops);
      if (text[i] === ',') i++;
    }
    return obj;
  };
  try {
    const r = pairs('');
    if (i < text.length) return `unexpected '${text[i]!}' at position ${i + 1}`;
    return r;
  } catch (e) {
    return (e as Error).message;
  }
}

const looksJson = (s: string) => /^\s*[[{"]/.test(s) || /^(true|false|null|-?\d+(\.\d+)?)$/.test(s.trim());

/** Converts option values by the ECS member's shape (the others by their text). */
function convert(values: string[], shapeName: string | undefined, option: string): unknown {
  const shape = shapeName ? ecsShape(shapeName) : undefined;
  const one = () => {
    if (values.length !== 1) throw new Error(`argument ${option}: expected one argument`);
    return values[0]!;
  };
  if (!shape) {
    if (values.length > 1) {
      return values.map((v) => {
        if (looksJson(v)) return JSON.parse(v);
        const s = v.includes('=') ? shorthand(v) : v;
        return typeof s === 'string' ? v : typedByName(s);
      });
    }
    const v = one();
    if (looksJson(v)) {
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    }
    if (v.includes('=')) {
      const s = shorthand(v);
      if (typeof s !== 'string') return typedByName(s);
    }
    return v;
  }
  switch (shape.t) {
    case 'string': return one();
    case 'integer': case 'long': case 'double': case 'float': {
      const n = Number(one());
      if (Number.isNaN(n)) throw new Error(`argument ${option}: invalid ${shape.t === 'integer' || shape.t === 'long' ? 'int' : 'float'} value: '${values[0]!}'`);
      return n;
    }
    case 'boolean': return one() === 'true';
    case 'list': {
      if (values.length === 1 && /^\s*\[/.test(values[0]!)) return parseJson(values[0]!, option);
      return values.map((v) => convert([v], shape.e, option));
    }
    case 'structure': case 'map': {
      const v = one();
      if (/^\s*\{/.test(v)) return parseJson(v, option);
      const s = shorthand(v);
      if (typeof s === 'string') throw new Error(`Error parsing parameter '${option}': Expected: '=', received: ${s}`);
      return shape.t === 'structure' ? typed(s, shape) : s;
    }
    default: return one();
  }
}

/**
 * Members that are numbers or booleans in the published Application Auto Scaling, CloudWatch,
 * ELBv2, EC2 Auto Scaling and Cloud Map models (the CLI converts shorthand by the model; the
 * sandbox carries the model only for ECS).
 */
const NUMBER_MEMBERS = new Set(['TargetValue', 'ScaleInCooldown', 'ScaleOutCooldown', 'MinCapacity', 'MaxCapacity', 'ScalingAdjustment', 'MetricIntervalLowerBound',
  'MetricIntervalUpperBound', 'MinAdjustmentMagnitude', 'Cooldown', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold', 'Port', 'Priority',
  'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'Weight', 'MinSize', 'MaxSize', 'DesiredCapacity', 'TTL', 'FailureThreshold']);
const BOOLEAN_MEMBERS = new Set(['DisableScaleIn', 'Enabled', 'NewInstancesProtectedFromScaleIn']);
/** Members that are lists in those models: one shorthand value becomes a list of one. */
export const LIST_MEMBERS = new Set(['Conditions', 'Actions', 'DefaultActions', 'RulePriorities', 'Dimensions', 'Tags', 'Attributes', 'StepAdjustments', 'Targets', 'DnsRecords', 'Values']);

function typedByName(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && NUMBER_MEMBERS.has(k) && v.trim() !== '' && !Number.isNaN(Number(v))) out[k] = Number(v);
    else if (typeof v === 'string' && BOOLEAN_MEMBERS.has(k) && (v === 'true' || v === 'false')) out[k] = v === 'true';
    else if (typeof v === 'string' && LIST_MEMBERS.has(k)) out[k] = [v];
    else if (Array.isArray(v)) out[k] = v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? typedByName(x as Record<string, unknown>) : x));
    else if (v && typeof v === 'object') out[k] = typedByName(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

/** Shorthand values are strings; give members their shape's type. */
function typed(obj: Record<string, unknown>, shape: { m?: Record<string, string> }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const s = shape.m?.[k] ? ecsShape(shape.m[k]!) : undefined;
    if (!s || typeof v !== 'string') {
      const el = s?.t === 'list' && s.e ? ecsShape(s.e) : undefined;
      out[k] = Array.isArray(v) && s?.t === 'list' && s.e
        ? v.map((x) => (typeof x === 'string' ? convert([x], s.e, k) : x && typeof x === 'object' && !Array.isArray(x) && el?.t === 'structure' ? typed(x as Record<string, unknown>, el) : x))
        : v && typeof v === 'object' && !Array.isArray(v) && s?.t === 'structure' ? typed(v as Record<string, unknown>, s) : v;
      continue;
    }
    out[k] = ['integer', 'long', 'double', 'float'].includes(s.t) ? Number(v) : s.t === 'boolean' ? v === 'true' : v;
  }
  return out;
}

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`Error parsing parameter '${option}': Invalid JSON: ${(e as Error).message}\nJSON received: ${text}`);
  }
}

const USAGE = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** Parses one console line. `files` are the editor's files, for `file://name`. */
export function parseCommand(line: string, files: Record<string, string> = {}): Parsed {
  const toks = tokenize(line);
  if (!Array.isArray(toks)) return { kind: 'error', message: toks.error, exitCode: 2 };
  if (toks.length === 0) return { kind: 'empty' };
  if (toks[0] === 'sleep') {
    const ms = toks.length === 2 ? parseDuration(/^\d+(\.\d+)?$/.test(toks[1]!) ? Number(toks[1]) : toks[1]) : undefined;
    return ms === undefined ? { kind: 'error', message: 'sleep: give a duration such as 30, 90s or 5m', exitCode: 1 } : { kind: 'sleep', ms };
  }
  if (toks[0] === 'docker') return { kind: 'docker', args: toks.slice(1) };
  if (toks[0] === 'traffic') return { kind: 'traffic', args: toks.slice(1) };
  if (toks[0] === 'process') return { kind: 'process', args: toks.slice(1) };
  if (toks[0] === 'translate') {
    const out: Parsed = { kind: 'translate', singleTask: false };
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i]!;
      if (t === '--single-task') out.singleTask = true;
      else if (t === '--project' || t === '-p') out.project = toks[++i];
      else if (!t.startsWith('-') && out.file === undefined) out.file = t;
      else return { kind: 'error', message: `translate: unknown option ${t}\nusage: translate [compose.yaml] [--project NAME] [--single-task]`, exitCode: 2 };
    }
    return out;
  }
  if (toks[0] === 'curl') {
    const url = toks.slice(1).find((t) => !t.startsWith('-'));
    return url ? { kind: 'curl', url } : { kind: 'error', message: 'curl: no URL specified!', exitCode: 2 };
  }
  if (toks[0] === 'copilot') {
    const words: string[] = [];
    const flags: Record<string, string | true> = {};
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.startsWith('--')) flags[t.slice(2)] = i + 1 < toks.length && !toks[i + 1]!.startsWith('--') ? toks[++i]! : true;
      else if (/^-[a-z]$/.test(t)) flags[{ n: 'name', e: 'env', a: 'app', t: 'svc-type', i: 'image', d: 'dockerfile' }[t[1]!] ?? t.slice(1)] = toks[++i] ?? true;
      else words.push(t);
    }
    return { kind: 'copilot', words, flags };
  }
  if (toks[0] !== 'aws' && toks[0] !== 'sim') return { kind: 'error', message: `${toks[0]!}: command not found (try aws ecs …, copilot svc deploy …, sim launch-instances …, or sleep 1m)`, exitCode: 127 };
  const [svc, op, ...rest] = toks[0] === 'sim' ? toks : toks.slice(1);
  if (!svc || !op || svc.startsWith('-') || op.startsWith('-')) return { kind: 'error', message: `${USAGE}aws: error: the following arguments are required: ${svc ? 'operation' : 'command'}`, exitCode: 252 };
  const ns = Object.hasOwn(SERVICES, svc) ? SERVICES[svc] : undefined;
  if (!ns || (svc === 'sim' && toks[0] !== 'sim')) return { kind: 'error', message: `${USAGE}\naws: error: argument command: Invalid choice: '${svc}' (the console runs ${Object.keys(SERVICES).join(', ')})`, exitCode: 252 };
  const operation = pascal(op);
  const call = `${ns}.${operation}`;
  if (!Sim.hasOperation(call)) return { kind: 'error', message: `${USAGE}\naws: error: argument operation: Invalid choice: '${op}'`, exitCode: 252 };
  const shapeName = ns === 'ecs' ? ecsInputShape(operation) : undefined;
  const shape = shapeName ? ecsShape(shapeName) : undefined;
  const byOption = new Map<string, string>();
  for (const m of Object.keys(shape?.m ?? {})) byOption.set(kebab(m), m);
  let input: Record<string, unknown> = {};
  const given = new Set<string>();
  const unknown: string[] = [];
  try {
    for (let i = 0; i < rest.length; i++) {
      const t = rest[i]!;
      if (!t.startsWith('--')) {
        unknown.push(t);
        continue;
      }
      const name = t.slice(2);
      const values: string[] = [];
      while (i + 1 < rest.length && !rest[i + 1]!.startsWith('--')) values.push(rest[++i]!);
      const resolved = values.map((v) => {
        if (!v.startsWith('file://')) return v;
        const f = v.slice(7);
        if (!(f in files)) throw new Error(`Error parsing parameter '${t}': Unable to load paramfile ${v}: [Errno 2] No such file or directory: '${f}'`);
        return files[f]!;
      });
      if (name === 'cli-input-json') {
        const base = parseJson(resolved[0] ?? '', t);
        if (!base || typeof base !== 'object' || Array.isArray(base)) throw new Error(`Error parsing parameter '${t}': the input must be a JSON object`);
        input = { ...(base as Record<string, unknown>), ...input };
        continue;
      }
      const negated = name.startsWith('no-') && (shape ? byOption.has(name.slice(3)) : true) && values.length === 0;
      const key = negated ? name.slice(3) : name;
      const member = shape ? byOption.get(key) : ns === 'sim' ? key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : pascal(key);
      if (!member) {
        unknown.push(t, ...values);
        continue;
      }
      const ms = shape?.m?.[member];
      const isBool = ms ? ecsShape(ms)?.t === 'boolean' : values.length === 0;
      if (isBool && values.length === 0) input[member] = !negated;
      else input[member] = convert(resolved, ms, t);
      // Without the service's model: a list parameter given one shorthand structure is a list of one.
      if (!shape && LIST_MEMBERS.has(member) && input[member] && typeof input[member] === 'object' && !Array.isArray(input[member])) input[member] = [input[member]];
      given.add(member);
    }
  } catch (e) {
    return { kind: 'error', message: `\n${(e as Error).message}`, exitCode: 252 };
  }
  if (unknown.length) return { kind: 'error', message: `${USAGE}\nUnknown options: ${unknown.join(', ')}`, exitCode: 252 };
  const missing = (shape?.r ?? []).filter((m) => input[m] === undefined);
  if (missing.length) return { kind: 'error', message: `${USAGE}\naws: error: the following arguments are required: ${missing.map((m) => `--${kebab(m)}`).join(', ')}`, exitCode: 252 };
  return { kind: 'aws', service: svc, operation, call, input };
}

/** What a console remembers between commands: the editor's files and the Copilot workspace. */
export interface ConsoleSession {
  files: Record<string, string>;
  copilot: { app?: string; environments: Record<string, EnvironmentState & { deployed: boolean }>; services: Record<string, string[]>; calls: CallRecord[] };
}

export function newSession(files: Record<string, string> = {}): ConsoleSession {
  return { files: { ...files }, copilot: { environments: {}, services: {}, calls: [] } };
}

/** Runs one line against a Sim; never throws. Output is what the AWS CLI prints (JSON, 4-space indent). */
export function runCommand(sim: Sim, line: string, session: ConsoleSession = newSession()): ConsoleResult {
  const p = parseCommand(line, session.files);
  if (p.kind === 'copilot') {
    const r = copilotCommand(sim, session, p.words, p.flags);
    return { command: line, output: r.output, exitCode: r.exitCode };
  }
  if (p.kind === 'docker') {
    const r = dockerCommand(sim, session, p.args);
    sim.runUntil(sim.now);
    return { command: line, ...r };
  }
  if (p.kind === 'traffic') {
    // traffic http://localhost:8080/path <requests per second>  |  traffic stats <port> [seconds]
    const [a, b, c] = p.args;
    if (a === 'stats') {
      const r = sim.call('docker.TrafficStats', { port: Number(b), ...(c ? { seconds: Number(c) } : {}) });
      if (r.error) return { command: line, output: r.error.message, exitCode: 1 };
      const o = r.output as { port: number; path: string; requestsPerSecond: number; total: { ok: number; failed: number }; window: { seconds: number; ok: number; failed: number }; failuresByReason: Record<string, number> };
      return {
        command: line, exitCode: 0,
        output: [`localhost:${o.port}${o.path} at ${o.requestsPerSecond}/s: last ${o.window.seconds} s ${o.window.ok} ok, ${o.window.failed} failed; in all ${o.total.ok} ok, ${o.total.failed} failed`,
          ...Object.entries(o.failuresByReason).map(([why, n]) => `  ${n} failed: ${why}`)].join('\n'),
      };
    }
    const m = /^(?:http:\/\/)?(?:localhost|127\.0\.0\.1)(?::(\d+))?(\/\S*)?$/.exec(a ?? '');
    if (!m || b === undefined) return { command: line, output: 'usage: traffic http://localhost:<port>/<path>[,/<path>…] <requests per second>  |  traffic stats <port> [seconds]', exitCode: 2 };
    const paths = (m[2] ?? '/').split(',').filter(Boolean);
    const r = sim.call('docker.SetTraffic', { port: Number(m[1] ?? 80), ...(paths.length > 1 ? { paths } : { path: paths[0] ?? '/' }), requestsPerSecond: Number(b) });
    return r.error ? { command: line, output: r.error.message, exitCode: 1 } : { command: line, output: Number(b) > 0 ? `Sending ${b} requests a second to localhost:${m[1] ?? 80}${m[2] ?? '/'}.` : `Stopped the traffic to localhost:${m[1] ?? 80}.`, exitCode: 0 };
  }
  if (p.kind === 'process') return { command: line, ...processCommand(sim, p.args) };
  if (p.kind === 'translate') return { command: line, ...translateCommand(session, p) };
  if (p.kind === 'curl') {
    const r = sim.call('docker.Curl', { url: p.url });
    if (r.error) return { command: line, output: r.error.message, exitCode: r.error.message.startsWith('curl: (56)') ? 56 : r.error.message.startsWith('curl: (6)') ? 6 : 7 };
    const o = r.output as { status: number; path: string };
    return { command: line, output: o.status === 200 ? `200 OK ${o.path}` : `404 Not Found ${o.path}`, exitCode: 0 };
  }
  if (p.kind === 'empty') return { command: line, output: '', exitCode: 0 };
  if (p.kind === 'error') return { command: line, output: p.message, exitCode: p.exitCode };
  if (p.kind === 'sleep') {
    sim.runUntil(sim.now + p.ms);
    return { command: line, output: '', exitCode: 0 };
  }
  const r = sim.call(p.call, p.input);
  sim.runUntil(sim.now);
  // Client-side validation fails before a request is sent: the CLI prints it without "An error occurred" and exits 252.
  if (r.error?.code === 'ParamValidationError') return { command: line, output: `\n${r.error.message}`, exitCode: 252 };
  if (r.error) return { command: line, output: `\nAn error occurred (${r.error.code}) when calling the ${p.operation} operation: ${r.error.message}`, exitCode: 254 };
  return { command: line, output: r.output === undefined || (typeof r.output === 'object' && r.output !== null && Object.keys(r.output).length === 0) ? '' : JSON.stringify(cliTimestamps(r.output), null, 4), exitCode: 0 };
}

/**
 * Bare processes on the host, before containers: `process start <name> --port N [--image I]`,
 * `process stop|restart <name>`, `process ps`, and the fault `process crash <name> --on /path`
 * (the next request to that path hits a bug that crashes the whole process).
 */
function processCommand(sim: Sim, args: string[]): { output: string; exitCode: number } {
  const [verb, name, ...rest] = args;
  const flag = (f: string) => {
    const i = rest.indexOf(f);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const fail = (m: string) => ({ output: m, exitCode: 1 });
  switch (verb) {
    case 'ps': {
      const r = sim.call('docker.ProcessList', {});
      const rows = (r.output as { processes: { name: string; pid: number; port: number; state: string; exitCode?: number; restarts: number }[] }).processes;
      return { output: ['PID    NAME    PORT   STATE', ...rows.map((x) => `${x.pid}   ${x.name}   ${x.port}   ${x.state === 'running' ? 'running' : `exited (${x.exitCode ?? 0})`}${x.restarts ? `, restarted ${x.restarts}×` : ''}`)].join('\n'), exitCode: 0 };
    }
    case 'start': {
      if (!name) return fail('usage: process start <name> --port <port> [--image <image>]');
      const r = sim.call('docker.ProcessStart', { name, port: Number(flag('--port')), ...(flag('--image') ? { image: flag('--image') } : {}) });
      return r.error ? fail(r.error.message) : { output: `${name} listening on port ${(r.output as { port: number }).port} (pid ${(r.output as { pid: number }).pid})`, exitCode: 0 };
    }
    case 'stop': case 'restart': {
      if (!name) return fail(`usage: process ${verb} <name>`);
      const r = sim.call(verb === 'stop' ? 'docker.ProcessStop' : 'docker.ProcessRestart', { name });
      return r.error ? fail(r.error.message) : { output: verb === 'stop' ? `${name} stopped` : `${name} restarted (pid ${(r.output as { pid: number }).pid})`, exitCode: 0 };
    }
    case 'crash': {
      const path = flag('--on');
      if (!name || !path) return fail('usage: process crash <name> --on /path');
      const r = sim.call('docker.ProcessFault', { name, path });
      return r.error ? fail(r.error.message) : { output: `The next request to ${path} will crash ${name}.`, exitCode: 0 };
    }
    default:
      return fail('usage: process ps | start <name> --port N [--image I] | stop <name> | restart <name> | crash <name> --on /path');
  }
}

/** Timestamp members, which the API sends as epoch seconds and the AWS CLI v2 prints in ISO 8601. */
const TIMESTAMP_KEY = /(At|Date|Timestamp|^StartTime|^EndTime|^Time)$/;

/** As the AWS CLI v2 prints times (its default cli_timestamp_format, iso8601, in UTC): 2025-01-01T00:00:12.500000+00:00. */
export function cliTimestamps(v: unknown, key = ''): unknown {
  if (typeof v === 'number' && TIMESTAMP_KEY.test(key) && v > 1e8) {
    const iso = new Date(Math.round(v * 1000)).toISOString();
    const [whole, frac] = iso.slice(0, -1).split('.') as [string, string];
    return `${whole}${frac === '000' ? '' : `.${frac}000`}+00:00`;
  }
  if (Array.isArray(v)) return v.map((x) => cliTimestamps(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cliTimestamps(x, k)]));
  return v;
}

/** Runs requests in order, each able to use an earlier one's output through ${call:id.path}; stops at the first refusal. */
function execute(sim: Sim, calls: CallRecord[], requests: PlanRequest[]): string | undefined {
  for (const r of requests) {
    const input = resolveRefs(sim, r.input, calls) as Record<string, unknown>;
    const res = sim.call(r.call, input);
    sim.runUntil(sim.now);
    calls.push({ at: sim.now / 1000, call: r.call, id: r.id, input, ...(res.error ? { error: res.error } : { output: res.output }) });
    if (res.error) return `${r.call} (${r.id}): ${res.error.code}: ${res.error.message}`;
  }
  return undefined;
}

const COPILOT_HELP = 'copilot init --app <app> --name <svc> --type "<type>" --image <uri> [--port N] [--deploy] | app init <name> | app delete | env init --name <env> | env deploy --name <env> | svc init --name <svc> --svc-type "<type>" --image <uri> [--port N] | svc deploy --name <svc> --env <env> | svc status --name <svc> --env <env> | svc show --name <svc> | svc logs --name <svc> [--env <env>] [--limit N] | job init --name <job> --schedule "@daily" --image <uri> | job deploy --name <job> --env <env>';

/**
 * The copilot commands of the lessons, on the workspace the editor's files form (a service's manifest is
 * copilot/<name>/manifest.yml): they make the requests copilot would and print what it created.
 */
function copilotCommand(sim: Sim, session: ConsoleSession, words: string[], flags: Record<string, string | true>): { output: string; exitCode: number } {
  const c = session.copilot;
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const fail = (m: string) => ({ output: `✘ ${m}`, exitCode: 1 });
  const [noun, verb, arg] = words;
  const needApp = () => (c.app ? undefined : fail('could not find an application attached to this workspace: run copilot app init <name> first'));
  /** The manifest's image section from --image or --dockerfile. */
  const imageField = () => (str('image') ? `  location: ${str('image')!}` : str('dockerfile') ? `  build: ${str('dockerfile')!}` : undefined);
  if (noun === 'app' && verb === 'init') {
    const name = arg ?? str('name');
    if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) return fail('application name must start with a letter and contain only lower-case letters, numbers, and hyphens');
    if (c.app && c.app !== name) return fail(`this workspace is already registered with application ${c.app}`);
    c.app = name;
    return { output: `✔ Created the infrastructure to manage services and jobs under application ${name}.\n\nEnd of support: AWS Copilot reached end of support in June 2026; the sandbox teaches its manifests as a whole architecture in one file.`, exitCode: 0 };
  }
  if (noun === 'init') {
    // copilot init: the application, the workload's manifest, and with --deploy a "test" environment and the deployment.
    const app = str('app');
    const name = str('name');
    if (!app || !name) return fail('copilot init needs --app, --name, --type (or --svc-type) and --image or --dockerfile');
    const steps = [
      copilotCommand(sim, session, ['app', 'init', app], {}),
      copilotCommand(sim, session, ['svc', 'init'], { ...flags, 'svc-type': flags.type ?? flags['svc-type'] ?? true }),
    ];
    if (flags.deploy === true) {
      if (!c.environments.test) steps.push(copilotCommand(sim, session, ['env', 'init'], { name: 'test' }));
      steps.push(copilotCommand(sim, session, ['env', 'deploy'], { name: 'test' }), copilotCommand(sim, session, ['svc', 'deploy'], { name, env: 'test' }));
    }
    const failed = steps.find((x) => x.exitCode !== 0);
    return { output: steps.map((x) => x.output).join('\n'), exitCode: failed ? failed.exitCode : 0 };
  }
  if (noun === 'app' && verb === 'delete') {
    const missing = needApp();
    if (missing) return missing;
    // Services first (scaled to zero and deleted), then each environment's cluster.
    const out: string[] = [];
    for (const [svc, envs] of Object.entries(c.services)) {
      for (const env of envs) {
        const cluster = `${c.app!}-${env}`;
        sim.call('ecs.UpdateService', { cluster, service: svc, desiredCount: 0 });
        const r = sim.call('ecs.DeleteService', { cluster, service: svc, force: true });
        out.push(r.error ? `✘ ${svc} in ${env}: ${r.error.message}` : `✔ Deleted service ${svc} from environment ${env}.`);
      }
    }
    sim.runUntil(sim.now + 60_000);
    for (const env of Object.keys(c.environments)) {
      if (!c.environments[env]!.deployed) continue;
      const r = sim.call('ecs.DeleteCluster', { cluster: `${c.app!}-${env}` });
      out.push(r.error ? `✘ environment ${env}: ${r.error.message}` : `✔ Deleted environment ${env}.`);
    }
    out.push(`✔ Deleted application ${c.app!}.`);
    session.copilot = { environments: {}, services: {}, calls: [] };
    return { output: out.join('\n'), exitCode: out.some((l) => l.startsWith('✘')) ? 1 : 0 };
  }
  if (noun === 'env' && (verb === 'init' || verb === 'deploy')) {
    const missing = needApp();
    if (missing) return missing;
    const env = str('name');
    if (!env || !/^[a-z][a-z0-9-]*$/.test(env)) return fail('--name: environment name must start with a letter and contain only lower-case letters, numbers, and hyphens');
    if (verb === 'init') {
      if (c.environments[env]) return fail(`environment ${env} already exists in application ${c.app!}`);
      c.environments[env] = { deployed: false, loadBalancer: false, rules: 0 };
      return { output: `✔ Wrote the manifest for environment ${env} at copilot/environments/${env}/manifest.yml\nRecommended follow-up action:\n  - Run copilot env deploy --name ${env} to deploy your environment.`, exitCode: 0 };
    }
    const e = c.environments[env];
    if (!e) return fail(`environment ${env} does not exist: run copilot env init --name ${env} first`);
    if (e.deployed) return { output: `✔ Environment ${env} is up to date.`, exitCode: 0 };
    const err = execute(sim, c.calls, environmentRequests(c.app!, env));
    if (err) return fail(err);
    e.deployed = true;
    return { output: `✔ Deployed environment ${env}: cluster ${c.app!}-${env} (Fargate and Fargate Spot), namespace ${env}.${c.app!}.local.`, exitCode: 0 };
  }
  if (noun === 'svc' && verb === 'init') {
    const missing = needApp();
    if (missing) return missing;
    const name = str('name');
    const type = str('svc-type');
    if (!name) return fail('--name is required');
    const path = `copilot/${name}/manifest.yml`;
    if (session.files[path] !== undefined) return { output: `Manifest file for service ${name} already exists at ${path}, skipping writing it.`, exitCode: 0 };
    if (!type || !WORKLOAD_TYPES.slice(0, 3).includes(type as (typeof WORKLOAD_TYPES)[number])) return fail(`--svc-type must be one of "Load Balanced Web Service", "Backend Service", "Worker Service"`);
    const image = imageField();
    if (!image) return fail('give --image <uri> or --dockerfile <path>');
    const port = str('port');
    session.files[path] = `name: ${name}\ntype: ${type}\n\nimage:\n${image}\n${port ? `  port: ${port}\n` : ''}${type === 'Load Balanced Web Service' ? "\nhttp:\n  path: '/'\n" : ''}\ncpu: 256\nmemory: 512\ncount: 1\n`;
    return { output: `✔ Wrote the manifest for service ${name} at ${path}\nYour manifest contains configurations like your container size and port.`, exitCode: 0 };
  }
  if (noun === 'job' && verb === 'init') {
    // copilot job init: a Scheduled Job's manifest (the task runs on a schedule; EventBridge starts it).
    const missing = needApp();
    if (missing) return missing;
    const name = str('name');
    const schedule = str('schedule');
    if (!name) return fail('--name is required');
    if (!schedule || scheduleExpression(schedule) === undefined) return fail('--schedule must be @hourly, @daily, @weekly, @every <duration>, a cron expression, or none');
    const path = `copilot/${name}/manifest.yml`;
    if (session.files[path] !== undefined) return { output: `Manifest file for job ${name} already exists at ${path}, skipping writing it.`, exitCode: 0 };
    const image = imageField();
    if (!image) return fail('give --image <uri> or --dockerfile <path>');
    session.files[path] = `name: ${name}\ntype: Scheduled Job\n\non:\n  schedule: "${schedule}"\n\nimage:\n${image}\n\ncpu: 256\nmemory: 512\n`;
    return { output: `✔ Wrote the manifest for job ${name} at ${path}\nYour manifest contains configurations like your container size and job schedule (${schedule}).`, exitCode: 0 };
  }
  if ((noun === 'svc' || noun === 'job') && verb === 'deploy') {
    const missing = needApp();
    if (missing) return missing;
    const name = str('name');
    const env = str('env');
    if (!name || !env) return fail('--name and --env are required');
    const e = c.environments[env];
    if (!e?.deployed) return fail(`environment ${env} is not deployed: run copilot env init --name ${env} and copilot env deploy --name ${env}`);
    if (c.services[name]?.includes(env)) return fail(`service ${name} is already deployed to ${env}; the sandbox changes a deployed service with aws ecs update-service`);
    const path = `copilot/${name}/manifest.yml`;
    const text = session.files[path];
    if (text === undefined) return fail(`read manifest file for ${name}: open ${path}: no such file or directory`);
    const { manifest, problems } = parseManifest(text, path);
    const shown = problems.map(formatProblem);
    if (!manifest) return { output: shown.join('\n'), exitCode: 1 };
    if (manifest.type === 'Environment') return fail(`${path} is an environment manifest`);
    if ((manifest.type === 'Scheduled Job') !== (noun === 'job')) return fail(noun === 'job' ? `${name} is a ${manifest.type}: deploy it with copilot svc deploy` : `${name} is a Scheduled Job: deploy it with copilot job deploy`);
    const plan = planDeployment(manifest, c.app!, env, { region: sim.world.region });
    const err = execute(sim, c.calls, deployRequests(e, plan, Object.keys(sim.world.subnets)));
    if (err) return { output: [...shown, `✘ ${err}`].join('\n'), exitCode: 1 };
    (c.services[name] ??= []).push(env);
    return { output: [...shown, ...plan.resources.filter((r) => !r.startsWith('ECS cluster ') && !r.startsWith('Cloud Map namespace ')).map((r) => `  - ${r}`), ...plan.findings.map((f) => `  Note: ${f}`), `✔ Deployed ${noun === 'job' ? 'job' : 'service'} ${name}.`].join('\n'), exitCode: 0 };
  }
  if (noun === 'svc' && verb === 'logs') {
    // copilot svc logs: what the service's containers printed, from CloudWatch Logs, one line per
    // event as copilot/<service>/<task> <message>. Simulated containers print only their lifecycle.
    const missing = needApp();
    if (missing) return missing;
    const name = str('name');
    if (!name || !c.services[name]) return fail(`service ${name ?? '(--name)'} is not deployed`);
    const env = str('env') ?? c.services[name]![0]!;
    const svc = Object.values(sim.world.services).find((s) => s.serviceName === name && s.clusterArn.endsWith(`:cluster/${c.app!}-${env}`));
    if (!svc) return fail(`service ${name} is not deployed to ${env}`);
    const ids = new Map(sim.world.taskOrder.map((a) => sim.world.tasks[a]!).filter((t) => t.serviceArn === svc.serviceArn).map((t) => [t.taskArn, t.id.slice(0, 8)]));
    const limit = Number(str('limit') ?? 10);
    const lines: string[] = [];
    for (const e of sim.events) {
      const id = typeof e.taskArn === 'string' ? ids.get(e.taskArn) : undefined;
      if (!id || !/^(ContainerStateChange|ContainerHealthChange|TaskStateChange)$/.test(e.type)) continue;
      if (e.type === 'TaskStateChange' && e.lastStatus !== 'STOPPED') continue;
      const text = e.type === 'ContainerStateChange' ? `${String(e.containerName)}: ${e.lastStatus === 'RUNNING' ? 'started' : String(e.lastStatus).toLowerCase()}`
        : e.type === 'ContainerHealthChange' ? `${String(e.containerName)}: health check ${String(e.healthStatus).toLowerCase()}` : `stopped: ${e.message}`;
      lines.push(`copilot/${name}/${id} ${new Date((sim.world.epochSeconds * 1000) + e.t).toISOString()} ${text}`);
    }
    return { output: (lines.length ? lines.slice(-Math.max(1, limit)) : [`No log events for ${name} in ${env} yet.`]).join('\n'), exitCode: 0 };
  }
  if (noun === 'svc' && (verb === 'status' || verb === 'show')) {
    const missing = needApp();
    if (missing) return missing;
    const name = str('name');
    if (!name || !c.services[name]) return fail(`service ${name ?? '(--name)'} is not deployed`);
    if (verb === 'show') {
      const lines = [`Service ${name} in application ${c.app!}`, '', 'Routes and service discovery:'];
      for (const env of c.services[name]!) {
        const { manifest } = parseManifest(session.files[`copilot/${name}/manifest.yml`] ?? '', name);
        if (manifest && manifest.type !== 'Environment') for (const ep of planDeployment(manifest, c.app!, env).endpoints) lines.push(`  ${env}: ${ep}`);
      }
      return { output: lines.join('\n'), exitCode: 0 };
    }
    const env = str('env') ?? c.services[name]![0]!;
    const svc = Object.values(sim.world.services).find((s) => s.serviceName === name && s.clusterArn.endsWith(`:cluster/${c.app!}-${env}`) && s.status === 'ACTIVE');
    if (!svc) return fail(`service ${name} is not deployed to ${env}`);
    const tasks = svc.taskArns.map((a) => sim.world.tasks[a]!).filter((t) => t.desiredStatus === 'RUNNING');
    const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
    return {
      output: [`Task Summary`, '', `  Running   ${running}/${svc.desiredCount} desired tasks are running`, '', 'Tasks', '', ...tasks.map((t) => `  ${t.taskArn.split('/').pop()!.slice(0, 8)}  ${t.lastStatus}  ${t.capacityProviderName ?? t.launchType}`)].join('\n'),
      exitCode: 0,
    };
  }
  return fail(`unknown command. ${COPILOT_HELP}`);
}

/**
 * Tab completion from the same tables the parser uses: commands, services, operations (in the CLI's kebab
 * case), and the options of an ECS operation. Returns the candidates for the word being typed and the line
 * with their common prefix filled in.
 */
export function complete(line: string): { line: string; candidates: string[] } {
  const start = line.search(/\S+$/) < 0 ? line.length : line.search(/\S+$/);
  const word = line.slice(start);
  const before = line.slice(0, start).trim().split(/\s+/).filter(Boolean);
  let pool: string[] = [];
  if (before.length === 0) pool = ['aws', 'sim', 'copilot', 'docker', 'curl', 'traffic', 'translate', 'sleep', 'process'];
  else if (before[0] === 'process' && before.length === 1) pool = ['crash', 'ps', 'restart', 'start', 'stop'];
  else if (before[0] === 'aws' && before.length === 1) pool = Object.keys(SERVICES).filter((s) => s !== 'sim');
  else if ((before[0] === 'aws' && before.length === 2) || (before[0] === 'sim' && before.length === 1)) {
    const ns = before[0] === 'sim' ? 'sim' : Object.hasOwn(SERVICES, before[1]!) ? SERVICES[before[1]!] : undefined;
    pool = ns ? Sim.operations().filter((o) => o.startsWith(`${ns}.`)).map((o) => kebab(o.slice(ns.length + 1))) : [];
  } else if (before[0] === 'copilot' && before.length === 1) pool = ['app', 'env', 'init', 'job', 'svc'];
  else if (before[0] === 'docker' && before.length === 1) pool = ['build', 'compose', 'exec', 'images', 'logs', 'network', 'ps', 'pull', 'push', 'restart', 'rm', 'run', 'start', 'stop'];
  else if (before[0] === 'docker' && before[1] === 'compose' && before.filter((w) => !w.startsWith('-')).length === 2) pool = ['down', 'exec', 'logs', 'ps', 'restart', 'start', 'stop', 'up'];
  else if (before[0] === 'copilot' && before.length === 2) {
    const verbs: Record<string, string[]> = { app: ['delete', 'init'], env: ['deploy', 'init'], svc: ['deploy', 'init', 'logs', 'show', 'status'], job: ['deploy', 'init'] };
    pool = Object.hasOwn(verbs, before[1]!) ? verbs[before[1]!]! : [];
  }
  else if (before[0] === 'aws' && word.startsWith('-') && before[1] === 'ecs') {
    const shapeName = ecsInputShape(pascal(before[2]!));
    const members = Object.keys(ecsShape(shapeName ?? '')?.m ?? {});
    pool = ['--cli-input-json', ...members.map((m) => `--${kebab(m)}`)].filter((o) => !before.includes(o));
  }
  const candidates = pool.filter((c) => c.startsWith(word)).sort();
  if (candidates.length === 0) return { line, candidates };
  let prefix = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const filled = line.slice(0, start) + prefix + (candidates.length === 1 ? ' ' : '');
  return { line: filled, candidates };
}

interface PsRow { ID: string; Names: string; Image: string; Status: string; Ports: string; Service?: string }

function table(rows: PsRow[], compose = false): string {
  const cols: [string, (r: PsRow) => string][] = compose
    ? [['NAME', (r) => r.Names], ['IMAGE', (r) => r.Image], ['SERVICE', (r) => r.Service ?? ''], ['STATUS', (r) => r.Status], ['PORTS', (r) => r.Ports]]
    : [['CONTAINER ID', (r) => r.ID], ['IMAGE', (r) => r.Image], ['STATUS', (r) => r.Status], ['PORTS', (r) => r.Ports], ['NAMES', (r) => r.Names]];
  const widths = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd();
  return [line(cols.map(([h]) => h)), ...rows.map((r) => line(cols.map(([, f]) => f(r))))].join('\n');
}

/**
 * docker build / run / ps / logs / stop / start / rm / images / pull / push / network create, and
 * docker compose up / down / ps / logs, on the world's local Docker host. Files come from the editor:
 * `Dockerfile`, `compose.yaml` (or docker-compose.yml, or -f).
 */
function dockerCommand(sim: Sim, session: ConsoleSession, args: string[]): { output: string; exitCode: number } {
  const call = (op: string, input: Record<string, unknown>): { ok: true; out: Record<string, unknown> } | { ok: false; msg: string } => {
    const r = sim.call(`docker.${op}`, input);
    return r.error ? { ok: false, msg: r.error.message } : { ok: true, out: r.output as Record<string, unknown> };
  };
  const fail = (msg: string) => ({ output: msg, exitCode: 1 });
  const [cmd, ...rest] = args;
  const flagValue = (names: string[]) => {
    const i = rest.findIndex((a) => names.includes(a));
    return i >= 0 ? rest[i + 1] : undefined;
  };
  switch (cmd) {
    case 'build': {
      const tag = flagValue(['-t', '--tag']);
      const file = flagValue(['-f', '--file']) ?? 'Dockerfile';
      if (!tag) return fail('docker build: give the image a name with -t name:tag');
      const r = call('Build', { tag, dockerfile: session.files[file] });
      return r.ok ? { output: `Successfully built ${(r.out.id as string).slice(7, 19)}\nSuccessfully tagged ${String(r.out.tag)}`, exitCode: 0 } : fail(r.msg);
    }
    case 'run': {
      const input: Record<string, unknown> = { ports: [] as string[], env: {} as Record<string, string> };
      let i = 0;
      for (; i < rest.length && rest[i]!.startsWith('-'); i++) {
        const a = rest[i]!;
        if (a === '-d' || a === '--detach' || a === '--rm' || a === '-it' || a === '-i' || a === '-t') continue;
        const v = rest[++i];
        if (v === undefined) return fail(`docker: flag needs an argument: ${a}`);
        if (a === '-p' || a === '--publish') (input.ports as string[]).push(v);
        else if (a === '-e' || a === '--env') {
          const eq = v.indexOf('=');
          (input.env as Record<string, string>)[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
        } else if (a === '--name') input.name = v;
        else if (a === '--network') input.network = v;
        else if (a === '--restart') input.restart = v;
        else return fail(`unknown flag: ${a}\nSee 'docker run --help'.`);
      }
      if (!rest[i]) return fail('"docker run" requires at least 1 argument.\nSee \'docker run --help\'.');
      input.image = rest[i];
      const r = call('Run', input);
      return r.ok ? { output: String(r.out.id), exitCode: 0 } : { output: r.msg.startsWith('docker:') ? r.msg : `docker: ${r.msg}`, exitCode: 125 };
    }
    case 'ps': {
      const r = call('Ps', { all: rest.includes('-a') || rest.includes('--all') });
      return r.ok ? { output: table(r.out.containers as PsRow[]), exitCode: 0 } : fail(r.msg);
    }
    case 'images': {
      const r = call('Images', {});
      if (!r.ok) return fail(r.msg);
      const rows = r.out.images as { Repository: string; Tag: string; ID: string }[];
      return { output: ['REPOSITORY   TAG   IMAGE ID', ...rows.map((x) => `${x.Repository}   ${x.Tag}   ${x.ID}`)].join('\n'), exitCode: 0 };
    }
    case 'logs': case 'stop': case 'start': case 'restart': case 'rm': case 'pull': case 'push': {
      const target = rest.filter((a) => !a.startsWith('-'));
      if (target.length === 0) return fail(`"docker ${cmd}" requires at least 1 argument.`);
      const out: string[] = [];
      for (const t of target) {
        const op = { logs: 'Logs', stop: 'Stop', start: 'Start', restart: 'Restart', rm: 'Rm', pull: 'Pull', push: 'Push' }[cmd];
        const r = call(op, cmd === 'pull' || cmd === 'push' ? { image: t } : { container: t, force: rest.includes('-f') || rest.includes('--force') });
        if (!r.ok) return { output: [...out, r.msg].join('\n'), exitCode: 1 };
        out.push(cmd === 'logs' ? (r.out.lines as string[]).join('\n') : cmd === 'pull' ? String(r.out.status) : cmd === 'push' ? `${String(r.out.image)}: digest: ${String(r.out.digest)}` : t);
      }
      return { output: out.join('\n'), exitCode: 0 };
    }
    case 'exec': {
      const opts = rest.filter((a, i) => a.startsWith('-') && i < rest.findIndex((x) => !x.startsWith('-')));
      const [container, ...command] = rest.slice(opts.length);
      if (!container || command.length === 0) return fail('"docker exec" requires at least 2 arguments: a container and a command');
      const r = call('Exec', { container, command });
      return r.ok ? { output: String(r.out.output), exitCode: r.out.exitCode as number } : { output: r.msg, exitCode: 126 };
    }
    case 'network': {
      if (rest[0] !== 'create' || !rest[1]) return fail('usage: docker network create <name>');
      const r = call('NetworkCreate', { name: rest[1] });
      return r.ok ? { output: sim.hex(64), exitCode: 0 } : fail(r.msg);
    }
    case 'compose': return composeCommand(session, rest, call, fail);
    default: return { output: `docker: '${cmd ?? ''}' is not a docker command.\nSee 'docker --help'`, exitCode: 1 };
  }
}

function composeCommand(
  session: ConsoleSession, args: string[],
  call: (op: string, input: Record<string, unknown>) => { ok: true; out: Record<string, unknown> } | { ok: false; msg: string },
  fail: (m: string) => { output: string; exitCode: number },
): { output: string; exitCode: number } {
  let file: string | undefined;
  let project: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-f' || a === '--file') file = args[++i];
    else if (a === '-p' || a === '--project-name') project = args[++i];
    else if (a !== '-d' && a !== '--detach') words.push(a);
  }
  file ??= ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].find((f) => session.files[f] !== undefined);
  if (!file || session.files[file] === undefined) return fail('no configuration file provided: not found');
  // The project is -p, else the file's `name:`, else "sandbox" (there is no directory name to default to).
  const { project: p, problems } = parseCompose(session.files[file]!, file, project ? { project } : {});
  const shown = problems.map(formatProblem);
  if (!p) return { output: shown.join('\n'), exitCode: 1 };
  const name = p.name;
  const [sub, ...rest] = words;
  if (sub === 'up') {
    const services: Record<string, unknown>[] = [];
    const out = [...shown];
    for (const s of p.services) {
      let image = s.image;
      if (s.build !== undefined && image === undefined) {
        const b = s.build;
        const ctx = typeof b === 'string' ? b : typeof (b as { context?: unknown }).context === 'string' ? (b as { context: string }).context : '.';
        const df = typeof b === 'object' && b && typeof (b as { dockerfile?: unknown }).dockerfile === 'string' ? (b as { dockerfile: string }).dockerfile : 'Dockerfile';
        const path = ctx === '.' || ctx === './' ? df : `${ctx.replace(/^\.\//, '').replace(/\/$/, '')}/${df}`;
        image = `${name}-${s.name}`;
        const r = call('Build', { tag: image, dockerfile: session.files[path] });
        if (!r.ok) return { output: [...out, `failed to build ${s.name}: ${r.msg}`].join('\n'), exitCode: 1 };
        out.push(` ✔ Image ${image} Built`);
      }
      const restart = typeof s.raw.restart === 'string' ? s.raw.restart : undefined;
      services.push({
        name: s.name, image, env: s.environment, dependsOn: s.dependsOn,
        ports: s.ports.filter((x) => x.published !== undefined).map((x) => `${x.published!}:${x.target}${x.protocol === 'udp' ? '/udp' : ''}`),
        ...(restart ? { restart } : {}),
        ...(s.healthcheck && !s.healthcheck.disable && s.healthcheck.test.length ? { healthcheck: s.healthcheck } : {}),
      });
    }
    const r = call('ComposeUp', { project: name, services });
    if (!r.ok) return { output: [...out, r.msg].join('\n'), exitCode: 1 };
    out.push(` ✔ Network ${String(r.out.network)} Created`, ...(r.out.containers as string[]).map((c) => ` ✔ Container ${c} Created`));
    return { output: out.join('\n'), exitCode: 0 };
  }
  if (sub === 'down') {
    const r = call('ComposeDown', { project: name });
    return r.ok ? { output: [...(r.out.removed as string[]).map((c) => ` ✔ Container ${c} Removed`), ` ✔ Network ${String(r.out.network)} Removed`].join('\n'), exitCode: 0 } : fail(r.msg);
  }
  if (sub === 'ps') {
    const r = call('ComposePs', { project: name });
    return r.ok ? { output: table(r.out.containers as PsRow[], true), exitCode: 0 } : fail(r.msg);
  }
  if (sub === 'logs') {
    const r = call('ComposePs', { project: name });
    if (!r.ok) return fail(r.msg);
    const lines: string[] = [];
    for (const c of r.out.containers as PsRow[]) {
      if (rest.length && !rest.includes(c.Service ?? '')) continue;
      const l = call('Logs', { container: c.Names });
      if (l.ok) for (const x of l.out.lines as string[]) lines.push(`${c.Names}  | ${x}`);
    }
    return { output: lines.join('\n'), exitCode: 0 };
  }
  if (sub === 'restart' || sub === 'stop' || sub === 'start') {
    const r = call('ComposePs', { project: name });
    if (!r.ok) return fail(r.msg);
    const out: string[] = [];
    for (const c of r.out.containers as PsRow[]) {
      if (rest.length && !rest.includes(c.Service ?? '')) continue;
      const x = call(sub === 'restart' ? 'Restart' : sub === 'stop' ? 'Stop' : 'Start', { container: c.Names });
      out.push(x.ok ? ` ✔ Container ${c.Names} ${sub === 'restart' ? 'Restarted' : sub === 'stop' ? 'Stopped' : 'Started'}` : x.msg);
    }
    return { output: out.join('\n'), exitCode: out.some((l) => !l.startsWith(' ✔')) ? 1 : 0 };
  }
  if (sub === 'exec') {
    const [svc, ...command] = rest;
    if (!svc || command.length === 0) return fail('"docker compose exec" requires a service and a command');
    const r = call('Exec', { container: `${name}-${svc}-1`, command });
    return r.ok ? { output: String(r.out.output), exitCode: r.out.exitCode as number } : { output: r.msg.replace(/No such container: .*/, `service "${svc}" is not running`), exitCode: 1 };
  }
  return fail(`unknown docker compose command: ${sub ?? ''} (up, down, ps, logs, exec, start, stop, restart)`);
}

/**
 * `translate [compose.yaml] [--project NAME] [--single-task]`: the Compose file as ECS task definitions to review.
 * Each is written to the editor's files as ecs/<family>.json, ready for
 * `aws ecs register-task-definition --cli-input-json file://ecs/<family>.json`.
 */
function translateCommand(session: ConsoleSession, p: { file?: string; project?: string; singleTask: boolean }): { output: string; exitCode: number } {
  const file = p.file ?? ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].find((f) => session.files[f] !== undefined);
  if (!file || session.files[file] === undefined) return { output: `translate: ${file ?? 'compose.yaml'}: no such file`, exitCode: 1 };
  const { project, problems } = parseCompose(session.files[file]!, file, p.project ? { project: p.project } : {});
  const shown = problems.map(formatProblem);
  if (!project) return { output: shown.join('\n'), exitCode: 1 };
  const defs: Record<string, unknown>[] = [];
  let findings: string[];
  let errors: { member: string; line: number; column: number; message: string }[];
  if (p.singleTask) {
    const r = composeToSingleTask(project);
    defs.push(r.taskDefinition);
    ({ findings, errors } = r);
  } else {
    const t = composeToEcs(project);
    defs.push(...t.services.map((x) => x.taskDefinition));
    ({ findings, errors } = t);
  }
  const out = [...shown, ...errors.map((e) => `${file}:${e.line}:${e.column}: error: ${e.member}: ${e.message}`)];
  if (errors.length) return { output: out.join('\n'), exitCode: 1 };
  for (const d of defs) {
    const path = `ecs/${String(d.family)}.json`;
    session.files[path] = `${JSON.stringify(d, null, 2)}\n`;
    out.push(`Wrote ${path}: ${String(d.family)} (${String(d.cpu)} CPU, ${String(d.memory)} MiB, ${(d.containerDefinitions as unknown[]).length} container${(d.containerDefinitions as unknown[]).length === 1 ? '' : 's'})`);
  }
  if (findings.length) out.push('Does not carry over:', ...findings.map((f) => `  - ${f}`));
  return { output: out.join('\n'), exitCode: 0 };
}
