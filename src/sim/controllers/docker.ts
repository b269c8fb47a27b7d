import type { SimContext } from '../model/context';
import { daemonError, withTag, type DockerContainer, type DockerHost } from '../model/docker';
import type { PendingMap } from '../model/pending';
import { localImageBehavior } from '../queries/docker';
import { say, sayWith, type FormOf, type Partly } from '../model/narration';

/**
 * A local Docker host, the world of the first lessons: images built from a Dockerfile or pulled, a registry to
 * push to, containers with the states `docker ps` shows, published ports (conflicts refused as Docker refuses
 * them), user-defined networks where names resolve, health checks, restart policies, logs, and Compose projects
 * started in depends_on order with their conditions. Apps that connect to a host at start (`connectsTo`) fail
 * when it is not there or not ready yet: the readiness race.
 */

function host(sim: SimContext): DockerHost {
  return sim.world.docker;
}

function log(sim: SimContext, c: DockerContainer, line: string): void {
  c.logs.push({ t: sim.now, line });
  if (c.logs.length > 500) c.logs.shift();
}

export function portsInUse(sim: SimContext, except?: DockerContainer): Map<number, DockerContainer> {
  const used = new Map<number, DockerContainer>();
  for (const c of Object.values(host(sim).containers)) {
    if (c === except || (c.state !== 'running' && c.state !== 'restarting')) continue;
    for (const p of c.ports) used.set(p.host, c);
  }
  return used;
}

/** Starts a container's process; refuses (and leaves it created) when a published port is taken. */
export function start(sim: SimContext, c: DockerContainer): void {
  const used = portsInUse(sim, c);
  const held = new Set(
    Object.values(host(sim).processes)
      .filter((p) => p.state === 'running')
      .map((p) => p.port),
  );
  const clash = c.ports.find((p) => used.has(p.host) || held.has(p.host));
  if (clash) throw daemonError(`driver failed programming external connectivity on endpoint ${c.name} (${c.id.slice(0, 12)}): Bind for 0.0.0.0:${clash.host} failed: port is already allocated`);
  c.gen++;
  c.state = 'running';
  c.startedMs = sim.now;
  c.readyMs = undefined;
  c.exitCode = undefined;
  c.failingStreak = 0;
  c.stoppedByUser = false;
  if (c.healthcheck) c.health = 'starting';
  const b = localImageBehavior(sim, c.image);
  sim.emit('ContainerStarted', say('ContainerStarted.started', { name: c.name, image: c.image }), { container: c.name });
  log(sim, c, `starting ${c.image}`);
  const e = sim.engine;
  const readyMs = Math.round((b.readySeconds ?? 1) * 1000);
  if (b.connectsTo) e.after(Math.min(500, readyMs), { k: 'docker.connect', container: c.id, gen: c.gen });
  e.after(readyMs, { k: 'docker.ready', container: c.id, gen: c.gen });
  if (b.exitAfterSeconds !== undefined) e.after(Math.round(b.exitAfterSeconds * 1000), { k: 'docker.exit', container: c.id, gen: c.gen, code: b.exitCode ?? 0 });
  if (c.healthcheck) e.after(Math.round((c.healthcheck.intervalSeconds ?? 30) * 1000), { k: 'docker.health', container: c.id, gen: c.gen });
  composeProgress(sim);
}

/** The container's process ended; `settle` (default) then starts the Compose containers waiting for it. */
export function exited(sim: SimContext, c: DockerContainer, code: number, reason: string, settle = true): void {
  c.gen++;
  c.state = 'exited';
  c.exitCode = code;
  c.finishedMs = sim.now;
  c.readyMs = undefined;
  if (c.healthcheck) c.health = undefined;
  log(sim, c, reason);
  sim.emit('ContainerExited', reason ? say('ContainerExited.reason', { name: c.name, code, reason }) : say('ContainerExited.exited', { name: c.name, code }), { container: c.name, exitCode: code });
  const again = !c.stoppedByUser && (c.restart === 'always' || c.restart === 'unless-stopped' || (c.restart === 'on-failure' && code !== 0));
  if (again) {
    c.state = 'restarting';
    // Docker waits 100 ms before a restart and doubles the wait each time, up to a minute.
    const delay = Math.min(60_000, 100 * 2 ** Math.min(c.restartCount, 10));
    c.restartCount++;
    sim.engine.after(delay, { k: 'docker.restart', container: c.id, gen: c.gen });
  }
  if (settle) composeProgress(sim);
}

