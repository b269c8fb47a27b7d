import { ApiError } from '../core/errors';
import { sha256Hex } from '../core/sha256';
import { own } from '../core/own';
import type { SimContext } from '../model/context';
import { withTag, type ComposeWaiting, type DockerContainer } from '../model/docker';
import { pullProblem } from './dockerRegistry';
import { composeProgress } from '../controllers/docker';
import type { Operation } from './operation';
import { create, describe, host, type RunInput } from './dockerContainers';

/**
 * Compose projects on the local Docker host (`docker.Compose…`): `up` creates a project's containers on its
 * network, recreates those whose configuration or image changed since they were created, leaves the others
 * as they are and starts each once its dependencies' conditions hold; `down` removes them; `ps` lists them.
 */

type ComposeService = RunInput & { name: string; dependsOn?: ComposeWaiting['dependsOn'] };

/** What `up` did to a service's container before starting it: created, recreated, kept running, or kept as it was (stopped). */
type Converged = 'Created' | 'Recreated' | 'Running' | 'Kept';

/**
 * The digest of what a service's container is made from, as Compose labels a container with its service's
 * configuration hash and image: the image's ID, environment, published ports, restart policy and health check.
 * `depends_on` is not part of it, as it is not of Compose's.
 */
function configHash(sim: SimContext, s: ComposeService): string {
  const env = Object.fromEntries(Object.entries(s.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const imageId = own(host(sim).images, withTag(s.image))?.id ?? '';
  return sha256Hex(JSON.stringify({ image: s.image, imageId, env, ports: s.ports ?? [], restart: s.restart ?? 'no', healthcheck: s.healthcheck ?? null }));
}

/** Removes a container at once (Compose stops and removes the one it replaces); events of its runs are dropped. */
function remove(sim: SimContext, c: DockerContainer): void {
  const h = host(sim);
  c.gen++;
  delete h.containers[c.id];
  h.waiting = h.waiting.filter((w) => w.container !== c.id);
}

function checkProject(project: string, services: ComposeService[] | undefined): asserts services is ComposeService[] {
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
}

/** One service's container brought to its configuration: created, recreated, or kept; queued to start unless it runs. */
function converge(sim: SimContext, project: string, network: string, s: ComposeService): { name: string; action: Converged; queued?: string } {
  const h = host(sim);
  const name = `${project}-${s.name}-1`;
  let c = Object.values(h.containers).find((x) => x.name === name);
  let action: Converged = 'Created';
  if (c && c.project === project && c.configHash !== configHash(sim, s)) {
    remove(sim, c);
    c = undefined;
    action = 'Recreated';
  }
  if (!c) {
    c = create(sim, { ...s, name, network, aliases: [s.name], project, service: s.name }).c;
    c.configHash = configHash(sim, s);
  } else action = c.state === 'running' || c.state === 'restarting' ? 'Running' : 'Kept';
  if (c.state === 'running' || c.state === 'restarting' || h.waiting.some((w) => w.container === c!.id)) return { name, action };
  h.waiting.push({ project, service: s.name, container: c.id, dependsOn: s.dependsOn ?? {} });
  return { name, action, queued: c.id };
}

export const COMPOSE_OPERATIONS: Record<string, Operation> = {
  /**
   * Takes a parsed Compose project (the formats layer reads the file): services with image, ports, environment,
   * depends_on, healthcheck, restart. Answers what happened to each container (`containers`, with Compose's
   * word for it), which started now, and the dependencies the others wait for.
   */
  ComposeUp(sim, input) {
    const h = host(sim);
    const project = String(input.project ?? '');
    const services = input.services as ComposeService[] | undefined;
    checkProject(project, services);
    // Compose pulls every missing image before it creates a container: one that cannot be pulled stops it all.
    for (const s of services) {
      const problem = pullProblem(sim, s.image);
      if (problem) throw new ApiError(problem.code, `${s.name} ${problem.message}`);
    }
    const network = `${project}_default`;
    const networkCreated = !h.networks[network];
    if (networkCreated) h.networks[network] = { name: network, project };
    const done = services.map((s) => converge(sim, project, network, s));
    const from = sim.engine.log.length;
    composeProgress(sim);
    const queued = done.filter((d) => d.queued !== undefined);
    // In the order they started: each after the dependencies it waited for.
    const started = sim.engine.log
      .slice(from)
      .filter((e) => e.type === 'ContainerStarted' && queued.some((d) => d.name === e.container))
      .map((e) => String(e.container));
    const waiting = h.waiting.filter((w) => w.project === project && queued.some((d) => d.queued === w.container));
    const waitingFor = [...new Set(waiting.flatMap((w) => Object.keys(w.dependsOn).map((svc) => `${project}-${svc}-1`)))];
    return {
      network,
      networkCreated,
      containers: done.map(({ name, action }) => ({ name, action })),
      created: done.filter((d) => d.action === 'Created').map((d) => d.name),
      recreated: done.filter((d) => d.action === 'Recreated').map((d) => d.name),
      started,
      waitingFor,
    };
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
  /** `docker compose ps`: the project's running containers; with `all`, the stopped ones too (as `--all` shows them). */
  ComposePs(sim, input) {
    return {
      containers: Object.values(host(sim).containers)
        .filter((c) => c.project === input.project && (input.all === true || c.state === 'running' || c.state === 'restarting'))
        .map((c) => describe(sim, c)),
    };
  },
};
