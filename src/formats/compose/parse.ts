import { parseYaml } from '../yamlDoc';
import { problemAt, type Problem, type Said } from '../problem';
import { say } from '../diagnostics';
import { interpolate, isObj, readPorts, seconds, type Obj, type PortMapping } from './values';

const TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'configs', 'secrets', 'include', 'models']);
/** The service members of the Compose Specification. */
const SERVICE_MEMBERS = new Set([
  'annotations',
  'attach',
  'blkio_config',
  'build',
  'cap_add',
  'cap_drop',
  'cgroup',
  'cgroup_parent',
  'command',
  'configs',
  'container_name',
  'cpu_count',
  'cpu_percent',
  'cpu_period',
  'cpu_quota',
  'cpu_rt_period',
  'cpu_rt_runtime',
  'cpu_shares',
  'cpus',
  'cpuset',
  'credential_spec',
  'depends_on',
  'deploy',
  'develop',
  'device_cgroup_rules',
  'devices',
  'dns',
  'dns_opt',
  'dns_search',
  'domainname',
  'entrypoint',
  'env_file',
  'environment',
  'expose',
  'extends',
  'external_links',
  'extra_hosts',
  'gpus',
  'group_add',
  'healthcheck',
  'hostname',
  'image',
  'init',
  'ipc',
  'isolation',
  'label_file',
  'labels',
  'links',
  'logging',
  'mac_address',
  'mem_limit',
  'mem_reservation',
  'mem_swappiness',
  'memswap_limit',
  'models',
  'network_mode',
  'networks',
  'oom_kill_disable',
  'oom_score_adj',
  'pid',
  'pids_limit',
  'platform',
  'ports',
  'post_start',
  'pre_stop',
  'privileged',
  'profiles',
  'provider',
  'pull_policy',
  'pull_refresh_after',
  'read_only',
  'restart',
  'runtime',
  'scale',
  'secrets',
  'security_opt',
  'shm_size',
  'stdin_open',
  'stop_grace_period',
  'stop_signal',
  'storage_opt',
  'sysctls',
  'tmpfs',
  'tty',
  'ulimits',
  'use_api_socket',
  'user',
  'userns_mode',
  'uts',
  'volumes',
  'volumes_from',
  'working_dir',
]);

export interface ComposeService {
  name: string;
  image?: string;
  build?: unknown;
  ports: PortMapping[];
  environment: Record<string, string>;
  command?: string[];
  entrypoint?: string[];
  dependsOn: Record<string, 'service_started' | 'service_healthy' | 'service_completed_successfully'>;
  /** The dependencies declared with `restart: true`: when Compose recreates one, it restarts this service. */
  restartWith?: string[];
  healthcheck?: { test: string[]; intervalSeconds?: number; timeoutSeconds?: number; retries?: number; startPeriodSeconds?: number; disable?: boolean };
  /** `profiles`: the service starts only when one of them is active. */
  profiles: string[];
  raw: Obj;
}

export interface ComposeProject {
  name: string;
  /** The file it was read from, which problems found after parsing name. */
  file: string;
  /** The services that start: those without profiles, and those with an active profile. */
  services: ComposeService[];
  /** Services left out because none of their profiles is active. */
  inactive: { name: string; profiles: string[] }[];
  /** The active profiles (`--profile`, or COMPOSE_PROFILES). */
  profiles: string[];
  raw: Obj;
  /** Line and column of a member in the file, for problems found after parsing. */
  at(path: (string | number)[]): { line: number; column: number };
}

/** Records a problem at a member path (`key`: at the key rather than its value). */
type Report = (path: (string | number)[], message: Said, severity?: 'error' | 'warning', key?: boolean) => void;

/** The variables interpolated into every string (but not into `x-*` extensions), warning once per unset variable. */
function interpolateAll(data: Obj, env: Record<string, string>, problem: Report): Obj {
  const unsetSeen = new Set<string>();
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      return interpolate(v, env, (name) => {
        if (unsetSeen.has(name)) return;
        unsetSeen.add(name);
        // Compose's own words.
        problem(path, say('problem.compose.unset', { name }), 'warning');
      });
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k.startsWith('x-') ? x : walk(x, [...path, k])]));
    return v;
  };
  return walk(data, []) as Obj;
}

