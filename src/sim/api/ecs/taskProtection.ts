import { invalidParameter } from '../../core/errors';
import { MINUTE } from '../../core/time';
import type { SimContext } from '../../model/context';
import type { Cluster } from '../../model/types';
import { findTask } from '../../queries/lookups';
import { protectionExpiry } from '../../queries/protection';
import { requestPass } from '../../controllers/services';
import type { EcsOperations } from './operation';
import { say } from '../../model/narration';

/**
 * Task scale-in protection (ecs-spec §13.3; API:UpdateTaskProtection, API:GetTaskProtection): up to 10
 * tasks a call; protection lasts 2 hours unless expiresInMinutes (1 to 2,880) says otherwise, and each
 * call with protectionEnabled true starts the period again; only tasks of a service can be protected
 * (a standalone task is a TASK_NOT_VALID failure); a task that is not found is MISSING.
 */

const DEFAULT_MINUTES = 120;
const MAX_MINUTES = 2880;

function refs(tasks: string[], max: number): string[] {
  if (tasks.length < 1 || tasks.length > max) throw invalidParameter(`tasks must list between 1 and ${max} task IDs or ARNs.`);
  return tasks;
}

type Failure = { arn: string; reason: string; detail?: string };

/** The tasks the references name, and a failure for each one that is missing or not a service task. */
function resolve(sim: SimContext, cluster: Cluster, tasks: string[], max: number) {
  const found: { arn: string }[] = [];
  const failures: Failure[] = [];
  for (const r of refs(tasks, max)) {
    const t = findTask(sim, cluster, r);
    const arn = t?.taskArn ?? (r.startsWith('arn:') ? r : sim.arn(`task/${cluster.clusterName}/${r}`));
    if (!t || t.lastStatus === 'STOPPED') failures.push({ arn, reason: 'MISSING' });
    else if (!t.serviceArn) failures.push({ arn, reason: 'TASK_NOT_VALID', detail: 'The task is not part of an Amazon ECS service.' });
    else found.push({ arn });
  }
  return { found, failures };
}

function protectedTask(sim: SimContext, arn: string) {
  const until = protectionExpiry(sim.world, arn, sim.now);
  return until === undefined ? { taskArn: arn, protectionEnabled: false } : { taskArn: arn, protectionEnabled: true, expirationDate: sim.ts(until) };
}

export const TASK_PROTECTION_OPERATIONS = {
  UpdateTaskProtection(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const minutes = input.expiresInMinutes;
    if (minutes !== undefined && (minutes < 1 || minutes > MAX_MINUTES)) {
      // [INF] wording: the range is AWS's.
      throw invalidParameter(`expiresInMinutes must be between 1 and ${MAX_MINUTES} minutes.`);
    }
    const { found, failures } = resolve(sim, cluster, input.tasks, 10);
    for (const { arn } of found) {
      const t = sim.world.tasks[arn]!;
      if (input.protectionEnabled) t.protectedUntilMs = sim.now + (minutes ?? DEFAULT_MINUTES) * MINUTE;
      else delete t.protectedUntilMs;
      t.version++;
      // The scheduler looks again: a task no longer protected may be the one scale-in or a deployment stops.
      const svc = sim.world.services[t.serviceArn!];
      if (svc && !input.protectionEnabled) requestPass(sim, svc);
    }
    if (found.length) {
      sim.emit('TaskProtectionChanged', input.protectionEnabled ? say('TaskProtectionChanged.on', { count: found.length, minutes: minutes ?? DEFAULT_MINUTES }) : say('TaskProtectionChanged.off', { count: found.length }), {
        taskArns: found.map((f) => f.arn),
        protectionEnabled: input.protectionEnabled,
      });
    }
    return { protectedTasks: found.map((f) => protectedTask(sim, f.arn)), failures };
  },

  GetTaskProtection(sim, input) {
    const cluster = sim.cluster(input.cluster);
    // [INF] without tasks: every service task of the cluster that is not stopped.
    const all = () =>
      sim.world.taskOrder.filter((a) => {
        const t = sim.world.tasks[a]!;
        return t.clusterArn === cluster.clusterArn && t.serviceArn && t.lastStatus !== 'STOPPED';
      });
    const named = input.tasks ?? all();
    if (named.length === 0) return { protectedTasks: [], failures: [] };
    const { found, failures } = resolve(sim, cluster, named, 100);
    return { protectedTasks: found.map((f) => protectedTask(sim, f.arn)), failures };
  },
} satisfies EcsOperations;
