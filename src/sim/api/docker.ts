import { ApiError } from '../core/errors';
import { own, setOwn } from '../core/own';
import type { SimContext } from '../model/context';
import { daemonError, withTag, type DockerContainer, type HostProcess } from '../model/docker';
import { localImageBehavior } from '../queries/docker';
import { canonicalRef, login, push, tagImage } from './dockerRegistry';
import { containerIp, exited, portsInUse, request, resolveFrom, start } from '../controllers/docker';
import type { Operation } from './operation';
import { create, describe, host, pull, type RunInput } from './dockerContainers';
import { COMPOSE_OPERATIONS } from './dockerCompose';
import { DOCKER_BUILD_OPERATIONS } from './dockerBuild';
import { say } from '../model/narration';

/**
 * The local Docker host's commands (`docker.`): build, pull and push images, run and stop containers,
 * user-defined networks, Compose projects, curl against published ports, steady traffic, and bare
 * processes on the host. Errors read as the Docker daemon and curl print them.
 */

function findContainer(sim: SimContext, ref: unknown): DockerContainer {
  const h = host(sim);
  if (typeof ref !== 'string' || ref === '') throw daemonError('a container name or id is required');
  const c = Object.values(h.containers).find((x) => x.name === ref || x.id === ref || x.id.startsWith(ref));
  if (!c) throw daemonError(`No such container: ${ref}`);
  return c;
}