/** `environment` as a list of KEY=value (a bare KEY takes the variable's value) or a mapping. */
function readEnvironment(s: Obj, env: Record<string, string>, at: (...p: (string | number)[]) => (string | number)[], problem: Report): Record<string, string> {
  const environment: Record<string, string> = {};
  if (Array.isArray(s.environment)) {
    s.environment.forEach((e, i) => {
      if (typeof e !== 'string') return problem(at('environment', i), say('problem.compose.environmentItem'));
      const eq = e.indexOf('=');
      if (eq < 0) {
        if (env[e] !== undefined) environment[e] = env[e]!;
      } else environment[e.slice(0, eq)] = e.slice(eq + 1);
    });
  } else if (isObj(s.environment)) {
    for (const [k, v] of Object.entries(s.environment)) if (v !== null && v !== undefined) environment[k] = String(v);
  } else if (s.environment !== undefined) problem(at('environment'), say('problem.compose.environment'));
  return environment;
}

/**
 * `depends_on` as a list (service_started) or a mapping with conditions and `restart`; a dependency on an
 * undefined service is a warning.
 */
function readDependsOn(sname: string, s: Obj, defs: Obj, at: (...p: (string | number)[]) => (string | number)[], problem: Report): Pick<ComposeService, 'dependsOn' | 'restartWith'> {
  const dependsOn: ComposeService['dependsOn'] = {};
  const restartWith: string[] = [];
  if (Array.isArray(s.depends_on)) for (const d of s.depends_on) dependsOn[String(d)] = 'service_started';
  else if (isObj(s.depends_on)) {
    for (const [d, c] of Object.entries(s.depends_on)) {
      const cond = isObj(c) ? c.condition : undefined;
      if (cond !== undefined && cond !== 'service_started' && cond !== 'service_healthy' && cond !== 'service_completed_successfully') {
        problem(at('depends_on', d, 'condition'), say('problem.compose.condition', { value: String(cond) }));
      }
      const restart = isObj(c) ? c.restart : undefined;
      if (restart !== undefined && typeof restart !== 'boolean') problem(at('depends_on', d, 'restart'), say('problem.compose.restart', { path: `services.${sname}.depends_on.${d}.restart` }));
      if (restart === true) restartWith.push(d);
      dependsOn[d] = (cond as ComposeService['dependsOn'][string] | undefined) ?? 'service_started';
    }
  }
  for (const d of Object.keys(dependsOn)) {
    if (!Object.hasOwn(defs, d)) problem(at('depends_on'), say('problem.compose.undefinedDependency', { service: sname, dependency: d }), 'warning');
  }
  return { dependsOn, ...(restartWith.length ? { restartWith } : {}) };
}

function readHealthcheck(sname: string, s: Obj, at: (...p: (string | number)[]) => (string | number)[], problem: Report): ComposeService['healthcheck'] {
  if (!isObj(s.healthcheck)) return undefined;
  const h = s.healthcheck;
  // A duration Compose cannot read refuses the file: said at its member, never dropped without a word.
  for (const k of ['interval', 'timeout', 'start_period', 'start_interval'] as const) {
    if (h[k] !== undefined && seconds(h[k]) === undefined) problem(at('healthcheck', k), say('problem.compose.duration', { path: `services.${sname}.healthcheck.${k}`, value: JSON.stringify(h[k]) }));
  }
  const test = Array.isArray(h.test) ? h.test.map(String) : typeof h.test === 'string' ? ['CMD-SHELL', h.test] : [];
  return {
    test,
    ...(h.disable === true || test[0] === 'NONE' ? { disable: true } : {}),
    ...(seconds(h.interval) !== undefined ? { intervalSeconds: seconds(h.interval)! } : {}),
    ...(seconds(h.timeout) !== undefined ? { timeoutSeconds: seconds(h.timeout)! } : {}),
    ...(typeof h.retries === 'number' ? { retries: h.retries } : {}),
    ...(seconds(h.start_period) !== undefined ? { startPeriodSeconds: seconds(h.start_period)! } : {}),
  };
}

