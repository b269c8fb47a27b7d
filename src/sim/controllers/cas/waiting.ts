import type { SimContext } from '../../model/context';
import type { Task } from '../../model/types';

/** Tasks waiting in PROVISIONING for capacity-provider capacity, oldest first (of one provider when named). */
export function waitingTasks(sim: SimContext, clusterArn: string, provider?: string): Task[] {
  const out: Task[] = [];
  for (const a of sim.world.waiting) {
    const t = sim.world.tasks[a]!;
    if (t.waiting && t.desiredStatus === 'RUNNING' && t.clusterArn === clusterArn && (!provider || t.waiting.capacityProvider === provider)) out.push(t);
  }
  return out;
}

/** Daemon tasks count as nothing: an instance running only daemon tasks is empty (ecs-spec §7.4). */
export function isDaemonTask(sim: SimContext, t: Task): boolean {
  return t.serviceArn !== undefined && sim.world.services[t.serviceArn]?.schedulingStrategy === 'DAEMON';
}