export const DOCKER_OPERATIONS: Record<string, Operation> = {
  ...DOCKER_BUILD_OPERATIONS,
  Images(sim) {
    return { images: Object.values(host(sim).images).map((i) => ({ Repository: i.ref.replace(/:[^:/]+$/, ''), Tag: i.ref.split(':').pop(), ID: i.id.slice(7, 19) })) };
  },
  /** `docker pull`: Docker's lines, ending with the image's full name (or "Image is up to date" when it is on the host). */
  Pull(sim, input) {
    const ref = String(input.image ?? '');
    const { image, lines } = pull(sim, ref);
    const status = lines.length ? lines.at(-1)!.replace(/^Status: /, '') : `Image is up to date for ${ref.includes(':') || ref.includes('@') ? ref : `${ref}:latest`}`;
    const defaultTag = /^[^@]*$/.test(ref) && !/:[^/]*$/.test(ref) ? ['Using default tag: latest'] : [];
    return { status, image: image.ref, lines: [...defaultTag, ...(lines.length ? lines : [`Status: ${status}`]), canonicalRef(ref)] };
  },
  /** `docker push` to a registry: this account's Amazon ECR after `docker login`; others refuse it. */
  Push(sim, input) {
    return push(sim, input.image);
  },
  /** `docker tag SOURCE TARGET`: another name (a registry's repository and tag) for an image on the host. */
  Tag(sim, input) {
    const img = tagImage(sim, input.source, input.target);
    return { image: img.ref, id: img.id };
  },
  /** `docker login [registry] --username --password`: credentials for a registry (this account's ECR, with its password). */
  Login(sim, input) {
    return { ...login(sim, input), status: 'Login Succeeded' };
  },
  Run(sim, input) {
    const { c, pulled } = create(sim, input as unknown as RunInput);
    start(sim, c);
    return { id: c.id, name: c.name, ...(pulled.length ? { pulled: [`Unable to find image '${withTag(String(input.image))}' locally`, ...pulled] } : {}) };
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
      const b = localImageBehavior(sim, c.image);
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
      throw daemonError(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
    }
    c.gen++;
    delete host(sim).containers[c.id];
    host(sim).waiting = host(sim).waiting.filter((w) => w.container !== c.id);
    return { name: c.name };
  },
  /** `docker exec <container> <command>`: the commands a learner uses to look around inside (env, hostname, getent hosts <name>). */
  Exec(sim, input) {
    const c = findContainer(sim, input.container);
    if (c.state !== 'running') throw daemonError(`container ${c.id} is not running`);
    const cmd = Array.isArray(input.command) ? input.command.map(String) : [];
    const [prog, arg] = cmd;
    if (prog === 'env' || prog === 'printenv')
      return {
        output: Object.entries({ HOSTNAME: c.id.slice(0, 12), ...c.env })
          .map(([k, v]) => `${k}=${v}`)
          .join('\n'),
        exitCode: 0,
      };
    if (prog === 'hostname') return { output: c.id.slice(0, 12), exitCode: 0 };
    if ((prog === 'getent' && cmd[1] === 'hosts') || prog === 'nslookup' || prog === 'ping') {
      const name = prog === 'getent' ? cmd[2] : arg;
      if (!name) throw new ApiError('DockerError', `${prog}: a host name is required`);
      const t = resolveFrom(sim, c, name);
      if (t === undefined) return { output: prog === 'ping' ? `ping: bad address '${name}'` : '', exitCode: prog === 'getent' ? 2 : 1 };
      const ip = t === 'self' ? '127.0.0.1' : containerIp(sim, t);
      return { output: prog === 'getent' ? `${ip}       ${name}` : `${name} has address ${ip}`, exitCode: 0 };
    }
    throw new ApiError(
      'DockerError',
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog ?? ''}": the sandbox runs env, printenv, hostname, getent hosts <name>, nslookup <name> and ping <name> inside containers`,
    );
  },
  Ps(sim, input) {
    return {
      containers: Object.values(host(sim).containers)
        .filter((c) => input.all === true || c.state === 'running' || c.state === 'restarting')
        .map((c) => describe(sim, c)),
    };
  },
  Logs(sim, input) {
    const c = findContainer(sim, input.container);
    return { lines: c.logs.map((l) => l.line) };
  },
  NetworkCreate(sim, input) {
    const name = String(input.name ?? '');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) throw daemonError(`invalid network name "${name}"`);
    if (own(host(sim).networks, name)) throw daemonError(`network with name ${name} already exists`);
    setOwn(host(sim).networks, name, { name });
    return { name };
  },
  /** A request from the host to a published port: what `curl http://localhost:8080/path` would get. */
  Curl(sim, input) {
    const m = /^(?:http:\/\/)?(localhost|127\.0\.0\.1)(?::(\d+))?(\/.*)?$/.exec(String(input.url ?? ''));
    if (!m)
      throw new ApiError(
        'CurlError',
        `curl: (6) Could not resolve host: ${
          String(input.url ?? '')
            .replace(/^https?:\/\//, '')
            .split(/[:/]/)[0]!
        }`,
      );
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
    sim.emit('ProcessStarted', say('ProcessStarted.listens', { name, pid: proc.pid, port }), { process: name, port });
    return { name, pid: proc.pid, port };
  },
  ProcessStop(sim, input) {
    const p = own(host(sim).processes, String(input.name ?? ''));
    if (!p) throw new ApiError('DockerError', `no process ${String(input.name)}`);
    if (p.state === 'running') {
      p.state = 'exited';
      p.exitCode = 0;
      sim.emit('ProcessExited', say('ProcessExited.stopped', { name: p.name, pid: p.pid }), { process: p.name });
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
    sim.emit('ProcessRestarted', say('ProcessRestarted.restarted', { name: p.name, pid: out.pid }), { process: p.name });
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
    return {
      processes: Object.values(host(sim).processes).map((p) => ({ name: p.name, pid: p.pid, port: p.port, state: p.state, ...(p.exitCode !== undefined && p.state === 'exited' ? { exitCode: p.exitCode } : {}), restarts: p.restarts })),
    };
  },
  /** What the steady traffic to a port got: totals, the last `seconds` (default 30), and failures by reason. */
  TrafficStats(sim, input) {
    const t = host(sim).traffic[String(Number(input.port))];
    if (!t) throw new ApiError('DockerError', `no traffic was sent to port ${String(input.port)}`);
    const window = Number(input.seconds ?? 30);
    const recent = t.seconds.filter((x) => x.t > sim.now - window * 1000);
    return {
      port: t.port,
      path: t.path,
      requestsPerSecond: t.requestsPerSecond,
      total: t.totals,
      window: { seconds: window, ok: recent.reduce((a, x) => a + x.ok, 0), failed: recent.reduce((a, x) => a + x.failed, 0) },
      failuresByReason: t.reasons,
    };
  },
  ...COMPOSE_OPERATIONS,
};
