import type { SimContext } from '../model/context';
import type { Operation } from '../api/operation';
import { ApiError } from '../core/errors';
import type { ImageBehavior } from '../model/types';
import { own, setOwn } from '../core/own';
import { withTag, type ComposeWaiting, type DockerContainer, type DockerHealthcheck, type DockerHost, type DockerImage, type HostProcess } from '../model/docker';

/**
 * A local Docker host, the world of the first lessons: images built from a Dockerfile or pulled, a registry to
 * push to, containers with the states `docker ps` shows, published ports (conflicts refused as Docker refuses
 * them), user-defined networks where names resolve, health checks, restart policies, logs, and Compose projects
 * started in depends_on order with their conditions. Apps that connect to a host at start (`connectsTo`) fail
 * when it is not there or not ready yet: the readiness race.
 */

const daemon = (message: string) => new ApiError('DockerError', `Error response from daemon: ${message}`);

function behavior(sim: SimContext, image: string): ImageBehavior {
  return sim.world.images[image] ?? sim.world.images[withTag(image)] ?? {};
}

function host(sim: SimContext): DockerHost {
  return sim.world.docker;
}

function log(sim: SimContext, c: DockerContainer, line: string): void {
  c.logs.push({ t: sim.now, line });
  if (c.logs.length > 500) c.logs.shift();
}

function findContainer(sim: SimContext, ref: unknown): DockerContainer {
  const h = host(sim);
  if (typeof ref !== 'string' || ref === '') throw daemon('a container name or id is required');
  const c = Object.values(h.containers).find((x) => x.name === ref || x.id === ref || x.id.startsWith(ref));
  if (!c) throw daemon(`No such container: ${ref}`);
  return c;
}

/** Parses a Dockerfile's FROM, EXPOSE, ENV and CMD (the instructions that shape what runs). */
function readDockerfile(text: string): { from: string; exposed: number[]; env: Record<string, string>; cmd: string[] } {
  let from: string | undefined;
  const exposed: number[] = [];
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [ins, ...rest] = line.split(/\s+/);
    const arg = rest.join(' ');
    switch (ins!.toUpperCase()) {
      case 'FROM': from = rest[0]; break;
      case 'EXPOSE':
        for (const p of rest) {
          const n = Number(p.split('/')[0]);
          if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ApiError('DockerError', `Dockerfile:${i + 1}: EXPOSE: invalid port '${p}'`);
          exposed.push(n);
        }
        break;
      case 'ENV': {
        const eq = arg.indexOf('=');
        if (eq > 0) env[arg.slice(0, eq)] = arg.slice(eq + 1).replace(/^"|"$/g, '');
        else if (rest.length >= 2) env[rest[0]!] = rest.slice(1).join(' ');
        break;
      }
      case 'CMD':
        try {
          cmd = arg.startsWith('[') ? (JSON.parse(arg) as string[]) : ['/bin/sh', '-c', arg];
        } catch {
          throw new ApiError('DockerError', `Dockerfile:${i + 1}: CMD: the exec form must be a JSON array`);
        }
        break;
      default:
        if (!['RUN', 'COPY', 'ADD', 'WORKDIR', 'USER', 'ARG', 'LABEL', 'ENTRYPOINT', 'VOLUME', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD'].includes(ins!.toUpperCase())) {
          throw new ApiError('DockerError', `Dockerfile:${i + 1}: unknown instruction: ${ins!}`);
        }
    }
  });
  if (!from) throw new ApiError('DockerError', 'Dockerfile: no FROM instruction: a build starts from a base image');
  return { from, exposed, env, cmd };
}

function addImage(sim: SimContext, ref: string, parts: Omit<DockerImage, 'ref' | 'id' | 'createdMs'>): DockerImage {
  const img: DockerImage = { ref: withTag(ref), id: `sha256:${sim.hex(64)}`, createdMs: sim.now, ...parts };
  host(sim).images[img.ref] = img;
  return img;
}

/** `docker pull`, or the implicit pull of `docker run`. */
function pull(sim: SimContext, ref: string): DockerImage {
  const h = host(sim);
  const tagged = withTag(ref);
  if (h.images[tagged]) return h.images[tagged]!;
  const b = behavior(sim, tagged);
  if (b.exists === false) throw daemon(`pull access denied for ${ref.replace(/:[^/]+$/, '')}, repository does not exist or may require 'docker login'`);
  return addImage(sim, tagged, { built: false, exposed: [], cmd: [], env: {} });
}

function portsInUse(sim: SimContext, except?: DockerContainer): Map<number, DockerContainer> {
  const used = new Map<number, DockerContainer>();
  for (const c of Object.values(host(sim).containers)) {
    if (c === except || (c.state !== 'running' && c.state !== 'restarting')) continue;
    for (const p of c.ports) used.set(p.host, c);
  }
  return used;
}

