import { parseYaml } from './yamlDoc';
import type { Problem } from './problem';

/**
 * Docker Compose files (ecs-spec §11): read with anchors, merge keys, `x-*` extensions and variable
 * interpolation; checked for the mistakes Compose itself refuses (unknown members, the v1 layout, volumes
 * as a string, dependency cycles); and translated to ECS as a reviewable plan with the mapping of the retired
 * Docker ECS integration: one task definition and one service per Compose service, Fargate sizes, rolling
 * update limits, load balancer type, Cloud Map names, and findings for what does not carry over.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'configs', 'secrets', 'include', 'models']);
/** The service members of the Compose Specification. */
const SERVICE_MEMBERS = new Set([
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs', 'container_name',
  'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpus', 'cpuset', 'credential_spec',
  'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'entrypoint', 'env_file',
  'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'healthcheck', 'hostname', 'image', 'init', 'ipc',
  'isolation', 'label_file', 'labels', 'links', 'logging', 'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit',
  'models', 'network_mode', 'networks', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop',
  'privileged', 'profiles', 'provider', 'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt',
  'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'use_api_socket', 'user',
  'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
]);

export interface PortMapping {
  target: number;
  published?: number;
  protocol: 'tcp' | 'udp';
  hostIp?: string;
}

export interface ComposeService {
  name: string;
  image?: string;
  build?: unknown;
  ports: PortMapping[];
  environment: Record<string, string>;
  command?: string[];
  entrypoint?: string[];
  dependsOn: Record<string, 'service_started' | 'service_healthy' | 'service_completed_successfully'>;
  healthcheck?: { test: string[]; intervalSeconds?: number; timeoutSeconds?: number; retries?: number; startPeriodSeconds?: number; disable?: boolean };
  raw: Obj;
}

export interface ComposeProject {
  name: string;
  /** The file it was read from, which problems found after parsing name. */
  file: string;
  services: ComposeService[];
  raw: Obj;
  /** Line and column of a member in the file, for problems found after parsing. */
  at(path: (string | number)[]): { line: number; column: number };
}

/** "1m30s", "10s", "500ms" (Compose durations) → seconds. */
function seconds(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms|us)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : m[2] === 'ms' ? n / 1000 : n / 1e6;
    end = re.lastIndex;
  }
  return end === v.length && end > 0 ? total : undefined;
}

/** "512M", "1g", "1.5GB", 536870912 → bytes. */
export function bytes(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(v);
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * unit);
}

/** Parses a port entry in the short ("8080:80/udp", "127.0.0.1:80:80", "9090-9091:8080-8081") or long syntax. */
export function parsePorts(entry: unknown): PortMapping[] | string {
  if (typeof entry === 'number') return Number.isInteger(entry) && entry > 0 && entry < 65536 ? [{ target: entry, protocol: 'tcp' }] : `'${entry}' is not a port`;
  if (isObj(entry)) {
    const target = Number(entry.target);
    if (!Number.isInteger(target) || target < 1 || target > 65535) return 'a long-syntax port needs target, a port number';
    const published = entry.published === undefined ? undefined : Number(entry.published);
    if (published !== undefined && (!Number.isInteger(published) || published < 0 || published > 65535)) return `published '${String(entry.published)}' is not a port`;
    const protocol = entry.protocol === 'udp' ? 'udp' : 'tcp';
    return [{ target, protocol, ...(published !== undefined ? { published } : {}), ...(typeof entry.host_ip === 'string' ? { hostIp: entry.host_ip } : {}) }];
  }
  if (typeof entry !== 'string') return 'a port is a number, a string such as "8080:80", or a mapping with target';
  const m = /^(?:(\[[0-9a-f:]+\]|\d+\.\d+\.\d+\.\d+):)?(?:(\d*)(?:-(\d+))?:)?(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/i.exec(entry.trim());
  if (!m) return `'${entry}' is not a port mapping (for example "8080:80" or "80/udp")`;
  const [, hostIp, p1, p2, t1, t2, proto] = m;
  const protocol = (proto?.toLowerCase() as 'tcp' | 'udp' | undefined) ?? 'tcp';
  const targets = range(Number(t1), t2 === undefined ? Number(t1) : Number(t2));
  const published = p1 === undefined || p1 === '' ? undefined : range(Number(p1), p2 === undefined ? Number(p1) : Number(p2));
  if (!targets || (p1 !== undefined && p1 !== '' && !published)) return `'${entry}' has a range that runs backwards or beyond 65535`;
  if (published && published.length !== targets.length && published.length !== 1) return `'${entry}': the published and target ranges differ in length`;
  return targets.map((target, i) => ({
    target, protocol, ...(published ? { published: published.length === 1 ? published[0]! : published[i]! } : {}), ...(hostIp ? { hostIp } : {}),
  }));
}

function range(a: number, b: number): number[] | undefined {
  if (!(a >= 0 && b <= 65535 && a <= b)) return undefined;
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}

/** Compose interpolation: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $$ → $. */
export function interpolate(s: string, env: Record<string, string>, unset: (name: string) => void): string {
  return s.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_whole: string, dollar: string, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (dollar === '$') return '$';
    const name = (braced ?? bare)!;
    const value = env[name];
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    switch (op) {
      case ':-': return nonEmpty ? value! : interpolate(arg ?? '', env, unset);
      case '-': return isSet ? value! : interpolate(arg ?? '', env, unset);
      case ':+': return nonEmpty ? interpolate(arg ?? '', env, unset) : '';
      case '+': return isSet ? interpolate(arg ?? '', env, unset) : '';
      case ':?': case '?':
        if (op === ':?' ? nonEmpty : isSet) return value!;
        unset(name);
        return '';
      default:
        if (!isSet) unset(name);
        return value ?? '';
    }
  });
}

