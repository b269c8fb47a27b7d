import { invalidParameter, serviceNotFound } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { Cluster, Task, TaskDefinition } from '../../model/types';
import { splitStrategy } from '../../queries/capacity';
import { describeTask } from '../../queries/describeTask';
import { launchTypeOf } from '../../queries/describeTask';
import { activeInstanceCount, findContainerInstance, findService, findTask, visibleTask } from '../../queries/lookups';
import { requirementsOf } from '../../queries/taskDefinitions';
import { placeOnFargate, placeOnInstances } from '../../placement/place';
import { recordTrace } from '../../placement/traces';
import { createTask, stopTask, type CreateTaskOptions } from '../../controllers/tasks';
import type { EcsOperations } from './operation';
import { checkTags } from './tags';
import { ecsPage } from './paging';
import { checkLaunch, platformVersionFor, taskDefinitionForLaunch, type Launch } from './launch';
import { checkOverrides, ebsVolumesFor } from './taskOptions';

/** One RunTask request on its way: what it launches and what came of each task. */
interface Run {
  cluster: Cluster;
  td: TaskDefinition;
  launch: Launch;
  count: number;
  common: Pick<CreateTaskOptions, 'clusterArn' | 'td' | 'group' | 'overrides' | 'startedBy' | 'tags' | 'enableExecuteCommand' | 'ephemeralStorageGiB'>;
  /** The volume configurations of the request: each task gets EBS volumes of its own. */
  volumeConfigurations: Parameters<typeof ebsVolumesFor>[2];
  tasks: Task[];
  failures: { arn?: string; reason: string; detail?: string }[];
}

/** The providers a run's count splits over (§7.1); without a strategy, one unnamed provider takes them all. */
function split(run: Run): { item: { capacityProvider: string }; n: number }[] {
  const strategy = run.launch.capacity.strategy;
  if (!strategy) return [{ item: { capacityProvider: '' }, n: run.count }];
  const counts = splitStrategy(strategy, run.count);
  return strategy.map((item, i) => ({ item, n: counts[i]! }));
}

/** RunTask on Fargate: each task spreads over the AZs of its subnets; FARGATE_SPOT may have no capacity. */
function runOnFargate(sim: SimContext, run: Run, platformVersion: string): void {
  const w = sim.world;
  const { td, launch } = run;
  for (const { item, n } of split(run)) {
    for (let i = 0; i < n; i++) {
      const traceId = w.nextTraceId++;
      const spot = item.capacityProvider === 'FARGATE_SPOT';
      const r = placeOnFargate(w, run.common.group, launch.net!.awsvpcConfiguration.subnets, traceId, sim.now, spot);
      recordTrace(w, r.trace);
      if (!r.subnetId) {
        run.failures.push({ reason: r.trace.failure!.reason, detail: r.trace.failure!.detail });
        continue;
      }
      run.tasks.push(
        createTask(sim, {
          ...run.common,
          launchType: 'FARGATE',
          subnetId: r.subnetId,
          platformVersion,
          traceId,
          req: requirementsOf(td, 'FARGATE'),
          ebsVolumes: ebsVolumesFor(sim, td, run.volumeConfigurations),
          ...(item.capacityProvider ? { capacityProviderName: item.capacityProvider } : {}),
        }),
      );
    }
  }
}

/**
 * RunTask on EC2: each task is placed on the cluster's instances (those of its capacity provider,
 * if a strategy names one); with managed scaling a task that fits nowhere waits in PROVISIONING.
 */
