import { ApiError } from '../core/errors';
import { own, setOwn } from '../core/own';
import type { SimContext } from '../model/context';
import { daemonError, withTag, type DockerContainer, type DockerHealthcheck, type DockerHost, type DockerImage } from '../model/docker';
import { pullImage, type Pulled } from './dockerRegistry';
import { dockerHealthcheck } from './dockerChecks';

/** The local Docker host's images and containers as `docker run` and Compose make them, and a container as `docker ps` lists it. */

export function host(sim: SimContext): DockerHost {
  return sim.world.docker;
}

/** An image on the host under a name; its ID is the digest of its content (its config), as Docker's is. */
export function addImage(sim: SimContext, ref: string, parts: Omit<DockerImage, 'ref' | 'id' | 'createdMs'>, id: string): DockerImage {
  const img: DockerImage = { ref: withTag(ref), id, createdMs: sim.now, ...parts };
  setOwn(host(sim).images, img.ref, img);
  return img;
}

/** `docker pull`, or the implicit pull of `docker run` and of a build's FROM: the image, and what Docker printed pulling it. */
export function pull(sim: SimContext, ref: string): Pulled {
  return pullImage(sim, ref, (tagged, parts, id) => addImage(sim, tagged, parts, id));
}

export interface RunInput {
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

export function create(sim: SimContext, input: RunInput): { c: DockerContainer; pulled: string[] } {
  const h = host(sim);
  if (typeof input.image !== 'string' || input.image === '') throw new ApiError('DockerError', '"docker run" requires at least 1 argument: the image');
  if (input.ports !== undefined && (!Array.isArray(input.ports) || input.ports.some((x) => typeof x !== 'string'))) throw new ApiError('DockerError', 'ports is a list of "hostPort:containerPort" strings');
  if (input.env !== undefined && (typeof input.env !== 'object' || input.env === null || Array.isArray(input.env) || Object.values(input.env).some((x) => typeof x !== 'string'))) {
    throw new ApiError('DockerError', 'env is a map of variable names to string values');
  }
  if (input.name !== undefined && (typeof input.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(input.name)))
    throw new ApiError('DockerError', `Invalid container name (${String(input.name)}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const { image: img, lines: pulled } = pull(sim, input.image);
  const id = sim.hex(64);
  const order = h.nextId;
  const name = input.name ?? `${['brave', 'calm', 'eager', 'keen', 'quiet', 'swift'][h.nextId % 6]!}_${['turing', 'hopper', 'lovelace', 'knuth', 'ritchie', 'liskov'][Math.floor(h.nextId / 6) % 6]!}${h.nextId > 35 ? h.nextId : ''}`;
  h.nextId++;
  const taken = Object.values(h.containers).find((c) => c.name === name);
  if (taken)
    throw new ApiError('DockerError', `docker: Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  const network = input.network ?? 'bridge';
  if (!own(h.networks, network)) throw daemonError(`network ${network} not found`);
  const restart = input.restart ?? 'no';
  if (!['no', 'always', 'on-failure', 'unless-stopped'].includes(restart)) throw new ApiError('DockerError', `invalid restart policy '${String(restart)}'`);
  const c: DockerContainer = {
    id,
    name,
    image: img.ref,
    state: 'created',
    ports: (input.ports ?? []).map(parsePublish),
    env: { ...img.env, ...(input.env ?? {}) },
    network,
    aliases: input.aliases ?? [],
    restart,
    restartCount: 0,
    stoppedByUser: false,
    createdMs: sim.now,
    failingStreak: 0,
    logs: [],
    gen: 0,
    order,
    ...(input.healthcheck ? { healthcheck: dockerHealthcheck(input.healthcheck) } : {}),
    ...(input.project ? { project: input.project, service: input.service! } : {}),
  };
  h.containers[id] = c;
  return { c, pulled };
}

export function describe(sim: SimContext, c: DockerContainer) {
  const age = (ms: number | undefined) => (ms === undefined ? undefined : Math.round((sim.now - ms) / 1000));
  const status =
    c.state === 'running'
      ? `Up ${age(c.startedMs)!} seconds${c.health ? ` (${c.health === 'starting' ? 'health: starting' : c.health})` : ''}`
      : c.state === 'exited'
        ? `Exited (${c.exitCode ?? 0}) ${age(c.finishedMs)!} seconds ago`
        : c.state === 'restarting'
          ? `Restarting (${c.exitCode ?? 0})`
          : 'Created';
  return {
    ID: c.id.slice(0, 12),
    Names: c.name,
    Image: c.image,
    State: c.state,
    Status: status,
    ExitCode: c.exitCode ?? 0,
    Ports: c.ports.map((p) => `0.0.0.0:${p.host}->${p.container}/${p.protocol}`).join(', '),
    Networks: c.network,
    ...(c.health ? { Health: c.health } : {}),
    RestartCount: c.restartCount,
    ...(c.project ? { Project: c.project, Service: c.service } : {}),
  };
}