/** Starts a container's process; refuses (and leaves it created) when a published port is taken. */
function start(sim: SimContext, c: DockerContainer): void {
  const used = portsInUse(sim, c);
  const held = new Set(Object.values(host(sim).processes).filter((p) => p.state === 'running').map((p) => p.port));
  const clash = c.ports.find((p) => used.has(p.host) || held.has(p.host));
  if (clash) throw daemon(`driver failed programming external connectivity on endpoint ${c.name} (${c.id.slice(0, 12)}): Bind for 0.0.0.0:${clash.host} failed: port is already allocated`);
  c.gen++;
  c.state = 'running';
  c.startedMs = sim.now;
  c.readyMs = undefined;
  c.exitCode = undefined;
  c.failingStreak = 0;
  c.stoppedByUser = false;
  if (c.healthcheck) c.health = 'starting';
  const b = behavior(sim, c.image);
  sim.emit('ContainerStarted', `Container ${c.name} started (${c.image}).`, { container: c.name });
  log(sim, c, `starting ${c.image}`);
  const e = sim.engine;
  const readyMs = Math.round((b.readySeconds ?? 1) * 1000);
  if (b.connectsTo) e.after(Math.min(500, readyMs), { k: 'docker.connect', container: c.id, gen: c.gen });
  e.after(readyMs, { k: 'docker.ready', container: c.id, gen: c.gen });
  if (b.exitAfterSeconds !== undefined) e.after(Math.round(b.exitAfterSeconds * 1000), { k: 'docker.exit', container: c.id, gen: c.gen, code: b.exitCode ?? 0 });
  if (c.healthcheck) e.after(Math.round((c.healthcheck.intervalSeconds ?? 30) * 1000), { k: 'docker.health', container: c.id, gen: c.gen });
  composeProgress(sim);
}

function exited(sim: SimContext, c: DockerContainer, code: number, reason: string): void {
  c.gen++;
  c.state = 'exited';
  c.exitCode = code;
  c.finishedMs = sim.now;
  c.readyMs = undefined;
  if (c.healthcheck) c.health = undefined;
  log(sim, c, reason);
  sim.emit('ContainerExited', `Container ${c.name} exited with code ${code}${reason ? `: ${reason}` : ''}.`, { container: c.name, exitCode: code });
  const again = !c.stoppedByUser && (c.restart === 'always' || c.restart === 'unless-stopped' || (c.restart === 'on-failure' && code !== 0));
  if (again) {
    c.state = 'restarting';
    // Docker waits 100 ms before a restart and doubles the wait each time, up to a minute.
    const delay = Math.min(60_000, 100 * 2 ** Math.min(c.restartCount, 10));
    c.restartCount++;
    sim.engine.after(delay, { k: 'docker.restart', container: c.id, gen: c.gen });
  }
  composeProgress(sim);
}

/** What a name resolves to from a container: itself for localhost, or a container on the same network by name or alias. */
function resolveFrom(sim: SimContext, from: DockerContainer, name: string): DockerContainer | 'self' | undefined {
  if (name === 'localhost' || name === '127.0.0.1') return 'self';
  if (from.network === 'bridge') return undefined; // the default bridge has no name resolution
  return Object.values(host(sim).containers).find((x) => x.network === from.network && (x.name === name || x.aliases.includes(name)) && x.state === 'running');
}

/** A container's address on its network: 172.<18 + network index>.0.<2 + its index on the network> [SIM]. */
function containerIp(sim: SimContext, c: DockerContainer): string {
  const h = host(sim);
  const nets = Object.keys(h.networks);
  const members = Object.values(h.containers).filter((x) => x.network === c.network).sort((a, b) => a.order - b.order);
  return `172.${17 + Math.max(0, nets.indexOf(c.network))}.0.${2 + members.indexOf(c)}`;
}

function listening(sim: SimContext, c: DockerContainer, port: number): boolean {
  if (c.state !== 'running' || c.readyMs === undefined) return false;
  const img = host(sim).images[withTag(c.image)];
  const ports = img?.exposed.length ? img.exposed : c.ports.map((p) => p.container);
  return ports.length === 0 || ports.includes(port);
}