function runOnInstances(sim: SimContext, run: Run): void {
  const w = sim.world;
  const { cluster, td, launch } = run;
  if (!launch.capacity.strategy && activeInstanceCount(sim, cluster) === 0) throw invalidParameter('No Container Instances were found in your cluster.');
  const req = requirementsOf(td, 'EC2');
  const subnets = launch.net?.awsvpcConfiguration.subnets;
  const zones = td.networkMode === 'awsvpc' ? new Set(subnets!.map((s) => w.subnets[s]!.availabilityZone)) : undefined;
  const constraints = [...(td.placementConstraints ?? []), ...launch.constraints];
  const strategies = launch.strategies;
  for (const { item, n } of split(run)) {
    const cp = item.capacityProvider ? w.capacityProviders[item.capacityProvider] : undefined;
    for (let i = 0; i < n; i++) {
      const traceId = w.nextTraceId++;
      const r = placeOnInstances(
        w,
        {
          clusterArn: cluster.clusterArn,
          group: run.common.group,
          req,
          constraints,
          strategies,
          defaultMode: 'random',
          ...(zones ? { zones } : {}),
          ...(cp ? { capacityProvider: cp.name } : {}),
        },
        sim.engine.rng.stream('placement'),
        traceId,
        sim.now,
      );
      recordTrace(w, r.trace);
      if (!r.instance) {
        if (cp?.managedScaling.status === 'ENABLED') {
          // With managed scaling the task waits in PROVISIONING while cluster auto scaling adds capacity (§7.6).
          run.tasks.push(
            createTask(sim, {
              ...run.common,
              launchType: 'EC2',
              traceId,
              req,
              capacityProviderName: cp.name,
              ebsVolumes: ebsVolumesFor(sim, td, run.volumeConfigurations),
              waiting: { capacityProvider: cp.name, constraints, strategies, defaultMode: 'random', ...(subnets ? { subnets } : {}) },
            }),
          );
          continue;
        }
        const f = r.trace.failure!;
        run.failures.push({ ...(f.arn ? { arn: f.arn } : {}), reason: f.reason });
        continue;
      }
      const subnetId = zones ? subnets!.find((s) => w.subnets[s]!.availabilityZone === r.instance!.availabilityZone) : undefined;
      run.tasks.push(
        createTask(sim, {
          ...run.common,
          launchType: 'EC2',
          instance: r.instance,
          traceId,
          req,
          ebsVolumes: ebsVolumesFor(sim, td, run.volumeConfigurations),
          ...(cp ? { capacityProviderName: cp.name } : {}),
          ...(subnetId ? { subnetId } : {}),
        }),
      );
    }
  }
}

