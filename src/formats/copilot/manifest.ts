import { parseYaml } from '../yamlDoc';
import type { Problem } from '../problem';

export const WORKLOAD_TYPES = ['Load Balanced Web Service', 'Backend Service', 'Worker Service', 'Scheduled Job'] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

export interface Manifest {
  name: string;
  type: WorkloadType | 'Environment';
  raw: Record<string, unknown>;
}

const NOT_ECS: Record<string, string> = {
  'request-driven web service': 'A Request-Driven Web Service runs on AWS App Runner, not on Amazon ECS; the sandbox simulates ECS workloads. Use a Load Balanced Web Service.',
  'static site': 'A Static Site is served from Amazon S3 and CloudFront, not from Amazon ECS; the sandbox simulates ECS workloads.',
};

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a workload or environment manifest. Never throws: every problem names its line and member. */
export function parseManifest(text: string, file = 'manifest.yml'): { manifest?: Manifest; problems: Problem[] } {
  const doc = parseYaml(text, file);
  const problems: Problem[] = [];
  const problem = (path: (string | number)[], message: string, severity: 'error' | 'warning' = 'error', key = false) => problems.push({ file, ...doc.at(path, key), member: path.join('.'), message, severity });
  problems.push(...doc.errors);
  if (doc.errors.length) return { problems };
  const raw = doc.data;
  if (!isObj(raw)) {
    problems.push({ file, line: 1, column: 1, member: '', message: 'A manifest is a mapping of fields (name, type, …).', severity: 'error' });
    return { problems };
  }
  const typeText = raw.type;
  if (typeof typeText !== 'string') {
    problem(['type'], 'type is required: one of Load Balanced Web Service, Backend Service, Worker Service, Scheduled Job, or Environment.');
    return { problems };
  }
  const lower = typeText.toLowerCase();
  if (NOT_ECS[lower]) {
    problem(['type'], NOT_ECS[lower]!);
    return { problems };
  }
  const type: Manifest['type'] | undefined = [...WORKLOAD_TYPES, 'Environment' as const].find((t) => t.toLowerCase() === lower);
  if (!type) {
    problem(['type'], `Unknown manifest type '${typeText}'. Valid types: ${WORKLOAD_TYPES.join(', ')}, Environment.`);
    return { problems };
  }
  if (type !== typeText) problem(['type'], `type '${typeText}' is read as '${type}'.`, 'warning');
  const name = raw.name;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/i.test(name)) {
    problem(['name'], 'name is required: letters, numbers and hyphens, starting with a letter.');
  }
  if (type !== 'Environment') checkWorkload(raw, type, problem);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { manifest: { name: name as string, type, raw }, problems };
}

function checkWorkload(raw: Obj, type: WorkloadType, problem: (path: (string | number)[], message: string, severity?: 'error' | 'warning', key?: boolean) => void): void {
  const image = raw.image;
  if (!isObj(image)) problem(['image'], 'image is required, with build (a Dockerfile) or location (an image URI).');
  else {
    if (image.build !== undefined && image.location !== undefined) problem(['image'], 'image.build and image.location are mutually exclusive.');
    if (image.build === undefined && image.location === undefined) problem(['image'], 'image needs build (a Dockerfile) or location (an image URI).');
    if (type === 'Load Balanced Web Service' && image.port === undefined && raw.http !== false) problem(['image', 'port'], 'image.port is required for a Load Balanced Web Service.');
    if (image.port !== undefined && (typeof image.port !== 'number' || image.port < 1 || image.port > 65535)) problem(['image', 'port'], 'image.port must be a port number.');
  }
  for (const k of ['cpu', 'memory'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'number') problem([k], `${k} must be a number.`);
  }
  const count = raw.count;
  if (count !== undefined && typeof count !== 'number' && !isObj(count)) problem(['count'], 'count is a number or a map (range, spot, cpu_percentage, …).');
  if (isObj(count) && typeof count.range === 'string' && !/^\d+-\d+$/.test(count.range)) problem(['count', 'range'], "count.range is written 'min-max', for example 1-10.");
  if (type === 'Scheduled Job') {
    const on = raw.on;
    if (!isObj(on) || typeof on.schedule !== 'string') problem(['on'], 'A Scheduled Job needs on.schedule (@daily, @every 5h, a cron expression, or none).');
    else if (scheduleExpression(on.schedule) === undefined) problem(['on', 'schedule'], `Unknown schedule '${on.schedule}'.`);
  }
  const topics = (raw.publish as { topics?: { name?: string }[] } | undefined)?.topics;
  if (Array.isArray(topics)) {
    const seen = new Set<string>();
    topics.forEach((t, i) => {
      if (t?.name && seen.has(t.name)) problem(['publish', 'topics', i, 'name'], `topic '${t.name}' is listed twice.`, 'warning');
      if (t?.name) seen.add(t.name);
    });
  }
  if (isObj(raw.environments)) {
    for (const env of Object.keys(raw.environments)) {
      if (!isObj(raw.environments[env])) problem(['environments', env], `environments.${env} must be a map of overrides.`);
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