export function registerDockerHandlers(sim: SimContext): void {
  const e = sim.engine;
  const live = (ev: { container: string; gen: number }) => {
    const c = host(sim).containers[ev.container];
    return c && c.gen === ev.gen ? c : undefined;
  };
  e.on('docker.traffic', (ev) => {
    const t = host(sim).traffic[String(ev.port)];
    if (!t || t.gen !== ev.gen || t.requestsPerSecond <= 0) return;
    // The requests of a second are shared between the paths in turn; those to one path meet the same
    // host state [SIM], except that a request that crashes a process is followed by failures.
    const n = Math.floor(t.carry + t.requestsPerSecond);
    t.carry += t.requestsPerSecond - n;
    const paths = t.paths.length ? t.paths : [t.path];
    const rec = { t: sim.now, ok: 0, failed: 0 };
    let r: ReturnType<typeof request> = { ok: true, reason: '' };
    for (let i = 0; i < paths.length; i++) {
      const k = Math.floor(n / paths.length) + (i < n % paths.length ? 1 : 0);
      if (k === 0) continue;
      const first = request(sim, t.port, paths[i]!);
      const rest = first.crashed ? request(sim, t.port, paths[i]!) : first;
      const failed = (first.ok ? 0 : 1) + (rest.ok ? 0 : k - 1);
      rec.ok += k - failed;
      rec.failed += failed;
      for (const x of first === rest ? [first] : [first, rest]) {
        const m = x === first ? (first === rest ? k : 1) : k - 1;
        if (!x.ok && m > 0) t.reasons[x.reason] = (t.reasons[x.reason] ?? 0) + m;
      }
      if (!rest.ok) r = rest;
      else if (!first.ok) r = first;
    }
    t.seconds.push(rec);
    if (t.seconds.length > 120) t.seconds.shift();
    t.totals.ok += rec.ok;
    t.totals.failed += rec.failed;
    const prevFailed = t.seconds.length > 1 ? t.seconds[t.seconds.length - 2]!.failed > 0 : false;
    if (!r.ok && rec.failed > 0 && (!prevFailed || t.lastReason !== r.reason)) sim.emit('LocalRequestsFailing', `Requests to localhost:${t.port}${t.path} are failing: ${r.reason}.`, { port: t.port, reason: r.reason });
    if (rec.failed === 0 && prevFailed) sim.emit('LocalRequestsSucceeding', `Requests to localhost:${t.port}${t.path} succeed again.`, { port: t.port });
    t.lastReason = rec.failed === 0 ? undefined : r.reason;
    e.after(1000, { k: 'docker.traffic', port: t.port, gen: t.gen });
  });
  e.on('docker.ready', (ev) => {
    const c = live(ev);
    if (!c) return;
    c.readyMs = sim.now;
    log(sim, c, 'ready to accept connections');
  });
  e.on('docker.connect', (ev) => {
    const c = live(ev);
    if (!c) return;
    const to = behavior(sim, c.image).connectsTo!;
    const name = c.env[to.hostEnv];
    if (name === undefined || name === '') return exited(sim, c, 1, `Error: ${to.hostEnv} is not set`);
    const target = resolveFrom(sim, c, name);
    if (target === undefined) return exited(sim, c, 1, `Error: getaddrinfo ENOTFOUND ${name}`);
    const t = target === 'self' ? c : target;
    if (!listening(sim, t, to.port) || (target === 'self' && !(host(sim).images[withTag(c.image)]?.exposed ?? []).includes(to.port))) {
      return exited(sim, c, 1, `Error: connect ECONNREFUSED ${target === 'self' ? '127.0.0.1' : name}:${to.port}`);
    }
    log(sim, c, `connected to ${name}:${to.port}`);
  });
  e.on('docker.exit', (ev) => {
    const c = live(ev);
    if (c) exited(sim, c, ev.code, ev.code === 0 ? 'process finished' : `process exited with code ${String(ev.code)}`);
  });
  e.on('docker.stopped', (ev) => {
    const c = live(ev);
    if (!c) return;
    exited(sim, c, ev.code, ev.code === 137 ? 'killed after the stop timeout (SIGKILL)' : 'stopped (SIGTERM)');
    if (c.restartRequested) {
      c.restartRequested = false;
      try {
        start(sim, c);
      } catch (err) {
        log(sim, c, (err as Error).message);
      }
    }
  });
  e.on('docker.restart', (ev) => {
    const c = live(ev);
    if (!c || c.state !== 'restarting') return;
    try {
      start(sim, c);
    } catch (err) {
      c.state = 'exited';
      log(sim, c, (err as Error).message);
    }
  });
  e.on('docker.health', (ev) => {
    const c = live(ev);
    if (!c || !c.healthcheck) return;
    const hc = c.healthcheck;
    const b = behavior(sim, c.image);
    const sinceStart = (sim.now - (c.startedMs ?? 0)) / 1000;
    const passes = c.readyMs !== undefined && !(b.healthCheckFails && (b.healthyAfterSeconds === undefined || sinceStart < b.healthyAfterSeconds));
    const before = c.health;
    if (passes) {
      c.failingStreak = 0;
      c.health = 'healthy';
    } else if (sinceStart > (hc.startPeriodSeconds ?? 0)) {
      c.failingStreak++;
      if (c.failingStreak >= (hc.retries ?? 3)) c.health = 'unhealthy';
    }
    if (c.health !== before) {
      sim.emit('ContainerHealth', `Container ${c.name} is ${c.health!}.`, { container: c.name, health: c.health });
      composeProgress(sim);
    }
    e.after(Math.round((hc.intervalSeconds ?? 30) * 1000), { k: 'docker.health', container: c.id, gen: c.gen });
  });
}