/** Standalone tasks: run (placed by ECS), start (on named instances), stop, describe, list. */
export const TASK_OPERATIONS = {
  RunTask(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const td = taskDefinitionForLaunch(sim, input.taskDefinition, 'RunTask');
    const count = input.count ?? 1;
    if (count < 1 || count > 10) throw invalidParameter('Count must be between 1 and 10.');
    const launch = checkLaunch(sim, cluster, td, input);
    const group = input.group ?? `family:${td.family}`;
    if (group.length > 255) throw invalidParameter('The task group can have at most 255 characters.');
    checkOverrides(td, input.overrides);
    // Checked before any task starts: a refused configuration launches nothing.
    ebsVolumesFor(sim, td, input.volumeConfigurations);
    const run: Run = {
      cluster,
      td,
      launch,
      count,
      tasks: [],
      failures: [],
      volumeConfigurations: input.volumeConfigurations,
      common: {
        clusterArn: cluster.clusterArn,
        td,
        group,
        overrides: input.overrides ?? { containerOverrides: [] },
        ...(input.startedBy ? { startedBy: input.startedBy } : {}),
        tags: checkTags(input.tags ?? []),
        ...(input.enableExecuteCommand ? { enableExecuteCommand: true } : {}),
        ...(input.overrides?.ephemeralStorage ? { ephemeralStorageGiB: input.overrides.ephemeralStorage.sizeInGiB } : {}),
      },
    };
    if (launch.launchType === 'FARGATE') runOnFargate(sim, run, platformVersionFor(td, input.platformVersion));
    else runOnInstances(sim, run);
    return { tasks: run.tasks.map((t) => describeTask(sim, t)), failures: run.failures.map(({ arn, reason }) => (arn ? { arn, reason } : { reason })) };
  },

  StartTask(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const td = taskDefinitionForLaunch(sim, input.taskDefinition, 'RunTask');
    const refs = input.containerInstances;
    if (refs.length < 1 || refs.length > 10) throw invalidParameter('containerInstances must name between 1 and 10 container instances.');
    const net = checkLaunch(sim, cluster, td, { networkConfiguration: input.networkConfiguration }, { launchType: 'EC2' }).net;
    const group = input.group ?? `family:${td.family}`;
    checkOverrides(td, input.overrides);
    ebsVolumesFor(sim, td, input.volumeConfigurations);
    const tags = checkTags(input.tags ?? []);
    const req = requirementsOf(td, 'EC2');
    const tasks: Task[] = [];
    const failures: { arn: string; reason: string }[] = [];
    for (const ref of refs) {
      const ci = findContainerInstance(sim, cluster.clusterArn, ref);
      if (!ci || ci.status === 'INACTIVE') {
        failures.push({ arn: ref, reason: ci ? 'INACTIVE' : 'MISSING' });
        continue;
      }
      const traceId = sim.world.nextTraceId++;
      const r = placeOnInstances(
        sim.world,
        {
          clusterArn: cluster.clusterArn,
          group,
          req,
          constraints: [...(td.placementConstraints ?? [])],
          strategies: [],
          defaultMode: 'random',
          only: [ci.containerInstanceArn],
        },
        sim.engine.rng.stream('placement'),
        traceId,
        sim.now,
      );
      r.trace.note = 'StartTask: custom scheduling onto the named container instance; constraints are checked, no strategy applies.';
      r.trace.noteForm = 'startTask';
      recordTrace(sim.world, r.trace);
      if (!r.instance) {
        failures.push({ arn: ci.containerInstanceArn, reason: r.trace.failure!.reason });
        continue;
      }
      const subnetId = net ? net.awsvpcConfiguration.subnets.find((s) => sim.world.subnets[s]!.availabilityZone === ci.availabilityZone) : undefined;
      tasks.push(
        createTask(sim, {
          clusterArn: cluster.clusterArn,
          td,
          group,
          launchType: 'EC2',
          instance: ci,
          traceId,
          req,
          overrides: input.overrides ?? { containerOverrides: [] },
          tags,
          ebsVolumes: ebsVolumesFor(sim, td, input.volumeConfigurations),
          ...(input.enableExecuteCommand ? { enableExecuteCommand: true } : {}),
          ...(input.startedBy ? { startedBy: input.startedBy } : {}),
          ...(subnetId ? { subnetId } : {}),
        }),
      );
    }
    return { tasks: tasks.map((t) => describeTask(sim, t)), failures };
  },

  StopTask(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const t = findTask(sim, cluster, input.task);
    if (!t) throw invalidParameter('The referenced task was not found.');
    const reason = input.reason ?? 'Task stopped by user';
    if (reason.length > 255) throw invalidParameter('The reason can have at most 255 characters.');
    stopTask(sim, t, 'UserInitiated', reason);
    return { task: describeTask(sim, t) };
  },

  DescribeTasks(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const tasks: unknown[] = [];
    const failures: unknown[] = [];
    const refs = input.tasks;
    if (refs.length > 100) throw invalidParameter('At most 100 tasks can be described at once.');
    for (const r of refs) {
      const t = findTask(sim, cluster, r);
      if (t && visibleTask(sim, t)) tasks.push(describeTask(sim, t));
      else failures.push({ arn: r.startsWith('arn:') ? r : sim.arn(`task/${cluster.clusterName}/${r}`), reason: 'MISSING' });
    }
    return { tasks, failures };
  },

  ListTasks(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const desired = input.desiredStatus ?? 'RUNNING';
    const family = input.family;
    const svcName = input.serviceName;
    const ciRef = input.containerInstance;
    const ci = ciRef ? findContainerInstance(sim, cluster.clusterArn, ciRef) : undefined;
    if (ciRef && !ci) throw invalidParameter('The specified container instance does not exist.');
    let svcArn: string | undefined;
    if (svcName) {
      const s = findService(sim, cluster, svcName);
      if (!s) throw serviceNotFound();
      svcArn = s.serviceArn;
    }
    const out: string[] = [];
    for (const a of sim.world.taskOrder) {
      const t = sim.world.tasks[a]!;
      if (t.clusterArn !== cluster.clusterArn || t.desiredStatus !== desired || !visibleTask(sim, t)) continue;
      if (family && t.family !== family) continue;
      if (svcArn && t.serviceArn !== svcArn) continue;
      if (ci && t.containerInstanceArn !== ci.containerInstanceArn) continue;
      if (input.startedBy && t.startedBy !== input.startedBy) continue;
      if (input.launchType && launchTypeOf(sim, t) !== input.launchType) continue;
      out.push(a);
    }
    return ecsPage(out, input, 'taskArns');
  },
} satisfies EcsOperations;
