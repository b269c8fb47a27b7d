import type { SimContext } from '../../model/context';
import type { ContainerInstance, Service, Task, TaskDefinition } from '../../model/types';
import { placeOnInstances } from '../../placement/place';
import { deploymentTaskDefinition } from '../../queries/taskDefinitions';
import { serviceEvent, taskIds, unableToPlaceMessage } from './events';
import { launch } from './launch';
import { stopMany } from './scaleIn';

/** One pass of a DAEMON service: one task on every ACTIVE instance whose attributes satisfy its constraints. */
export function daemonPass(sim: SimContext, svc: Service, ts: Task[]): void {
  const w = sim.world;
  const primary = svc.deployments[0]!;
  const cluster = w.clusters[svc.clusterArn]!;
  const td = deploymentTaskDefinition(sim, primary)!;
  const active = ts.filter((t) => t.desiredStatus === 'RUNNING');
  const toStop: Task[] = [];
  const started: Task[] = [];
  let eligible = 0;
  for (const ciArn of cluster.instanceArns) {
    const ci = w.containerInstances[ciArn]!;
    const here = active.filter((t) => t.containerInstanceArn === ciArn);
    if (ci.status !== 'ACTIVE') {
      toStop.push(...here);
      continue;
    }
    // Does the instance satisfy the constraints (resources aside)?
    const constraintsOk = satisfiesConstraints(sim, svc, td, ci);
    if (!constraintsOk) {
      toStop.push(...here);
      continue;
    }
    eligible++;
    const current = here.filter((t) => t.deploymentId === primary.id);
    toStop.push(...here.filter((t) => t.deploymentId !== primary.id));
    if (current.length > 1) toStop.push(...current.slice(1));
    if (current.length === 0 && here.every((t) => t.deploymentId === primary.id) && ci.agentConnected) {
      if (sim.now < svc.throttledUntilMs) continue;
      const r = launch(sim, svc, primary, [ciArn]);
      if (r.task) {
        started.push(r.task);
        svc.taskArns.push(r.task.taskArn);
      } else {
        serviceEvent(sim, svc, unableToPlaceMessage(svc.serviceName, r.trace));
      }
    }
  }
  svc.desiredCount = eligible;
  if (started.length) serviceEvent(sim, svc, `(service ${svc.serviceName}) has started ${started.length} tasks: ${taskIds(started)}.`);
  stopMany(sim, svc, toStop, `Scaling activity initiated by (deployment ${primary.id})`);
}

function satisfiesConstraints(sim: SimContext, svc: Service, td: TaskDefinition, ci: ContainerInstance): boolean {
  const r = placeOnInstances(
    sim.world,
    {
      clusterArn: svc.clusterArn,
      group: `service:${svc.serviceName}`,
      req: { cpu: 0, memory: 0, gpu: 0, ports: [], portsUdp: [], dynamicPorts: 0, eni: 0, attributes: [] },
      constraints: [...(td.placementConstraints ?? []), ...svc.placementConstraints.filter((c) => c.type === 'memberOf')],
      strategies: [],
      defaultMode: 'service',
      only: [ci.containerInstanceArn],
    },
    sim.engine.rng.stream('daemon-check'),
    0,
    sim.now,
  );
  return r.instance !== undefined || r.trace.failure?.reason === 'AGENT';
}