/**
 * Parses a Compose file. `project` defaults to `name:` or "sandbox"; `env` are the variables interpolation sees.
 * Never throws: every problem names the file, line and member.
 */
export function parseCompose(text: string, file = 'compose.yaml', opts: { project?: string; env?: Record<string, string> } = {}): { project?: ComposeProject; problems: Problem[] } {
  const doc = parseYaml(text, file);
  const problems: Problem[] = [];
  const problem = (path: (string | number)[], message: string, severity: 'error' | 'warning' = 'error', key = false) =>
    problems.push({ file, ...doc.at(path, key), member: path.join('.'), message, severity });
  problems.push(...doc.errors);
  if (doc.errors.length) return { problems };
  if (!isObj(doc.data)) {
    problems.push({ file, line: 1, column: 1, member: '', message: 'Top-level object must be a mapping', severity: 'error' });
    return { problems };
  }
  const env = opts.env ?? {};
  const unsetSeen = new Set<string>();
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      return interpolate(v, env, (name) => {
        if (unsetSeen.has(name)) return;
        unsetSeen.add(name);
        problem(path, `The "${name}" variable is not set. Defaulting to a blank string.`, 'warning');
      });
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k.startsWith('x-') ? x : walk(x, [...path, k])]));
    return v;
  };
  const raw = walk(doc.data, []) as Obj;
  for (const k of Object.keys(raw)) {
    if (k.startsWith('x-') || TOP_LEVEL.has(k)) continue;
    problem([k], `unknown top-level member '${k}'${isObj(raw[k]) && !('services' in raw) ? ' (this looks like the version 1 layout: list services under services:)' : ''}`, 'error', true);
  }
  if (raw.version !== undefined) problem(['version'], '`version` is obsolete and ignored.', 'warning', true);
  if (raw.include !== undefined) problem(['include'], 'include reads other files, which the sandbox does not have; put the services in this file.');
  const name = (opts.project ?? (typeof raw.name === 'string' ? raw.name : 'sandbox')).toLowerCase();
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) problem(['name'], `project name '${name}' must be lowercase letters, digits, dashes and underscores, starting with a letter or digit`);
  const services: ComposeService[] = [];
  const svcs = raw.services;
  if (svcs === undefined && !problems.some((p) => p.severity === 'error')) problem([], 'services is required');
  if (svcs !== undefined && !isObj(svcs)) problem(['services'], 'services must be a mapping of service names to their definitions');
  const defs = isObj(svcs) ? svcs : {};
  for (const [sname, def] of Object.entries(defs)) {
    const at = (...p: (string | number)[]) => ['services', sname, ...p];
    if (!/^[a-zA-Z0-9._-]+$/.test(sname)) problem(at(), `service name '${sname}' is not valid: use letters, digits, '.', '_' and '-'`, 'error', true);
    if (!isObj(def)) {
      problem(at(), `services.${sname} must be a mapping`);
      continue;
    }
    let extendsFailed = false;
    const s = resolveExtends(sname, def, defs, (m) => {
      extendsFailed = true;
      problem(at('extends'), m);
    });
    for (const k of Object.keys(s)) if (!k.startsWith('x-') && !SERVICE_MEMBERS.has(k)) problem(at(k), `services.${sname} Additional property ${k} is not allowed`, 'error', true);
    if (s.image === undefined && s.build === undefined && !extendsFailed) problem(at(), `service "${sname}" has neither an image nor a build context specified`, 'error', true);
    if (s.image !== undefined && typeof s.image !== 'string') problem(at('image'), 'image must be a string');
    if (s.volumes !== undefined && !Array.isArray(s.volumes)) problem(at('volumes'), `services.${sname}.volumes must be a list`);
    if (s.env_file !== undefined) problem(at('env_file'), 'env_file is not read in the browser: put the variables under environment.', 'warning');
    const ports: PortMapping[] = [];
    if (s.ports !== undefined && !Array.isArray(s.ports)) problem(at('ports'), 'ports must be a list');
    (Array.isArray(s.ports) ? s.ports : []).forEach((p, i) => {
      const r = parsePorts(p);
      if (typeof r === 'string') problem(at('ports', i), r);
      else ports.push(...r);
    });
    const environment: Record<string, string> = {};
    if (Array.isArray(s.environment)) {
      s.environment.forEach((e, i) => {
        if (typeof e !== 'string') return problem(at('environment', i), 'an environment list holds KEY=value strings');
        const eq = e.indexOf('=');
        if (eq < 0) {
          if (env[e] !== undefined) environment[e] = env[e]!;
        } else environment[e.slice(0, eq)] = e.slice(eq + 1);
      });
    } else if (isObj(s.environment)) {
      for (const [k, v] of Object.entries(s.environment)) if (v !== null && v !== undefined) environment[k] = String(v);
    } else if (s.environment !== undefined) problem(at('environment'), 'environment is a list of KEY=value or a mapping');
    const dependsOn: ComposeService['dependsOn'] = {};
    if (Array.isArray(s.depends_on)) for (const d of s.depends_on) dependsOn[String(d)] = 'service_started';
    else if (isObj(s.depends_on)) {
      for (const [d, c] of Object.entries(s.depends_on)) {
        const cond = isObj(c) ? c.condition : undefined;
        if (cond !== undefined && cond !== 'service_started' && cond !== 'service_healthy' && cond !== 'service_completed_successfully') {
          problem(at('depends_on', d, 'condition'), `condition must be service_started, service_healthy or service_completed_successfully, not '${String(cond)}'`);
        }
        dependsOn[d] = (cond as ComposeService['dependsOn'][string] | undefined) ?? 'service_started';
      }
    }
    for (const d of Object.keys(dependsOn)) {
      if (!Object.hasOwn(defs, d)) problem(at('depends_on'), `service "${sname}" depends on undefined service "${d}": docker compose up refuses the file until "${d}" is defined`, 'warning');
    }
    const words = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : undefined);
    let healthcheck: ComposeService['healthcheck'];
    if (isObj(s.healthcheck)) {
      const h = s.healthcheck;
      const test = Array.isArray(h.test) ? h.test.map(String) : typeof h.test === 'string' ? ['CMD-SHELL', h.test] : [];
      healthcheck = {
        test, ...(h.disable === true || test[0] === 'NONE' ? { disable: true } : {}),
        ...(seconds(h.interval) !== undefined ? { intervalSeconds: seconds(h.interval)! } : {}), ...(seconds(h.timeout) !== undefined ? { timeoutSeconds: seconds(h.timeout)! } : {}),
        ...(typeof h.retries === 'number' ? { retries: h.retries } : {}), ...(seconds(h.start_period) !== undefined ? { startPeriodSeconds: seconds(h.start_period)! } : {}),
      };
    }
    services.push({
      name: sname, ports, environment, dependsOn, raw: s,
      ...(typeof s.image === 'string' ? { image: s.image } : {}), ...(s.build !== undefined ? { build: s.build } : {}),
      ...(words(s.command) ? { command: words(s.command)! } : {}), ...(words(s.entrypoint) ? { entrypoint: words(s.entrypoint)! } : {}),
      ...(healthcheck ? { healthcheck } : {}),
    });
  }
  const cycle = dependencyCycle(services);
  if (cycle) problem(['services', cycle[0]!, 'depends_on'], `dependency cycle detected: ${cycle.join(' -> ')}`);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { project: { name, file, services, raw, at: (path) => doc.at(path, true) }, problems };
}