/** Starts the Compose containers whose dependencies are now satisfied, and gives up on those that can never start. */
function composeProgress(sim: SimContext): void {
  const h = host(sim);
  let changed = true;
  while (changed) {
    changed = false;
    for (const w of [...h.waiting]) {
      // A start below can settle other waiting containers first (start → composeProgress); skip those.
      if (!h.waiting.includes(w)) continue;
      const deps = Object.entries(w.dependsOn).map(([svc, cond]) => {
        const dc = Object.values(h.containers).find((c) => c.project === w.project && c.service === svc)!;
        if (cond === 'service_started') return dc.state === 'running' || dc.state === 'exited' ? 'ok' : 'wait';
        if (cond === 'service_healthy') {
          if (!dc.healthcheck) return `dependency failed to start: container ${dc.name} has no healthcheck configured`;
          return dc.health === 'healthy' ? 'ok' : dc.health === 'unhealthy' ? `dependency failed to start: container ${dc.name} is unhealthy` : 'wait';
        }
        if (dc.state === 'exited' && dc.exitCode === 0) return 'ok';
        if (dc.state === 'exited') return `service "${svc}" didn't complete successfully: exit ${dc.exitCode!}`;
        return 'wait';
      });
      const failure = deps.find((d) => d !== 'ok' && d !== 'wait');
      const c = h.containers[w.container]!;
      if (failure) {
        h.waiting.splice(h.waiting.indexOf(w), 1);
        log(sim, c, failure);
        sim.emit('ComposeDependencyFailed', `${failure} (${c.name} was not started).`, { container: c.name });
        changed = true;
      } else if (deps.every((d) => d === 'ok')) {
        h.waiting.splice(h.waiting.indexOf(w), 1);
        try {
          start(sim, c);
        } catch (err) {
          log(sim, c, (err as Error).message);
          sim.emit('ContainerStartFailed', `${c.name}: ${(err as Error).message}`, { container: c.name });
        }
        changed = true;
      }
    }
  }
}

interface RunInput {
  image: string;
  name?: string;
  ports?: string[];
  env?: Record<string, string>;
  network?: string;
  restart?: DockerContainer['restart'];
  healthcheck?: DockerHealthcheck;
  aliases?: string[];
  project?: string;
  service?: string;
}

function parsePublish(spec: string): DockerContainer['ports'][number] {
  const m = /^(?:(?:\d+\.){3}\d+:)?(\d+):(\d+)(?:\/(tcp|udp))?$/.exec(spec);
  if (!m) throw new ApiError('DockerError', `invalid publish spec '${spec}': use hostPort:containerPort, e.g. 8080:80`);
  const hostPort = Number(m[1]);
  const containerPort = Number(m[2]);
  if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) throw new ApiError('DockerError', `invalid port in '${spec}'`);
  return { host: hostPort, container: containerPort, protocol: (m[3] as 'tcp' | 'udp' | undefined) ?? 'tcp' };
}

