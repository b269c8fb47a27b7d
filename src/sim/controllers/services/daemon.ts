import type { SimContext } from '../../model/context';
import type { ContainerInstance, Service, Task, TaskDefinition } from '../../model/types';
import { placeOnInstances } from '../../placement/place';
import { deploymentTaskDefinition } from '../../queries/taskDefinitions';
import { serviceEvent, taskIds, unableToPlaceMessage } from './events';
import { launch } from './launch';
import { stopMany } from './scaleIn';
import { failingHealth, graceEndMs } from './health';
import { unhealthyTarget } from '../../queries/targets';

/** One pass of a DAEMON service: one task on every ACTIVE instance whose attributes satisfy its constraints. */
export function daemonPass(sim: SimContext, svc: Service, ts: Task[]): void {
  const w = sim.world;
  const primary = svc.deployments[0]!;
  const cluster = w.clusters[svc.clusterArn]!;
  const td = deploymentTaskDefinition(sim, primary)!;
  const active = ts.filter((t) => t.desiredStatus === 'RUNNING');
  const toStop: Task[] = [];
  const started: Task[] = [];
  const unhealthy: Task[] = [];
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
    // A task failing its health checks once its grace period is over is stopped; with one task an instance,
    // the next pass starts its replacement there (a daemon stops first, as maximumPercent 100 has it).
    unhealthy.push(...current.slice(0, 1).filter((t) => sim.now >= graceEndMs(svc, t) && failingHealth(sim, t)));
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
  stopMany(sim, svc, unhealthy, (t) => {
    const bad = unhealthyTarget(sim, t);
    return bad ? `Task failed ELB health checks in (target-group ${bad.tg.TargetGroupArn})` : 'Task failed container health checks';
  });
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