/** `extends` within the file (service: name); another file cannot be read here. */
function resolveExtends(name: string, def: Obj, all: Obj, fail: (m: string) => void, seen: string[] = []): Obj {
  const ext = def.extends;
  if (ext === undefined) return def;
  const base = typeof ext === 'string' ? ext : isObj(ext) ? ext.service : undefined;
  if (isObj(ext) && ext.file !== undefined) {
    fail(`extends from another file (${String(ext.file)}) cannot be read here: copy the service into this file.`);
    return def;
  }
  if (typeof base !== 'string' || !Object.hasOwn(all, base) || !isObj(all[base])) {
    fail(`cannot extend service "${String(base)}": it is not defined`);
    return def;
  }
  if (seen.includes(base) || base === name) {
    fail(`circular reference with extends: ${[...seen, name, base].join(' -> ')}`);
    return def;
  }
  const parent = resolveExtends(base, all[base] as Obj, all, fail, [...seen, name]);
  const { extends: _drop, ...own } = def;
  void _drop;
  const merged: Obj = { ...parent };
  delete merged.extends;
  for (const [k, v] of Object.entries(own)) merged[k] = isObj(v) && isObj(merged[k]) ? { ...(merged[k] as Obj), ...v } : v;
  return merged;
}

function dependencyCycle(services: ComposeService[]): string[] | undefined {
  const by = new Map(services.map((s) => [s.name, s]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 2) return undefined;
    if (state.get(n) === 1) return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 1);
    stack.push(n);
    for (const d of Object.keys(by.get(n)?.dependsOn ?? {})) {
      if (!by.has(d)) continue;
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const s of services) {
    const c = visit(s.name);
    if (c) return c;
  }
  return undefined;
}

