import { ApiError } from '../core/errors';

/**
 * The local Docker host of the first lessons, as plain data: images, the registries it pushed to and logged in to,
 * containers, networks, Compose containers waiting for their dependencies, bare processes and the
 * steady traffic sent to published ports.
 */

export interface DockerImage {
  ref: string;
  id: string;
  /** Built here (not pulled): no registry has it until it is pushed. */
  built: boolean;
  exposed: number[];
  cmd: string[];
  env: Record<string, string>;
  createdMs: number;
}

export interface DockerHealthcheck {
  test: string[];
  intervalSeconds?: number;
  timeoutSeconds?: number;
  retries?: number;
  startPeriodSeconds?: number;
}

export interface DockerContainer {
  id: string;
  name: string;
  image: string;
  state: 'created' | 'running' | 'restarting' | 'exited';
  exitCode?: number;
  ports: { host: number; container: number; protocol: 'tcp' | 'udp' }[];
  env: Record<string, string>;
  network: string;
  aliases: string[];
  restart: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  restartCount: number;
  stoppedByUser: boolean;
  createdMs: number;
  startedMs?: number;
  finishedMs?: number;
  readyMs?: number;
  health?: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  healthcheck?: DockerHealthcheck;
  logs: { t: number; line: string }[];
  project?: string;
  service?: string;
  /** A Compose container: the digest of its service's configuration and image when it was created (Compose's config-hash label). */
  configHash?: string;
  /** A Compose container: the services its service depends on (Compose's depends_on label), which `down` stops it before. */
  dependsOn?: string[];
  /** Bumped at every start and stop so that events of an earlier run are ignored. */
  gen: number;
  /** Creation order on the host. */
  order: number;
  /** `docker restart`: start again once the stop completes. */
  restartRequested?: boolean;
}

export interface ComposeWaiting {
  project: string;
  service: string;
  container: string;
  dependsOn: Record<string, 'service_started' | 'service_healthy' | 'service_completed_successfully'>;
}

/** A bare process on the host (the monolith before containers): it listens on a host port itself. */
export interface HostProcess {
  name: string;
  /** Whose behaviour (routes) it has: an image name in the scenario's `images`. */
  image: string;
  port: number;
  state: 'running' | 'exited';
  pid: number;
  startedMs: number;
  exitCode?: number;
  restarts: number;
  /** A bug waiting for its request: the next request to this path crashes the process. */
  poison?: string;
}

export interface DockerHost {
  /** Bare processes listening on host ports, by name. */
  processes: Record<string, HostProcess>;
  images: Record<string, DockerImage>;
  /** The references pushed to a registry from this host. */
  registry: string[];
  /** `docker login`: the registries this host holds credentials for, by host (absent until the first login). */
  logins?: Record<string, { username: string; expiresAtMs: number }>;
  containers: Record<string, DockerContainer>;
  networks: Record<string, { name: string; project?: string }>;
  waiting: ComposeWaiting[];
  nextId: number;
  /** Steady traffic to published ports, keyed by host port. */
  traffic: Record<string, LocalTraffic>;
}

export interface LocalTraffic {
  port: number;
  path: string;
  /** Mixed traffic: each second's requests are shared between these paths in turn. */
  paths: string[];
  requestsPerSecond: number;
  /** The last two minutes, one entry a second. */
  seconds: { t: number; ok: number; failed: number }[];
  totals: { ok: number; failed: number };
  reasons: Record<string, number>;
  /** The fraction of a request a fractional rate has not sent yet. */
  carry: number;
  lastReason?: string;
  gen: number;
}

export function newDockerHost(): DockerHost {
  return { processes: {}, images: {}, registry: [], containers: {}, networks: { bridge: { name: 'bridge' } }, waiting: [], nextId: 1, traffic: {} };
}

/** An image reference with its tag: "nginx" is "nginx:latest". */
export const withTag = (ref: string) => (/:[^/]+$/.test(ref) ? ref : `${ref}:latest`);

/** An error as the Docker daemon answers it. */
export const daemonError = (message: string) => new ApiError('DockerError', `Error response from daemon: ${message}`);
