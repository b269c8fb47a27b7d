import { parseYaml } from '../yamlDoc';
import { problemAt, type Problem, type Said } from '../problem';
import { say, type DiagnosticKey } from '../diagnostics';

export const WORKLOAD_TYPES = ['Load Balanced Web Service', 'Backend Service', 'Worker Service', 'Scheduled Job'] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

export interface Manifest {
  name: string;
  type: WorkloadType | 'Environment';
  raw: Record<string, unknown>;
}

const NOT_ECS: Record<string, DiagnosticKey> = {
  'request-driven web service': 'problem.copilot.appRunner',
  'static site': 'problem.copilot.staticSite',
};

type Report = (path: (string | number)[], message: Said, severity?: 'error' | 'warning', key?: boolean) => void;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a workload or environment manifest. Never throws: every problem names its line and member. */
export function parseManifest(text: string, file = 'manifest.yml'): { manifest?: Manifest; problems: Problem[] } {
  const doc = parseYaml(text, file);
  const problems: Problem[] = [];
  const problem: Report = (path, message, severity = 'error', key = false) => problems.push(problemAt(file, doc.at(path, key), path.join('.'), message, severity));
  problems.push(...doc.errors);
  if (doc.errors.length) return { problems };
  const raw = doc.data;
  if (!isObj(raw)) {
    problems.push(problemAt(file, { line: 1, column: 1 }, '', say('problem.copilot.mapping')));
    return { problems };
  }
  const typeText = raw.type;
  if (typeof typeText !== 'string') {
    problem(['type'], say('problem.copilot.typeRequired'));
    return { problems };
  }
  const lower = typeText.toLowerCase();
  if (NOT_ECS[lower]) {
    problem(['type'], say(NOT_ECS[lower]!));
    return { problems };
  }
  const type: Manifest['type'] | undefined = [...WORKLOAD_TYPES, 'Environment' as const].find((t) => t.toLowerCase() === lower);
  if (!type) {
    problem(['type'], say('problem.copilot.unknownType', { type: typeText, types: WORKLOAD_TYPES.join(', ') }));
    return { problems };
  }
  if (type !== typeText) problem(['type'], say('problem.copilot.typeRead', { type: typeText, as: type }), 'warning');
  const name = raw.name;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/i.test(name)) {
    problem(['name'], say('problem.copilot.name'));
  }
  if (type !== 'Environment') checkWorkload(raw, type, problem);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { manifest: { name: name as string, type, raw }, problems };
}

function checkWorkload(raw: Obj, type: WorkloadType, problem: Report): void {
  const image = raw.image;
  if (!isObj(image)) problem(['image'], say('problem.copilot.image'));
  else {
    if (image.build !== undefined && image.location !== undefined) problem(['image'], say('problem.copilot.imageBoth'));
    if (image.build === undefined && image.location === undefined) problem(['image'], say('problem.copilot.imageSource'));
    if (type === 'Load Balanced Web Service' && image.port === undefined && raw.http !== false) problem(['image', 'port'], say('problem.copilot.portRequired'));
    if (image.port !== undefined && (typeof image.port !== 'number' || image.port < 1 || image.port > 65535)) problem(['image', 'port'], say('problem.copilot.port'));
  }
  for (const k of ['cpu', 'memory'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'number') problem([k], say('problem.copilot.number', { member: k }));
  }
  const count = raw.count;
  if (count !== undefined && typeof count !== 'number' && !isObj(count)) problem(['count'], say('problem.copilot.count'));
  if (isObj(count) && typeof count.range === 'string' && !/^\d+-\d+$/.test(count.range)) problem(['count', 'range'], say('problem.copilot.range'));
  if (type === 'Scheduled Job') {
    const on = raw.on;
    if (!isObj(on) || typeof on.schedule !== 'string') problem(['on'], say('problem.copilot.schedule'));
    else if (scheduleExpression(on.schedule) === undefined) problem(['on', 'schedule'], say('problem.copilot.unknownSchedule', { schedule: on.schedule }));
  }
  const topics = (raw.publish as { topics?: { name?: string }[] } | undefined)?.topics;
  if (Array.isArray(topics)) {
    const seen = new Set<string>();
    topics.forEach((t, i) => {
      if (t?.name && seen.has(t.name)) problem(['publish', 'topics', i, 'name'], say('problem.copilot.topicTwice', { topic: t.name }), 'warning');
      if (t?.name) seen.add(t.name);
    });
  }
  if (isObj(raw.environments)) {
    for (const env of Object.keys(raw.environments)) {
      if (!isObj(raw.environments[env])) problem(['environments', env], say('problem.copilot.environment', { environment: env }));
    }
  }
}

/** Copilot's overrides: an environment's fields replace the base's, maps merging recursively. */
export function withEnvironment(raw: Obj, env: string): Obj {
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isObj(a) || !isObj(b)) return b === undefined ? a : b;
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
    return out;
  };
  const { environments, ...base } = raw;
  const over = isObj(environments) ? environments[env] : undefined;
  return merge(base, over) as Obj;
}

/** @daily / @every 5h / 5-field cron / rate() → an EventBridge schedule expression; 'none' → null. */
export function scheduleExpression(s: string): string | null | undefined {
  const t = s.trim();
  const presets: Record<string, string> = {
    '@yearly': 'cron(0 0 1 1 ? *)',
    '@annually': 'cron(0 0 1 1 ? *)',
    '@monthly': 'cron(0 0 1 * ? *)',
    '@weekly': 'cron(0 0 ? * 1 *)',
    '@daily': 'cron(0 0 * * ? *)',
    '@midnight': 'cron(0 0 * * ? *)',
    '@hourly': 'cron(0 * * * ? *)',
  };
  if (t === 'none') return null;
  if (presets[t]) return presets[t];
  const every = /^@every (\d+)(m|h)$/.exec(t);
  if (every) {
    const n = Number(every[1]);
    const unit = every[2] === 'm' ? 'minute' : 'hour';
    return `rate(${n} ${unit}${n === 1 ? '' : 's'})`;
  }
  if (/^(rate|cron)\(.+\)$/.test(t)) return t;
  const f = t.split(/\s+/);
  if (f.length === 5) {
    // Unix cron (minute hour day-of-month month day-of-week) → AWS six fields with '?' for one day field.
    const [min, hour, dom, mon, dow] = f as [string, string, string, string, string];
    return dow === '*' ? `cron(${min} ${hour} ${dom} ${mon} ? *)` : `cron(${min} ${hour} ? ${mon} ${dow} *)`;
  }
  return undefined;
}