/** Fargate task sizes: CPU units → the memory (MiB) each allows, smallest first. */
const FARGATE_SIZES: [number, number[]][] = [
  [256, [512, 1024, 2048]],
  [512, [1024, 2048, 3072, 4096]],
  [1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192]],
  [2048, Array.from({ length: 13 }, (_, i) => 4096 + i * 1024)],
  [4096, Array.from({ length: 23 }, (_, i) => 8192 + i * 1024)],
];

/** The smallest Fargate size that holds the service's limits (or reservations); 256/512 without either. */
export function fargateSize(cpus: number | undefined, memoryBytes: number | undefined): { cpu: number; memory: number } | undefined {
  if (!cpus && !memoryBytes) return { cpu: 256, memory: 512 };
  const cpu = (cpus ?? 0) * 1024;
  const mem = (memoryBytes ?? 0) / 1024 / 1024;
  for (const [c, mems] of FARGATE_SIZES) {
    if (cpu > c) continue;
    const m = mems.find((x) => mem <= x);
    if (m !== undefined) return { cpu: c, memory: m };
  }
  return undefined;
}

/** Rolling-update limits from deploy.update_config: parallelism p over replicas r gives ⌊(r−p)·100/r⌋ and ⌊(r+p)·100/r⌋. */
export function rollingUpdateLimits(deploy: Obj | undefined): { minimumHealthyPercent: number; maximumPercent: number } | string {
  let min = 100;
  let max = 200;
  const uc = isObj(deploy?.update_config) ? deploy.update_config : undefined;
  if (!uc) return { minimumHealthyPercent: min, maximumPercent: max };
  const xmin = uc['x-aws-min_percent'];
  const xmax = uc['x-aws-max_percent'];
  if (typeof xmin === 'number') min = xmin;
  if (typeof xmax === 'number') max = xmax;
  if (typeof xmin === 'number' && typeof xmax === 'number') return { minimumHealthyPercent: min, maximumPercent: max };
  if (typeof uc.parallelism === 'number') {
    const p = uc.parallelism;
    if (typeof deploy?.replicas !== 'number') return 'rolling update configuration require deploy.replicas to be set';
    const r = deploy.replicas;
    if (r < p) return `deploy.replicas (${r}) must be greater than deploy.update_config.parallelism (${p})`;
    if (typeof xmin !== 'number') min = Math.floor(((r - p) * 100) / r);
    if (typeof xmax !== 'number') max = Math.floor(((r + p) * 100) / r);
  }
  return { minimumHealthyPercent: min, maximumPercent: max };
}

