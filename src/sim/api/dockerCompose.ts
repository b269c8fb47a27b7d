import { ApiError } from '../core/errors';
import { sha256Hex } from '../core/sha256';
import { own } from '../core/own';
import type { SimContext } from '../model/context';
import { withTag, type ComposeWaiting, type DockerContainer } from '../model/docker';
import { pullProblem } from './dockerRegistry';
import { composeProgress, exited } from '../controllers/docker';
import { localImageBehavior } from '../queries/docker';
import type { Operation } from './operation';
import { create, describe, host, type RunInput } from './dockerContainers';

/**
 * Compose projects on the local Docker host (`docker.Compose…`): `up` goes through a project's services in
 * dependency order, creates their containers on its network, recreates those whose configuration or image
 * changed since they were created (stopping first the running dependents that declare `restart: true` on
 * it, which start again after it), leaves the others as they are and starts each once its dependencies'
 * conditions hold; `down` stops and removes them in reverse dependency order; `ps` lists them.
 * [DOC: docs.docker.com/compose/how-tos/startup-order, compose file reference services.depends_on]
 */

type ComposeService = RunInput & {
  name: string;
  dependsOn?: ComposeWaiting['dependsOn'];
  /** The dependencies whose recreation restarts this service (depends_on's long form `restart: true`). */
  restartWith?: string[];
};

/**
 * What `up` did to a service's container: created, recreated, kept running, or kept as it was (stopped); or
 * stopped because a dependency it restarts with is about to be recreated.
 */
type Converged = 'Created' | 'Recreated' | 'Running' | 'Kept' | 'Stopped';

/**
 * Services in dependency order, as Compose visits them: each after every service it depends on (a dependency
 * outside the list is no constraint); among those whose dependencies are all placed, the first in the given
 * order. A cycle leaves the rest in the given order.
 */
export function dependencyOrder<T extends { name: string; dependsOn?: Record<string, unknown> | string[] }>(services: T[]): T[] {
  const names = new Set(services.map((s) => s.name));
  const deps = (s: T) => (Array.isArray(s.dependsOn) ? s.dependsOn : Object.keys(s.dependsOn ?? {})).filter((d) => names.has(d) && d !== s.name);
  const placed = new Set<string>();
  const left = [...services];
  const out: T[] = [];
  while (left.length) {
    const i = left.findIndex((s) => deps(s).every((d) => placed.has(d)));
    const [s] = left.splice(Math.max(0, i), 1);
    placed.add(s!.name);
    out.push(s!);
  }
  return out;
}

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
    for (const d of s.restartWith ?? []) {
      if (!Object.hasOwn(s.dependsOn ?? {}, d)) throw new ApiError('DockerError', `service "${s.name}": restartWith names "${d}", which is not in its dependsOn`);
    }
  }
}

interface Step {
  name: string;
  action: Converged;
  queued?: string;
}

/**
 * Before a dependency is recreated Compose stops the running containers of the services that restart with it;
 * they are started again once it is (the stop completes within the call, as Compose waits for it).
 */
function stopDependents(sim: SimContext, project: string, all: ComposeService[], dep: string): Step[] {
  const h = host(sim);
  const steps: Step[] = [];
  for (const s of all) {
    if (!s.restartWith?.includes(dep)) continue;
    const c = Object.values(h.containers).find((x) => x.project === project && x.service === s.name);
    if (!c || (c.state !== 'running' && c.state !== 'restarting')) continue;
    c.stoppedByUser = true;
    const kill = localImageBehavior(sim, c.image).ignoresSigterm === true;
    exited(sim, c, kill ? 137 : 0, kill ? 'killed after the stop timeout (SIGKILL)' : 'stopped (SIGTERM)', false);
    steps.push({ name: c.name, action: 'Stopped' });
  }
  return steps;
}

/** One service's container brought to its configuration: created, recreated, or kept; queued to start unless it runs. */
function converge(sim: SimContext, project: string, network: string, s: ComposeService, all: ComposeService[]): Step[] {
  const h = host(sim);
  const name = `${project}-${s.name}-1`;
  let c = Object.values(h.containers).find((x) => x.name === name);
  let action: Converged = 'Created';
  const steps: Step[] = [];
  if (c && c.project === project && c.configHash !== configHash(sim, s)) {
    steps.push(...stopDependents(sim, project, all, s.name));
    remove(sim, c);
    c = undefined;
    action = 'Recreated';
  }
  if (!c) {
    c = create(sim, { ...s, name, network, aliases: [s.name], project, service: s.name }).c;
    c.configHash = configHash(sim, s);
  } else action = c.state === 'running' || c.state === 'restarting' ? 'Running' : 'Kept';
  const deps = Object.keys(s.dependsOn ?? {});
  if (deps.length) c.dependsOn = deps;
  else delete c.dependsOn;
  if (c.state === 'running' || c.state === 'restarting' || h.waiting.some((w) => w.container === c!.id)) return [...steps, { name, action }];
  h.waiting.push({ project, service: s.name, container: c.id, dependsOn: s.dependsOn ?? {} });
  return [...steps, { name, action, queued: c.id }];
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
    const done = dependencyOrder(services).flatMap((s) => converge(sim, project, network, s, services));
    const from = sim.engine.log.length;
    composeProgress(sim);
    const queued = done.filter((d) => d.queued !== undefined);
    // In the order they started: each after the dependencies it waited for.
    const started = sim.engine.log
      .slice(from)
      .filter((e) => e.type === 'ContainerStarted' && queued.some((d) => d.name === e.container))
      .map((e) => String(e.container));
    const waiting = h.waiting.filter((w) => w.project === project && queued.some((d) => d.queued === w.container));
    // Compose prints "Waiting" for the health or exit it waits for; a started dependency is the order alone.
    const waitingFor = [
      ...new Set(
        waiting.flatMap((w) =>
          Object.entries(w.dependsOn)
            .filter(([, cond]) => cond !== 'service_started')
            .map(([svc]) => `${project}-${svc}-1`),
        ),
      ),
    ];
    return {
      network,
      networkCreated,
      containers: done.map(({ name, action }) => ({ name, action })),
      created: done.filter((d) => d.action === 'Created').map((d) => d.name),
      recreated: done.filter((d) => d.action === 'Recreated').map((d) => d.name),
      stopped: done.filter((d) => d.action === 'Stopped').map((d) => d.name),
      started,
      waitingFor,
    };
  },
  ComposeDown(sim, input) {
    const h = host(sim);
    const project = String(input.project ?? '');
    const removed: string[] = [];
    // Dependents before what they depend on, by each container's depends_on label; otherwise the newest first.
    const members = Object.values(h.containers)
      .filter((c) => c.project === project)
      .sort((a, b) => a.order - b.order)
      .map((c) => ({ name: c.service ?? c.name, dependsOn: c.dependsOn ?? [], c }));
    for (const { c } of dependencyOrder(members).reverse()) {
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