const words = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : undefined);

/** One service: its members checked as Compose checks them, `extends` resolved. */
function readService(sname: string, def: unknown, defs: Obj, env: Record<string, string>, problem: Report): ComposeService | undefined {
  const at = (...p: (string | number)[]) => ['services', sname, ...p];
  if (!/^[a-zA-Z0-9._-]+$/.test(sname)) problem(at(), say('problem.compose.serviceName', { name: sname }), 'error', true);
  if (!isObj(def)) {
    problem(at(), say('problem.compose.serviceMapping', { service: sname }));
    return undefined;
  }
  let extendsFailed = false;
  const s = resolveExtends(sname, def, defs, (m: Said) => {
    extendsFailed = true;
    problem(at('extends'), m);
  });
  for (const k of Object.keys(s)) if (!k.startsWith('x-') && !SERVICE_MEMBERS.has(k)) problem(at(k), say('problem.compose.additional', { service: sname, member: k }), 'error', true);
  if (s.image === undefined && s.build === undefined && !extendsFailed) problem(at(), say('problem.compose.noImage', { service: sname }), 'error', true);
  if (s.image !== undefined && typeof s.image !== 'string') problem(at('image'), say('problem.compose.imageString'));
  if (s.volumes !== undefined && !Array.isArray(s.volumes)) problem(at('volumes'), say('problem.compose.volumesList', { service: sname }));
  if (s.env_file !== undefined) problem(at('env_file'), say('problem.compose.envFile'), 'warning');
  const ports: PortMapping[] = [];
  if (s.ports !== undefined && !Array.isArray(s.ports)) problem(at('ports'), say('problem.compose.portsList'));
  (Array.isArray(s.ports) ? s.ports : []).forEach((p, i) => {
    const r = readPorts(p);
    if (!Array.isArray(r)) problem(at('ports', i), r);
    else ports.push(...r);
  });
  const environment = readEnvironment(s, env, at, problem);
  const { dependsOn, restartWith } = readDependsOn(sname, s, defs, at, problem);
  const healthcheck = readHealthcheck(sname, s, at, problem);
  const profiles: string[] = [];
  if (s.profiles !== undefined && !Array.isArray(s.profiles)) problem(at('profiles'), say('problem.compose.profilesList', { service: sname }));
  (Array.isArray(s.profiles) ? s.profiles : []).forEach((x, i) => {
    if (typeof x !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(x)) problem(at('profiles', i), say('problem.compose.profileName', { name: JSON.stringify(x) }));
    else profiles.push(x);
  });
  return {
    name: sname,
    ports,
    environment,
    dependsOn,
    ...(restartWith ? { restartWith } : {}),
    profiles,
    raw: s,
    ...(typeof s.image === 'string' ? { image: s.image } : {}),
    ...(s.build !== undefined ? { build: s.build } : {}),
    ...(words(s.command) ? { command: words(s.command)! } : {}),
    ...(words(s.entrypoint) ? { entrypoint: words(s.entrypoint)! } : {}),
    ...(healthcheck ? { healthcheck } : {}),
  };
}

/**
 * Parses a Compose file. `project` defaults to `name:` or "sandbox"; `env` are the variables interpolation sees.
 * Never throws: every problem names the file, line and member.
 */