export interface EcsTranslation {
  project: string;
  cluster: string;
  namespace: string;
  services: {
    name: string;
    taskDefinition: Obj;
    service: Obj;
    loadBalancer?: { type: 'application' | 'network'; ports: number[] };
    scaling?: { min: number; max: number; metric: 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization'; target: number };
    discoveryName: string;
  }[];
  /** What does not carry over, per service (`service: message`). */
  findings: string[];
  /** What stops the translation, with the member it is about. */
  errors: Problem[];
}

/** Compose → ECS as the Docker ECS integration did it (§11.1), as a plan to review rather than a silent conversion. */
export function composeToEcs(p: ComposeProject, opts: { account?: string; region?: string } = {}): EcsTranslation {
  const region = opts.region ?? 'us-east-1';
  const findings: string[] = [];
  const errors: EcsTranslation['errors'] = [];
  const services: EcsTranslation['services'] = [];
  for (const s of p.services) {
    const raw = s.raw;
    const member = (m: string) => `services.${s.name}${m ? `.${m}` : ''}`;
    const deploy = isObj(raw.deploy) ? raw.deploy : undefined;
    if (s.build !== undefined && s.image === undefined) errors.push({ file: p.file, severity: 'error', member: member('build'), ...p.at(['services', s.name, 'build']), message: `${s.name}: ECS runs images from a registry; build the image, push it (to ECR) and name it in image:` });
    else if (s.build !== undefined) findings.push(`${s.name}: build is ignored; ECS pulls ${s.image!}, so push it to a registry first.`);
    for (const k of ['links', 'container_name', 'network_mode', 'restart', 'privileged', 'cap_add', 'sysctls', 'devices', 'extra_hosts', 'env_file']) {
      if (raw[k] !== undefined) findings.push(`${s.name}: ${k} does not carry over to ECS on Fargate${k === 'restart' ? ' (the service scheduler replaces stopped tasks)' : k === 'links' ? ' (services find each other by name through Cloud Map)' : ''}.`);
    }
    if (Array.isArray(raw.volumes)) {
      for (const v of raw.volumes) {
        const src = typeof v === 'string' ? v.split(':')[0]! : isObj(v) ? String(v.source ?? '') : '';
        if (/^[./~]/.test(src)) findings.push(`${s.name}: host path ${src} cannot be mounted on Fargate; use a named volume (EFS).`);
        else if (src) findings.push(`${s.name}: named volume ${src} becomes an EFS file system, which the sandbox does not simulate.`);
      }
    }
    const res = isObj(deploy?.resources) ? deploy.resources : {};
    const lim = isObj(res.limits) ? res.limits : isObj(res.reservations) ? res.reservations : {};
    const cpus = lim.cpus !== undefined ? Number(lim.cpus) : undefined;
    const memory = bytes(lim.memory);
    const size = fargateSize(cpus, memory);
    if (!size) errors.push({ file: p.file, severity: 'error', member: member('deploy.resources'), ...p.at(['services', s.name, 'deploy', 'resources']), message: `${s.name}: the resources requested are not supported by ECS/Fargate` });
    const asymmetric = s.ports.filter((x) => x.published !== undefined && x.published !== x.target);
    if (asymmetric.length) errors.push({ file: p.file, severity: 'error', member: member('ports'), ...p.at(['services', s.name, 'ports']), message: `${s.name}: published port ${asymmetric[0]!.published!} differs from target ${asymmetric[0]!.target}; on ECS only symmetric mappings are supported (e.g. "${asymmetric[0]!.target}:${asymmetric[0]!.target}")` });
    const ports = [...new Set(s.ports.map((x) => x.target))];
    const http = raw['x-aws-protocol'] === 'http' || (Array.isArray(raw.ports) && raw.ports.some((x) => isObj(x) && x['x-aws-protocol'] === 'http'));
    const lbType: 'application' | 'network' | undefined = ports.length === 0 ? undefined : ports.every((x) => x === 80 || x === 443) || http ? 'application' : 'network';
    if (lbType === 'network') findings.push(`${s.name}: port${ports.length > 1 ? 's' : ''} ${ports.join(', ')} would get a Network Load Balancer, which the sandbox does not simulate; the service runs without one.`);
    const limits = rollingUpdateLimits(deploy);
    if (typeof limits === 'string') errors.push({ file: p.file, severity: 'error', member: member('deploy.update_config'), ...p.at(['services', s.name, 'deploy', 'update_config']), message: `${s.name}: ${limits}` });
    let scaling: EcsTranslation['services'][number]['scaling'];
    const as = isObj(deploy?.['x-aws-autoscaling']) ? (deploy['x-aws-autoscaling'] as Obj) : undefined;
    if (as) {
      if (typeof as.max !== 'number') errors.push({ file: p.file, severity: 'error', member: member('deploy.x-aws-autoscaling.max'), ...p.at(['services', s.name, 'deploy', 'x-aws-autoscaling']), message: `${s.name}: x-aws-autoscaling needs max` });
      else if (as.cpu !== undefined && as.mem !== undefined) errors.push({ file: p.file, severity: 'error', member: member('deploy.x-aws-autoscaling'), ...p.at(['services', s.name, 'deploy', 'x-aws-autoscaling']), message: `${s.name}: x-aws-autoscaling takes cpu or mem, not both` });
      else if (as.cpu !== undefined || as.mem !== undefined) {
        scaling = { min: typeof as.min === 'number' ? as.min : 1, max: as.max, metric: as.cpu !== undefined ? 'ECSServiceAverageCPUUtilization' : 'ECSServiceAverageMemoryUtilization', target: Number(as.cpu ?? as.mem) };
      }
    }
    const family = `${p.name}-${s.name}`;
    const h = s.healthcheck;
    const container: Obj = {
      name: s.name, image: s.image ?? `${s.name}:latest`, essential: true,
      ...(ports.length ? { portMappings: s.ports.filter((x, i, a) => a.findIndex((y) => y.target === x.target) === i).map((x) => ({ containerPort: x.target, hostPort: x.target, protocol: x.protocol })) } : {}),
      ...(Object.keys(s.environment).length ? { environment: Object.entries(s.environment).map(([name, value]) => ({ name, value })) } : {}),
      ...(s.command ? { command: s.command } : {}), ...(s.entrypoint ? { entryPoint: s.entrypoint } : {}),
      ...(h && !h.disable && h.test.length ? {
        healthCheck: {
          command: h.test[0] === 'CMD' || h.test[0] === 'CMD-SHELL' ? h.test : ['CMD-SHELL', h.test.join(' ')],
          ...(h.intervalSeconds !== undefined ? { interval: Math.max(5, Math.min(300, Math.round(h.intervalSeconds))) } : {}),
          ...(h.timeoutSeconds !== undefined ? { timeout: Math.max(2, Math.min(60, Math.round(h.timeoutSeconds))) } : {}),
          ...(h.retries !== undefined ? { retries: Math.max(1, Math.min(10, h.retries)) } : {}),
          ...(h.startPeriodSeconds !== undefined ? { startPeriod: Math.min(300, Math.round(h.startPeriodSeconds)) } : {}),
        },
      } : {}),
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/docker-compose/${p.name}`, 'awslogs-region': region, 'awslogs-stream-prefix': p.name } },
    };
    if (h && (h.timeoutSeconds === undefined || h.intervalSeconds === undefined)) {
      findings.push(`${s.name}: the health check's unset values take ECS's defaults (interval 30 s, timeout 5 s, retries 3), not Docker's (30 s, 30 s, 3).`);
    }
    const taskDefinition: Obj = {
      family, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: String(size?.cpu ?? 256), memory: String(size?.memory ?? 512),
      executionRoleArn: `arn:aws:iam::${opts.account ?? '123456789012'}:role/${p.name}-${s.name}-TaskExecutionRole`, containerDefinitions: [container],
    };
    const assignPublicIp = raw['x-aws-assign_public_ip'] === true ? 'ENABLED' : 'DISABLED';
    const service: Obj = {
      serviceName: s.name, taskDefinition: family, desiredCount: typeof deploy?.replicas === 'number' ? deploy.replicas : 1, launchType: 'FARGATE',
      deploymentConfiguration: typeof limits === 'string' ? { minimumHealthyPercent: 100, maximumPercent: 200 } : limits,
      networkConfiguration: { awsvpcConfiguration: { assignPublicIp } },
    };
    if (Object.keys(s.dependsOn).length) findings.push(`${s.name}: depends_on orders service creation only (after ${Object.keys(s.dependsOn).join(', ')}); it does not wait for readiness on ECS.`);
    services.push({ name: s.name, taskDefinition, service, ...(lbType ? { loadBalancer: { type: lbType, ports } } : {}), ...(scaling ? { scaling } : {}), discoveryName: `${s.name}.${p.name}.local` });
  }
  for (const [k, what] of [['x-aws-cluster', 'an existing cluster'], ['x-aws-vpc', 'an existing VPC'], ['x-aws-loadbalancer', 'an existing load balancer']] as const) {
    if (p.raw[k] !== undefined) findings.unshift(`${k} names ${what}; the sandbox creates ${k === 'x-aws-cluster' ? `cluster ${p.name}` : k === 'x-aws-vpc' ? 'the project in its default VPC' : `the project's own load balancer`} instead.`);
  }
  return { project: p.name, cluster: p.name, namespace: `${p.name}.local`, services, findings, errors };
}

/** The requests that deploy a translation, services in depends_on order; calls are named compose:<project>:<step>. */
export function composeRequests(t: EcsTranslation, p: ComposeProject, opts: { subnets: string[] }): { id: string; call: string; input: Obj }[] {
  const id = (what: string) => `compose:${t.project}:${what}`;
  const out: { id: string; call: string; input: Obj }[] = [
    { id: id('cluster'), call: 'ecs.CreateCluster', input: { clusterName: t.cluster } },
    { id: id('namespace'), call: 'servicediscovery.CreatePrivateDnsNamespace', input: { Name: t.namespace } },
  ];
  const order: string[] = [];
  const deps = new Map(p.services.map((s) => [s.name, Object.keys(s.dependsOn)]));
  const visit = (n: string) => {
    if (order.includes(n) || visiting.has(n) || !deps.has(n)) return;
    visiting.add(n); // cycles are refused by the parser; this only keeps a bad input from recursing forever
    for (const d of deps.get(n)!) visit(d);
    order.push(n);
  };
  const visiting = new Set<string>();
  for (const s of p.services) visit(s.name);
  let lb = false;
  for (const name of order) {
    const s = t.services.find((x) => x.name === name)!;
    out.push({ id: id(`${name}:taskDefinition`), call: 'ecs.RegisterTaskDefinition', input: s.taskDefinition });
    out.push({
      id: id(`${name}:discovery`), call: 'servicediscovery.CreateService',
      input: { Name: name, NamespaceId: `\${call:${id('namespace')}.NamespaceId}`, DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 60 }] }, HealthCheckCustomConfig: { FailureThreshold: 1 } },
    });
    const service: Obj = {
      ...s.service, cluster: t.cluster, serviceRegistries: [{ registryArn: `\${call:${id(`${name}:discovery`)}.Service.Arn}` }],
      networkConfiguration: { awsvpcConfiguration: { ...((s.service.networkConfiguration as { awsvpcConfiguration: Obj }).awsvpcConfiguration), subnets: opts.subnets } },
    };
    if (s.loadBalancer?.type === 'application') {
      if (!lb) {
        lb = true;
        out.push({ id: id('lb'), call: 'elbv2.CreateLoadBalancer', input: { Name: `${t.project}-lb`.slice(0, 32) } });
      }
      const lbs: Obj[] = [];
      for (const port of s.loadBalancer.ports) {
        const tg = `${t.project}-${name}-${port}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32).replace(/-+$/, '');
        out.push(
          { id: id(`${name}:targetGroup:${port}`), call: 'elbv2.CreateTargetGroup', input: { Name: tg, Port: port, TargetType: 'ip' } },
          { id: id(`${name}:listener:${port}`), call: 'elbv2.CreateListener', input: { LoadBalancerArn: `\${call:${id('lb')}.LoadBalancers[0].LoadBalancerArn}`, Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: `\${call:${id(`${name}:targetGroup:${port}`)}.TargetGroups[0].TargetGroupArn}` }] } },
        );
        lbs.push({ targetGroupArn: `\${call:${id(`${name}:targetGroup:${port}`)}.TargetGroups[0].TargetGroupArn}`, containerName: name, containerPort: port });
      }
      service.loadBalancers = lbs;
    }
    out.push({ id: id(`${name}:service`), call: 'ecs.CreateService', input: service });
    if (s.scaling) {
      const target = { ServiceNamespace: 'ecs', ResourceId: `service/${t.cluster}/${name}`, ScalableDimension: 'ecs:service:DesiredCount' };
      out.push(
        { id: id(`${name}:scalableTarget`), call: 'applicationautoscaling.RegisterScalableTarget', input: { ...target, MinCapacity: s.scaling.min, MaxCapacity: s.scaling.max } },
        {
          id: id(`${name}:policy`), call: 'applicationautoscaling.PutScalingPolicy',
          input: { ...target, PolicyName: `${name}-${s.scaling.metric}`, PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: s.scaling.target, PredefinedMetricSpecification: { PredefinedMetricType: s.scaling.metric } } },
        },
      );
    }
  }
  return out;
}

/**
 * The whole project as one multi-container Fargate task, when a learner asks for it (the Docker integration made
 * one service per Compose service): depends_on conditions become container dependsOn (service_started → START,
 * service_healthy → HEALTHY, service_completed_successfully → SUCCESS, ecs-spec §11.3), containers reach each
 * other on localhost, and the task is sized for the sum of the services' limits.
 */
export function composeToSingleTask(p: ComposeProject, opts: { region?: string; account?: string } = {}): { taskDefinition: Obj; findings: string[]; errors: EcsTranslation['errors'] } {
  const t = composeToEcs(p, opts);
  const findings = [...t.findings];
  const errors = [...t.errors];
  const COND = { service_started: 'START', service_healthy: 'HEALTHY', service_completed_successfully: 'SUCCESS' } as const;
  let cpus = 0;
  let mem = 0;
  const containers: Obj[] = [];
  const oneShot = new Set(p.services.flatMap((s) => Object.entries(s.dependsOn).filter(([, c]) => c === 'service_completed_successfully').map(([d]) => d)));
  const ports = new Map<number, string>();
  for (const s of p.services) {
    const tr = t.services.find((x) => x.name === s.name)!;
    const c = { ...(tr.taskDefinition.containerDefinitions as Obj[])[0]! };
    const deploy = isObj(s.raw.deploy) ? s.raw.deploy : undefined;
    const res = isObj(deploy?.resources) ? deploy.resources : {};
    const lim = isObj(res.limits) ? res.limits : isObj(res.reservations) ? res.reservations : {};
    cpus += lim.cpus !== undefined ? Number(lim.cpus) : 0.25;
    mem += bytes(lim.memory) ?? 512 * 1024 * 1024;
    for (const pm of (c.portMappings as { containerPort: number }[] | undefined) ?? []) {
      if (ports.has(pm.containerPort)) errors.push({ file: p.file, severity: 'error', member: `services.${s.name}.ports`, ...p.at(['services', s.name, 'ports']), message: `${s.name}: port ${pm.containerPort} is also used by ${ports.get(pm.containerPort)!}; in one task the containers share one network namespace` });
      ports.set(pm.containerPort, s.name);
    }
    const dependsOn = Object.entries(s.dependsOn).map(([d, cond]) => {
      const dep = p.services.find((x) => x.name === d);
      if (cond === 'service_healthy' && !dep?.healthcheck) errors.push({ file: p.file, severity: 'error', member: `services.${s.name}.depends_on.${d}`, ...p.at(['services', s.name, 'depends_on']), message: `${s.name}: condition HEALTHY needs a health check on container ${d}` });
      return { containerName: d, condition: COND[cond] };
    });
    if (dependsOn.length) c.dependsOn = dependsOn;
    if (oneShot.has(s.name)) c.essential = false;
    if (Object.values(s.environment).some((v) => p.services.some((x) => x.name === v))) {
      findings.push(`${s.name}: in one task the other containers are on localhost, not under their service names; change ${Object.entries(s.environment).filter(([, v]) => p.services.some((x) => x.name === v)).map(([k]) => k).join(', ')}.`);
    }
    containers.push(c);
  }
  const size = fargateSize(cpus, mem);
  if (!size) errors.push({ file: p.file, severity: 'error', member: 'services', ...p.at(['services']), message: 'the services together need more than the largest Fargate task (4 vCPU, 30 GB)' });
  const taskDefinition: Obj = {
    family: p.name, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: String(size?.cpu ?? 4096), memory: String(size?.memory ?? 30720),
    executionRoleArn: `arn:aws:iam::${opts.account ?? '123456789012'}:role/${p.name}-TaskExecutionRole`, containerDefinitions: containers,
  };
  return { taskDefinition, findings, errors };
}