/** What a name resolves to from a container: itself for localhost, or a container on the same network by name or alias. */
export function resolveFrom(sim: SimContext, from: DockerContainer, name: string): DockerContainer | 'self' | undefined {
  if (name === 'localhost' || name === '127.0.0.1') return 'self';
  if (from.network === 'bridge') return undefined; // the default bridge has no name resolution
  return Object.values(host(sim).containers).find((x) => x.network === from.network && (x.name === name || x.aliases.includes(name)) && x.state === 'running');
}

/** A container's address on its network: 172.<18 + network index>.0.<2 + its index on the network> [SIM]. */
export function containerIp(sim: SimContext, c: DockerContainer): string {
  const h = host(sim);
  const nets = Object.keys(h.networks);
  const members = Object.values(h.containers)
    .filter((x) => x.network === c.network)
    .sort((a, b) => a.order - b.order);
  return `172.${17 + Math.max(0, nets.indexOf(c.network))}.0.${2 + members.indexOf(c)}`;
}

function listening(sim: SimContext, c: DockerContainer, port: number): boolean {
  if (c.state !== 'running' || c.readyMs === undefined) return false;
  const img = host(sim).images[withTag(c.image)];
  const ports = img?.exposed.length ? img.exposed : c.ports.map((p) => p.container);
  return ports.length === 0 || ports.includes(port);
}

/** The container a pending event names, if it is still in the run that scheduled the event. */
function live(sim: SimContext, ev: { container: string; gen: number }): DockerContainer | undefined {
  const c = host(sim).containers[ev.container];
  return c && c.gen === ev.gen ? c : undefined;
}

/** One second of the steady traffic to a published port: each request meets the host as it is, and the log says when requests start or stop failing. */
function steadyTraffic(sim: SimContext, ev: PendingMap['docker.traffic']): void {
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
  if (!r.ok && rec.failed > 0 && (!prevFailed || t.lastReason !== r.reason)) sim.emit('LocalRequestsFailing', sayWith(r.failure!, { at: `localhost:${t.port}${t.path}` }), { port: t.port, reason: r.reason });
  if (rec.failed === 0 && prevFailed) sim.emit('LocalRequestsSucceeding', say('LocalRequestsSucceeding.again', { at: `localhost:${t.port}${t.path}` }), { port: t.port });
  t.lastReason = rec.failed === 0 ? undefined : r.reason;
  sim.engine.after(1000, { k: 'docker.traffic', port: t.port, gen: t.gen });
}

/** The process accepts connections. */
function ready(sim: SimContext, ev: PendingMap['docker.ready']): void {
  const c = live(sim, ev);
  if (!c) return;
  c.readyMs = sim.now;
  log(sim, c, 'ready to accept connections');
}

/** At start the app connects to the host its environment names: it exits 1 when the name does not resolve or nothing listens yet. */
function connect(sim: SimContext, ev: PendingMap['docker.connect']): void {
  const c = live(sim, ev);
  if (!c) return;
  const to = localImageBehavior(sim, c.image).connectsTo!;
  const name = c.env[to.hostEnv];
  if (name === undefined || name === '') return exited(sim, c, 1, `Error: ${to.hostEnv} is not set`);
  const target = resolveFrom(sim, c, name);
  if (target === undefined) return exited(sim, c, 1, `Error: getaddrinfo ENOTFOUND ${name}`);
  const t = target === 'self' ? c : target;
  if (!listening(sim, t, to.port) || (target === 'self' && !(host(sim).images[withTag(c.image)]?.exposed ?? []).includes(to.port))) {
    return exited(sim, c, 1, `Error: connect ECONNREFUSED ${target === 'self' ? '127.0.0.1' : name}:${to.port}`);
  }
  log(sim, c, `connected to ${name}:${to.port}`);
}