function create(sim: SimContext, input: RunInput): DockerContainer {
  const h = host(sim);
  if (typeof input.image !== 'string' || input.image === '') throw new ApiError('DockerError', '"docker run" requires at least 1 argument: the image');
  if (input.ports !== undefined && (!Array.isArray(input.ports) || input.ports.some((x) => typeof x !== 'string'))) throw new ApiError('DockerError', 'ports is a list of "hostPort:containerPort" strings');
  if (input.env !== undefined && (typeof input.env !== 'object' || input.env === null || Array.isArray(input.env) || Object.values(input.env).some((x) => typeof x !== 'string'))) {
    throw new ApiError('DockerError', 'env is a map of variable names to string values');
  }
  if (input.name !== undefined && (typeof input.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(input.name))) throw new ApiError('DockerError', `Invalid container name (${String(input.name)}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const img = pull(sim, input.image);
  const id = sim.hex(64);
  const order = h.nextId;
  const name = input.name ?? `${['brave', 'calm', 'eager', 'keen', 'quiet', 'swift'][h.nextId % 6]!}_${['turing', 'hopper', 'lovelace', 'knuth', 'ritchie', 'liskov'][Math.floor(h.nextId / 6) % 6]!}${h.nextId > 35 ? h.nextId : ''}`;
  h.nextId++;
  const taken = Object.values(h.containers).find((c) => c.name === name);
  if (taken) throw new ApiError('DockerError', `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  const network = input.network ?? 'bridge';
  if (!own(h.networks, network)) throw daemon(`network ${network} not found`);
  const restart = input.restart ?? 'no';
  if (!['no', 'always', 'on-failure', 'unless-stopped'].includes(restart)) throw new ApiError('DockerError', `invalid restart policy '${String(restart)}'`);
  const c: DockerContainer = {
    id, name, image: img.ref, state: 'created', ports: (input.ports ?? []).map(parsePublish), env: { ...img.env, ...(input.env ?? {}) }, network,
    aliases: input.aliases ?? [], restart, restartCount: 0, stoppedByUser: false, createdMs: sim.now, failingStreak: 0, logs: [], gen: 0, order,
    ...(input.healthcheck ? { healthcheck: input.healthcheck } : {}), ...(input.project ? { project: input.project, service: input.service! } : {}),
  };
  h.containers[id] = c;
  return c;
}

function describe(sim: SimContext, c: DockerContainer) {
  const age = (ms: number | undefined) => (ms === undefined ? undefined : Math.round((sim.now - ms) / 1000));
  const status = c.state === 'running'
    ? `Up ${age(c.startedMs)!} seconds${c.health ? ` (${c.health === 'starting' ? 'health: starting' : c.health})` : ''}`
    : c.state === 'exited' ? `Exited (${c.exitCode ?? 0}) ${age(c.finishedMs)!} seconds ago` : c.state === 'restarting' ? `Restarting (${c.exitCode ?? 0})` : 'Created';
  return {
    ID: c.id.slice(0, 12), Names: c.name, Image: c.image, State: c.state, Status: status, ExitCode: c.exitCode ?? 0,
    Ports: c.ports.map((p) => `0.0.0.0:${p.host}->${p.container}/${p.protocol}`).join(', '), Networks: c.network,
    ...(c.health ? { Health: c.health } : {}), RestartCount: c.restartCount, ...(c.project ? { Project: c.project, Service: c.service } : {}),
  };
}

/** One request from the host to localhost:<port><path>: a status, or curl's error and the reason behind it. */
function request(sim: SimContext, port: number, path: string): { ok: boolean; status?: number; container?: string; curl?: string; reason: string; crashed?: boolean } {
  const proc = Object.values(host(sim).processes).find((p) => p.port === port);
  if (proc && (proc.state === 'running' || !portsInUse(sim).has(port))) {
    if (proc.state !== 'running') {
      const why = `nothing listens on port ${port} (process ${proc.name} exited with code ${proc.exitCode ?? 0})`;
      return { ok: false, curl: `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server\nhint: ${why}`, reason: why };
    }
    if (proc.poison !== undefined && (path === proc.poison || path.startsWith(`${proc.poison}/`))) {
      // One process serves every route: a crash in one handler takes all of them down.
      proc.poison = undefined;
      proc.state = 'exited';
      proc.exitCode = 1;
      sim.emit('ProcessCrashed', `Process ${proc.name} (pid ${proc.pid}) crashed handling GET ${path}: TypeError: Cannot read properties of undefined (reading 'author'). Every route it served is down.`, { process: proc.name, path });
      const why = `process ${proc.name} crashed handling ${path}`;
      return { ok: false, curl: `curl: (52) Empty reply from server\nhint: ${why}`, reason: why, crashed: true };
    }
    const routes = behavior(sim, proc.image).routes;
    const known = !routes || Object.keys(routes).some((r) => path === r || path.startsWith(r.endsWith('/') ? r : `${r}/`) || r === '/' || (r.endsWith('*') && path.startsWith(r.slice(0, -1))));
    return { ok: known, status: known ? 200 : 404, container: proc.name, reason: known ? '' : `${proc.name} answers 404 for ${path}` };
  }
  const c = portsInUse(sim).get(port);
  const mapping = c?.ports.find((p) => p.host === port);
  if (!c || !mapping || c.state !== 'running') {
    return { ok: false, curl: `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server`, reason: `nothing publishes port ${port}` };
  }
  if (!listening(sim, c, mapping.container)) {
    // Docker's proxy accepts the connection, then finds nothing behind it.
    const exposed = host(sim).images[withTag(c.image)]?.exposed ?? [];
    const why = c.readyMs === undefined
      ? `${c.name} is not accepting connections yet`
      : `nothing listens on container port ${mapping.container} in ${c.name}${exposed.length ? ` (the image exposes ${exposed.join(', ')})` : ''}`;
    return { ok: false, curl: `curl: (56) Recv failure: Connection reset by peer\nhint: ${why}`, reason: why };
  }
  const routes = behavior(sim, c.image).routes;
  const known = !routes || Object.keys(routes).some((r) => path === r || path.startsWith(r.endsWith('/') ? r : `${r}/`) || r === '/');
  return { ok: known, status: known ? 200 : 404, container: c.name, reason: known ? '' : `${c.name} answers 404 for ${path}` };
}

export const DOCKER_OPERATIONS: Record<string, Operation> = {
  Build(sim, input) {
    const tag = input.tag as string | undefined;
    if (typeof tag !== 'string' || !/^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]+)?$/.test(tag)) throw new ApiError('DockerError', `invalid tag "${String(tag)}": repository name must be lowercase`);
    if (typeof input.dockerfile !== 'string') throw new ApiError('DockerError', 'failed to read dockerfile: open Dockerfile: no such file or directory');
    const d = readDockerfile(input.dockerfile);
    const base = pull(sim, d.from);
    const img = addImage(sim, tag, { built: true, exposed: d.exposed.length ? d.exposed : base.exposed, cmd: d.cmd.length ? d.cmd : base.cmd, env: { ...base.env, ...d.env } });
    if (!sim.world.images[img.ref] && sim.world.images[withTag(d.from)]) sim.world.images[img.ref] = { ...sim.world.images[withTag(d.from)]! };
    sim.emit('ImageBuilt', `Image ${img.ref} built from ${d.from}.`, { image: img.ref });
    return { id: img.id, tag: img.ref };
  },
  Images(sim) {
    return { images: Object.values(host(sim).images).map((i) => ({ Repository: i.ref.replace(/:[^:/]+$/, ''), Tag: i.ref.split(':').pop(), ID: i.id.slice(7, 19) })) };
  },
  Pull(sim, input) {
    const img = pull(sim, String(input.image ?? ''));
    return { status: `Downloaded newer image for ${img.ref}`, image: img.ref };
  },
  Push(sim, input) {
    const ref = withTag(String(input.image ?? ''));
    if (!host(sim).images[ref]) throw new ApiError('DockerError', `An image does not exist locally with the tag: ${String(input.image)}`);
    if (!host(sim).registry.includes(ref)) host(sim).registry.push(ref);
    sim.emit('ImagePushed', `Image ${ref} pushed to the registry.`, { image: ref });
    return { image: ref, digest: host(sim).images[ref]!.id };
  },
  Run(sim, input) {
    const c = create(sim, input as unknown as RunInput);
    start(sim, c);
    return { id: c.id, name: c.name };
  },
  Start(sim, input) {
    const c = findContainer(sim, input.container);
    if (c.state !== 'running') start(sim, c);
    return { name: c.name };
  },
  Stop(sim, input) {
    const c = findContainer(sim, input.container);
    if (c.state === 'running' || c.state === 'restarting') {
      c.stoppedByUser = true;
      const b = behavior(sim, c.image);
      if (c.state === 'restarting') exited(sim, c, c.exitCode ?? 0, 'stopped');
      else sim.engine.after(b.ignoresSigterm ? 10_000 : Math.round((b.stopSeconds ?? 0.2) * 1000), { k: 'docker.stopped', container: c.id, gen: c.gen, code: b.ignoresSigterm ? 137 : 0 });
    }
    return { name: c.name };
  },
  /** `docker restart`: stop (SIGTERM, then SIGKILL after the timeout) and start again. */
  Restart(sim, input) {
    const c = findContainer(sim, input.container);
    if (c.state === 'running') {
      DOCKER_OPERATIONS.Stop!(sim, { container: c.id });
      c.restartRequested = true;
    } else start(sim, c);
    return { name: c.name };
  },
  Rm(sim, input) {
    const c = findContainer(sim, input.container);
    if ((c.state === 'running' || c.state === 'restarting') && input.force !== true) {
      throw daemon(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
    }
    c.gen++;
    delete host(sim).containers[c.id];
    host(sim).waiting = host(sim).waiting.filter((w) => w.container !== c.id);
    return { name: c.name };
  },
  /** `docker exec <container> <command>`: the commands a learner uses to look around inside (env, hostname, getent hosts <name>). */
  Exec(sim, input) {
    const c = findContainer(sim, input.container);
    if (c.state !== 'running') throw daemon(`container ${c.id} is not running`);
    const cmd = Array.isArray(input.command) ? input.command.map(String) : [];
    const [prog, arg] = cmd;
    if (prog === 'env' || prog === 'printenv') return { output: Object.entries({ HOSTNAME: c.id.slice(0, 12), ...c.env }).map(([k, v]) => `${k}=${v}`).join('\n'), exitCode: 0 };
    if (prog === 'hostname') return { output: c.id.slice(0, 12), exitCode: 0 };
    if ((prog === 'getent' && cmd[1] === 'hosts') || prog === 'nslookup' || prog === 'ping') {
      const name = prog === 'getent' ? cmd[2] : arg;
      if (!name) throw new ApiError('DockerError', `${prog}: a host name is required`);
      const t = resolveFrom(sim, c, name);
      if (t === undefined) return { output: prog === 'ping' ? `ping: bad address '${name}'` : '', exitCode: prog === 'getent' ? 2 : 1 };
      const ip = t === 'self' ? '127.0.0.1' : containerIp(sim, t);
      return { output: prog === 'getent' ? `${ip}       ${name}` : `${name} has address ${ip}`, exitCode: 0 };
    }
    throw new ApiError('DockerError', `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog ?? ''}": the sandbox runs env, printenv, hostname, getent hosts <name>, nslookup <name> and ping <name> inside containers`);
  },
  Ps(sim, input) {
    return { containers: Object.values(host(sim).containers).filter((c) => input.all === true || c.state === 'running' || c.state === 'restarting').map((c) => describe(sim, c)) };
  },
  Logs(sim, input) {
    const c = findContainer(sim, input.container);
    return { lines: c.logs.map((l) => l.line) };
  },
  NetworkCreate(sim, input) {
    const name = String(input.name ?? '');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw daemon(`invalid network name "${name}"`);
    if (own(host(sim).networks, name)) throw daemon(`network with name ${name} already exists`);
    setOwn(host(sim).networks, name, { name });
    return { name };
  },
  /** Takes a parsed Compose project (the formats layer reads the file): services with image, ports, environment, depends_on, healthcheck, restart. */
  ComposeUp(sim, input) {
    const h = host(sim);
    const project = String(input.project ?? '');
    const services = input.services as (RunInput & { name: string; dependsOn?: ComposeWaiting['dependsOn'] })[] | undefined;
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(project)) throw new ApiError('DockerError', `invalid project name "${project}"`);
    if (!Array.isArray(services) || services.length === 0) throw new ApiError('DockerError', 'no service selected');
    const names = new Set<string>();
    for (const s of services) {
      if (!s || typeof s.name !== 'string' || !/^[a-zA-Z0-9._-]+$/.test(s.name)) throw new ApiError('DockerError', 'every service needs a name of letters, digits, ".", "_" or "-"');
      if (typeof s.image !== 'string' || s.image === '') throw new ApiError('DockerError', `service "${s.name}" has neither an image nor a build context specified`);
      names.add(s.name);
    }
    for (const s of services) {
      for (const [d, cond] of Object.entries(s.dependsOn ?? {})) {
        if (!names.has(d)) throw new ApiError('DockerError', `service "${s.name}" depends on undefined service "${d}": invalid compose project`);
        if (!['service_started', 'service_healthy', 'service_completed_successfully'].includes(cond)) throw new ApiError('DockerError', `service "${s.name}": unknown depends_on condition "${String(cond)}"`);
      }
    }
    const network = `${project}_default`;
    if (!h.networks[network]) h.networks[network] = { name: network, project };
    const created: string[] = [];
    for (const s of services) {
      const name = `${project}-${s.name}-1`;
      let c = Object.values(h.containers).find((x) => x.name === name);
      if (!c) {
        c = create(sim, { ...s, name, network, aliases: [s.name], project, service: s.name });
        created.push(name);
      }
      if (c.state === 'running' || h.waiting.some((w) => w.container === c!.id)) continue;
      h.waiting.push({ project, service: s.name, container: c.id, dependsOn: s.dependsOn ?? {} });
    }
    composeProgress(sim);
    return { network, containers: services.map((s) => `${project}-${s.name}-1`), created };
  },
  ComposeDown(sim, input) {
    const h = host(sim);
    const project = String(input.project ?? '');
    const removed: string[] = [];
    for (const c of Object.values(h.containers)) {
      if (c.project !== project) continue;
      c.gen++;
      delete h.containers[c.id];
      removed.push(c.name);
    }
    h.waiting = h.waiting.filter((w) => w.project !== project);
    delete h.networks[`${project}_default`];
    return { removed, network: `${project}_default` };
  },
  ComposePs(sim, input) {
    return { containers: Object.values(host(sim).containers).filter((c) => c.project === input.project).map((c) => describe(sim, c)) };
  },
  /** A request from the host to a published port: what `curl http://localhost:8080/path` would get. */
  Curl(sim, input) {
    const m = /^(?:http:\/\/)?(localhost|127\.0\.0\.1)(?::(\d+))?(\/.*)?$/.exec(String(input.url ?? ''));
    if (!m) throw new ApiError('CurlError', `curl: (6) Could not resolve host: ${String(input.url ?? '').replace(/^https?:\/\//, '').split(/[:/]/)[0]!}`);
    const r = request(sim, Number(m[2] ?? 80), m[3] ?? '/');
    if (!r.ok && r.status === undefined) throw new ApiError('CurlError', r.curl!);
    return { status: r.status!, container: r.container!, path: m[3] ?? '/' };
  },
  /** Steady requests from the host to a published port (0 stops them); counted every second with the reason of each failure. */
  SetTraffic(sim, input) {
    const port = Number(input.port);
    const rps = Number(input.requestsPerSecond ?? 0);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ApiError('DockerError', 'port must be a port number');
    if (!Number.isFinite(rps) || rps < 0 || rps > 10_000) throw new ApiError('DockerError', 'requestsPerSecond must be between 0 and 10000');
    const h = host(sim);
    const prev = h.traffic[String(port)];
    const paths = Array.isArray(input.paths) ? (input.paths as unknown[]).map(String) : [];
    if (paths.some((x) => !x.startsWith('/'))) throw new ApiError('DockerError', 'paths start with /');
    const path = paths.length ? paths.join(',') : typeof input.path === 'string' ? input.path : '/';
    h.traffic[String(port)] = { port, path, paths, requestsPerSecond: rps, seconds: prev?.seconds ?? [], totals: prev?.totals ?? { ok: 0, failed: 0 }, reasons: prev?.reasons ?? {}, carry: 0, gen: (prev?.gen ?? 0) + 1 };
    if (rps > 0) sim.engine.after(1000, { k: 'docker.traffic', port, gen: h.traffic[String(port)]!.gen });
    return { port, path, requestsPerSecond: rps };
  },
  /** Starts a bare process listening on a host port (as `node server.js` would), with an image's routes. */
  ProcessStart(sim, input) {
    const name = String(input.name ?? '');
    const port = Number(input.port);
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new ApiError('DockerError', 'a process needs a name (lowercase letters, digits, -)');
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ApiError('DockerError', 'port must be a port number');
    const h = host(sim);
    const holder = Object.values(h.processes).find((p) => p.port === port && p.state === 'running' && p.name !== name);
    if (holder || portsInUse(sim).has(port)) throw new ApiError('DockerError', `Error: listen EADDRINUSE: address already in use :::${port}`);
    const prev = own(h.processes, name);
    if (prev?.state === 'running') throw new ApiError('DockerError', `process ${name} is already running (pid ${prev.pid})`);
    const proc: HostProcess = { name, image: String(input.image ?? prev?.image ?? name), port, state: 'running', pid: 1000 + h.nextId++, startedMs: sim.now, restarts: prev ? prev.restarts : 0 };
    setOwn(h.processes, name, proc);
    sim.emit('ProcessStarted', `Process ${name} (pid ${proc.pid}) listens on port ${port}.`, { process: name, port });
    return { name, pid: proc.pid, port };
  },
  ProcessStop(sim, input) {
    const p = own(host(sim).processes, String(input.name ?? ''));
    if (!p) throw new ApiError('DockerError', `no process ${String(input.name)}`);
    if (p.state === 'running') {
      p.state = 'exited';
      p.exitCode = 0;
      sim.emit('ProcessExited', `Process ${p.name} (pid ${p.pid}) stopped.`, { process: p.name });
    }
    return { name: p.name, state: p.state };
  },
  /** Starts the process again (as a supervisor or a person would): a new pid, the same port. */
  ProcessRestart(sim, input) {
    const p = own(host(sim).processes, String(input.name ?? ''));
    if (!p) throw new ApiError('DockerError', `no process ${String(input.name)}`);
    if (p.state === 'running') {
      p.state = 'exited';
      p.exitCode = 0;
    }
    const out = DOCKER_OPERATIONS.ProcessStart!(sim, { name: p.name, port: p.port, image: p.image }) as { pid: number };
    const q = own(host(sim).processes, p.name)!;
    q.restarts = p.restarts + 1;
    sim.emit('ProcessRestarted', `Process ${p.name} restarted (pid ${out.pid}).`, { process: p.name });
    return { name: p.name, pid: out.pid, port: p.port };
  },
  /** A fault: the next request to `path` hits a bug that crashes the whole process. */
  ProcessFault(sim, input) {
    const p = own(host(sim).processes, String(input.name ?? ''));
    if (!p) throw new ApiError('DockerError', `no process ${String(input.name)}`);
    const path = String(input.path ?? '');
    if (!path.startsWith('/')) throw new ApiError('DockerError', 'path must start with /');
    p.poison = path;
    return { name: p.name, path };
  },
  ProcessList(sim) {
    return { processes: Object.values(host(sim).processes).map((p) => ({ name: p.name, pid: p.pid, port: p.port, state: p.state, ...(p.exitCode !== undefined && p.state === 'exited' ? { exitCode: p.exitCode } : {}), restarts: p.restarts })) };
  },
  /** What the steady traffic to a port got: totals, the last `seconds` (default 30), and failures by reason. */
  TrafficStats(sim, input) {
    const t = host(sim).traffic[String(Number(input.port))];
    if (!t) throw new ApiError('DockerError', `no traffic was sent to port ${String(input.port)}`);
    const window = Number(input.seconds ?? 30);
    const recent = t.seconds.filter((x) => x.t > sim.now - window * 1000);
    return {
      port: t.port, path: t.path, requestsPerSecond: t.requestsPerSecond, total: t.totals,
      window: { seconds: window, ok: recent.reduce((a, x) => a + x.ok, 0), failed: recent.reduce((a, x) => a + x.failed, 0) }, failuresByReason: t.reasons,
    };
  },
};