export function parseCompose(text: string, file = 'compose.yaml', opts: { project?: string; env?: Record<string, string>; profiles?: string[] } = {}): { project?: ComposeProject; problems: Problem[] } {
  const doc = parseYaml(text, file);
  const problems: Problem[] = [...doc.errors];
  const problem: Report = (path, message, severity = 'error', key = false) => problems.push(problemAt(file, doc.at(path, key), path.join('.'), message, severity));
  if (doc.errors.length) return { problems };
  if (!isObj(doc.data)) {
    problems.push(problemAt(file, { line: 1, column: 1 }, '', say('problem.compose.topLevelObject')));
    return { problems };
  }
  const env = opts.env ?? {};
  const raw = interpolateAll(doc.data, env, problem);
  for (const k of Object.keys(raw)) {
    if (k.startsWith('x-') || TOP_LEVEL.has(k)) continue;
    problem([k], say(isObj(raw[k]) && !('services' in raw) ? 'problem.compose.unknownTopV1' : 'problem.compose.unknownTop', { member: k }), 'error', true);
  }
  if (raw.version !== undefined) problem(['version'], say('problem.compose.version'), 'warning', true);
  if (raw.include !== undefined) problem(['include'], say('problem.compose.include'));
  const name = (opts.project ?? (typeof raw.name === 'string' ? raw.name : 'sandbox')).toLowerCase();
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) problem(['name'], say('problem.compose.projectName', { name }));
  const svcs = raw.services;
  if (svcs === undefined && !problems.some((p) => p.severity === 'error')) problem([], say('problem.compose.servicesRequired'));
  if (svcs !== undefined && !isObj(svcs)) problem(['services'], say('problem.compose.servicesMapping'));
  const defs = isObj(svcs) ? svcs : {};
  const services = Object.entries(defs)
    .map(([sname, def]) => readService(sname, def, defs, env, problem))
    .filter((x): x is ComposeService => x !== undefined);
  const cycle = dependencyCycle(services);
  if (cycle) problem(['services', cycle[0]!, 'depends_on'], say('problem.compose.cycle', { cycle: cycle.join(' -> ') }));
  const profiles =
    opts.profiles ??
    (env.COMPOSE_PROFILES ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const { enabled, inactive } = byProfiles(services, profiles, problem);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { project: { name, file, services: enabled, inactive, profiles, raw, at: (path) => doc.at(path, true) }, problems };
}

/**
 * The services that start with these profiles active [DOC: docs.docker.com/compose/how-tos/profiles]: a service
 * without `profiles` always does, one with profiles when one of them is active (`*` activates every profile). A
 * service that starts cannot depend on one that does not: Compose refuses the project, naming the profiles.
 */
function byProfiles(services: ComposeService[], active: string[], problem: Report): { enabled: ComposeService[]; inactive: ComposeProject['inactive'] } {
  const on = (s: ComposeService) => s.profiles.length === 0 || active.includes('*') || s.profiles.some((p) => active.includes(p));
  const enabled = services.filter(on);
  const inactive = services.filter((s) => !on(s)).map((s) => ({ name: s.name, profiles: s.profiles }));
  for (const s of enabled) {
    for (const d of Object.keys(s.dependsOn)) {
      const off = inactive.find((x) => x.name === d);
      if (off) problem(['services', s.name, 'depends_on'], say('problem.compose.disabled', { dependency: d, service: s.name, profiles: off.profiles.join(' ') }));
    }
  }
  return { enabled, inactive };
}

/** `extends` within the file (service: name); another file cannot be read here. */
function resolveExtends(name: string, def: Obj, all: Obj, fail: (m: Said) => void, seen: string[] = []): Obj {
  const ext = def.extends;
  if (ext === undefined) return def;
  const base = typeof ext === 'string' ? ext : isObj(ext) ? ext.service : undefined;
  if (isObj(ext) && ext.file !== undefined) {
    fail(say('problem.compose.extendsFile', { file: String(ext.file) }));
    return def;
  }
  if (typeof base !== 'string' || !Object.hasOwn(all, base) || !isObj(all[base])) {
    fail(say('problem.compose.extendsUndefined', { service: String(base) }));
    return def;
  }
  if (seen.includes(base) || base === name) {
    fail(say('problem.compose.extendsCircular', { chain: [...seen, name, base].join(' -> ') }));
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