/** The main process exits by itself. */
function processExit(sim: SimContext, ev: PendingMap['docker.exit']): void {
  const c = live(sim, ev);
  if (c) exited(sim, c, ev.code, ev.code === 0 ? 'process finished' : `process exited with code ${String(ev.code)}`);
}

/** `docker stop` completes (SIGTERM, or SIGKILL after the timeout); `docker restart` starts the container again. */
function stopped(sim: SimContext, ev: PendingMap['docker.stopped']): void {
  const c = live(sim, ev);
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
}

/** A restart policy starts the container again after its back-off. */
function restartDue(sim: SimContext, ev: PendingMap['docker.restart']): void {
  const c = live(sim, ev);
  if (!c || c.state !== 'restarting') return;
  try {
    start(sim, c);
  } catch (err) {
    c.state = 'exited';
    log(sim, c, (err as Error).message);
  }
}

/** One run of the container's HEALTHCHECK. */
function health(sim: SimContext, ev: PendingMap['docker.health']): void {
  const c = live(sim, ev);
  if (!c || !c.healthcheck) return;
  const hc = c.healthcheck;
  const b = localImageBehavior(sim, c.image);
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
    sim.emit('ContainerHealth', say('ContainerHealth.health', { name: c.name, health: c.health! }), { container: c.name, health: c.health });
    composeProgress(sim);
  }
  sim.engine.after(Math.round((hc.intervalSeconds ?? 30) * 1000), { k: 'docker.health', container: c.id, gen: c.gen });
}

export function registerDockerHandlers(sim: SimContext): void {
  const e = sim.engine;
  e.on('docker.traffic', (ev) => steadyTraffic(sim, ev));
  e.on('docker.ready', (ev) => ready(sim, ev));
  e.on('docker.connect', (ev) => connect(sim, ev));
  e.on('docker.exit', (ev) => processExit(sim, ev));
  e.on('docker.stopped', (ev) => stopped(sim, ev));
  e.on('docker.restart', (ev) => restartDue(sim, ev));
  e.on('docker.health', (ev) => health(sim, ev));
}

/** Starts the Compose containers whose dependencies are now satisfied, and gives up on those that can never start. */
export function composeProgress(sim: SimContext): void {
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
        sim.emit('ComposeDependencyFailed', say('ComposeDependencyFailed.failed', { failure, name: c.name }), { container: c.name });
        changed = true;
      } else if (deps.every((d) => d === 'ok')) {
        h.waiting.splice(h.waiting.indexOf(w), 1);
        try {
          start(sim, c);
        } catch (err) {
          log(sim, c, (err as Error).message);
          sim.emit('ContainerStartFailed', say('ContainerStartFailed.failed', { name: c.name, error: (err as Error).message }), { container: c.name });
        }
        changed = true;
      }
    }
  }
}

/** One request from the host to localhost:<port><path>: a status, or curl's error and the reason behind it. */
/**
 * Whether an application with these routes answers `path` (200) or not (404): a route, anything under
 * it, or a `*` pattern; `/` (the pages) answers every other path, except under a prefix the API's own
 * routes hold (`/api/nope` is the API's 404 when `/api/users` is a route), as an app that mounts its
 * API router before its pages answers. No routes known: it answers everything.
 */
function serves(routes: Record<string, unknown> | undefined, path: string): boolean {
  if (!routes) return true;
  const names = Object.keys(routes);
  if (names.some((r) => r !== '/' && (path === r || path.startsWith(r.endsWith('/') ? r : `${r}/`) || (r.endsWith('*') && path.startsWith(r.slice(0, -1)))))) return true;
  if (!names.includes('/')) return false;
  const top = /^\/[^/]+\//.exec(path)?.[0];
  return !top || !names.some((r) => r.startsWith(top));
}

export function request(sim: SimContext, port: number, path: string): { ok: boolean; status?: number; container?: string; curl?: string; reason: string; failure?: Partly<FormOf<'LocalRequestsFailing'>, 'at'>; crashed?: boolean } {
  const proc = Object.values(host(sim).processes).find((p) => p.port === port);
  if (proc && (proc.state === 'running' || !portsInUse(sim).has(port))) {
    if (proc.state !== 'running') {
      const why = `nothing listens on port ${port} (process ${proc.name} exited with code ${proc.exitCode ?? 0})`;
      const failure = { form: 'LocalRequestsFailing.exited', values: { port, name: proc.name, code: proc.exitCode ?? 0 } } as const;
      return { ok: false, curl: `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server\nhint: ${why}`, reason: why, failure };
    }
    if (proc.poison !== undefined && (path === proc.poison || path.startsWith(`${proc.poison}/`))) {
      // One process serves every route: a crash in one handler takes all of them down.
      proc.poison = undefined;
      proc.state = 'exited';
      proc.exitCode = 1;
      sim.emit('ProcessCrashed', say('ProcessCrashed.crashed', { name: proc.name, pid: proc.pid, path, error: "TypeError: Cannot read properties of undefined (reading 'author')" }), { process: proc.name, path });
      const why = `process ${proc.name} crashed handling ${path}`;
      const failure = { form: 'LocalRequestsFailing.crashed', values: { name: proc.name, path } } as const;
      return { ok: false, curl: `curl: (52) Empty reply from server\nhint: ${why}`, reason: why, failure, crashed: true };
    }
    const known = serves(localImageBehavior(sim, proc.image).routes, path);
    return {
      ok: known,
      status: known ? 200 : 404,
      container: proc.name,
      reason: known ? '' : `${proc.name} answers 404 for ${path}`,
      ...(known ? {} : { failure: { form: 'LocalRequestsFailing.notFound', values: { name: proc.name, path } } as const }),
    };
  }
  const c = portsInUse(sim).get(port);
  const mapping = c?.ports.find((p) => p.host === port);
  if (!c || !mapping || c.state !== 'running') {
    const failure = { form: 'LocalRequestsFailing.unpublished', values: { port } } as const;
    return { ok: false, curl: `curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server`, reason: `nothing publishes port ${port}`, failure };
  }
  if (!listening(sim, c, mapping.container)) {
    // Docker's proxy accepts the connection, then finds nothing behind it.
    const exposed = host(sim).images[withTag(c.image)]?.exposed ?? [];
    const why = c.readyMs === undefined ? `${c.name} is not accepting connections yet` : `nothing listens on container port ${mapping.container} in ${c.name}${exposed.length ? ` (the image exposes ${exposed.join(', ')})` : ''}`;
    const failure: Partly<FormOf<'LocalRequestsFailing'>, 'at'> = c.readyMs === undefined
      ? { form: 'LocalRequestsFailing.notYet', values: { name: c.name } }
      : exposed.length
        ? { form: 'LocalRequestsFailing.exposes', values: { port: mapping.container, name: c.name, exposed: exposed.join(', ') } }
        : { form: 'LocalRequestsFailing.containerPort', values: { port: mapping.container, name: c.name } };
    return { ok: false, curl: `curl: (56) Recv failure: Connection reset by peer\nhint: ${why}`, reason: why, failure };
  }
  const known = serves(localImageBehavior(sim, c.image).routes, path);
  return {
    ok: known,
    status: known ? 200 : 404,
    container: c.name,
    reason: known ? '' : `${c.name} answers 404 for ${path}`,
    ...(known ? {} : { failure: { form: 'LocalRequestsFailing.notFound', values: { name: c.name, path } } as const }),
  };
}
