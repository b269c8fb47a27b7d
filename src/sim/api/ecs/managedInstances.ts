import { ApiError, invalidParameter } from '../../core/errors';
import { setOwn } from '../../core/own';
import { retireManagedInstances } from '../../controllers/asg';
import type { SimContext } from '../../model/context';
import type { CapacityProvider, InstanceRequirements, ManagedInstancesProvider, Tag } from '../../model/types';
import { typesMeeting } from '../../queries/capacity';
import { describeCapacityProvider } from '../../queries/describe';
import type * as Ecs from './inputs.generated';
import { say } from '../../model/narration';

/**
 * Amazon ECS Managed Instances capacity providers (ecs-spec §13.2, DG:ManagedInstances;
 * API:CreateManagedInstancesProviderConfiguration): an infrastructure role, an instance launch template
 * (instance profile, subnets and security groups, storage, instance requirements) and the cluster the
 * provider belongs to; ECS launches and retires the instances itself (controllers/managedInstances).
 * [INF] the wording of the refusals where AWS's is not documented.
 */

/** Whether two cluster references (names or ARNs) name the same cluster. */
export function sameCluster(sim: SimContext, a: string, b: string): boolean {
  const name = (r: string) => (r.startsWith('arn:') ? r.slice(r.lastIndexOf('/') + 1) : r);
  return name(a) === name(b) || sim.arn(`cluster/${name(a)}`) === sim.arn(`cluster/${name(b)}`);
}

function checkRange(what: string, r: { min?: number; max?: number } | undefined): void {
  if (r && r.min !== undefined && r.max !== undefined && r.min > r.max) throw invalidParameter(`Invalid instanceRequirements: ${what}.min must not be greater than ${what}.max.`);
}

/** The launch template's network and instance requirements, checked against the world and the catalogue. */
function checkLaunchTemplate(sim: SimContext, lt: Ecs.InstanceLaunchTemplate | Ecs.InstanceLaunchTemplateUpdate): void {
  const w = sim.world;
  for (const s of lt.networkConfiguration?.subnets ?? []) {
    if (!Object.hasOwn(w.subnets, s)) throw invalidParameter(`The subnet ID '${s}' does not exist.`);
  }
  const r = lt.instanceRequirements;
  if (!r) return;
  checkRange('vCpuCount', r.vCpuCount);
  checkRange('memoryMiB', r.memoryMiB);
  checkRange('memoryGiBPerVCpu', r.memoryGiBPerVCpu);
  checkRange('acceleratorCount', r.acceleratorCount);
  if (typesMeeting(r as InstanceRequirements).length === 0) {
    throw invalidParameter('No instance type the simulator knows meets the instance requirements. Widen the vCPU or memory ranges, or the allowed instance types.');
  }
}

function checkOptimization(o: Ecs.InfrastructureOptimization | undefined): void {
  const v = o?.scaleInAfter;
  if (v !== undefined && v !== null && v !== -1 && (v < 0 || v > 3600)) {
    throw invalidParameter('infrastructureOptimization.scaleInAfter must be -1 (no optimization) or between 0 and 3600 seconds.');
  }
}

/** CreateCapacityProvider with managedInstancesProvider: the provider, ACTIVE and available in its cluster. */
export function createManagedInstancesProvider(sim: SimContext, name: string, cfg: Ecs.CreateManagedInstancesProviderConfiguration, clusterRef: string | undefined, tags: Tag[]): Record<string, unknown> {
  if (clusterRef === undefined) throw invalidParameter('A Managed Instances capacity provider must be created in a cluster: specify the cluster.');
  const cluster = sim.cluster(clusterRef);
  if (!/^arn:aws:iam::\d{12}:role\/.+/.test(cfg.infrastructureRoleArn)) throw invalidParameter(`Invalid infrastructureRoleArn '${cfg.infrastructureRoleArn}': it must be the ARN of an IAM role.`);
  const lt = cfg.instanceLaunchTemplate;
  checkLaunchTemplate(sim, lt);
  checkOptimization(cfg.infrastructureOptimization);
  const mi: ManagedInstancesProvider = {
    cluster: cluster.clusterName,
    infrastructureRoleArn: cfg.infrastructureRoleArn,
    instanceLaunchTemplate: { ...lt, networkConfiguration: { ...lt.networkConfiguration } } as ManagedInstancesProvider['instanceLaunchTemplate'],
    propagateTags: cfg.propagateTags ?? 'NONE',
    infrastructureOptimization: cfg.infrastructureOptimization ?? {},
    ...(cfg.autoRepairConfiguration ? { autoRepairConfiguration: cfg.autoRepairConfiguration } : {}),
  };
  const cp: CapacityProvider = {
    name,
    capacityProviderArn: sim.arn(`capacity-provider/${name}`),
    status: 'ACTIVE',
    managedInstances: mi,
    // [SIM] Managed Instances scale themselves: tasks that find no room wait in PROVISIONING, as under managed scaling.
    managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 0 },
    managedTerminationProtection: 'DISABLED',
    lowMinutes: 0,
    tags,
  };
  setOwn(sim.world.capacityProviders, name, cp);
  // [INF] "it becomes available only within the specified cluster": it is one of the cluster's providers from the start.
  if (!cluster.capacityProviders.includes(name)) cluster.capacityProviders = [...cluster.capacityProviders, name];
  const types = typesMeeting(lt.instanceRequirements as InstanceRequirements | undefined);
  const shown = `${types
    .slice(0, 4)
    .map((t) => t.name)
    .join(', ')}${types.length > 4 ? ', …' : ''}`;
  sim.emit('CapacityProviderCreated', say('CapacityProviderCreated.managed', { name, cluster: cluster.clusterName, count: types.length, types: shown }), { name });
  return describeCapacityProvider(sim, name);
}

/** UpdateCapacityProvider of a Managed Instances provider: changes apply to instances launched from now on. */
export function updateManagedInstancesProvider(sim: SimContext, cp: CapacityProvider, u: Ecs.UpdateManagedInstancesProviderConfiguration): void {
  const mi = cp.managedInstances!;
  checkLaunchTemplate(sim, u.instanceLaunchTemplate);
  checkOptimization(u.infrastructureOptimization);
  mi.infrastructureRoleArn = u.infrastructureRoleArn;
  mi.instanceLaunchTemplate = { ...mi.instanceLaunchTemplate, ...u.instanceLaunchTemplate } as ManagedInstancesProvider['instanceLaunchTemplate'];
  if (u.propagateTags !== undefined) mi.propagateTags = u.propagateTags;
  if (u.infrastructureOptimization !== undefined) mi.infrastructureOptimization = u.infrastructureOptimization;
  if (u.autoRepairConfiguration !== undefined) mi.autoRepairConfiguration = u.autoRepairConfiguration;
}

/** DeleteCapacityProvider of a Managed Instances provider: refused while services or tasks use it; its instances are retired. */
export function deleteManagedInstancesProvider(sim: SimContext, cp: CapacityProvider): void {
  const w = sim.world;
  const name = cp.name;
  const inUse =
    Object.values(w.services).some((s) => s.status !== 'INACTIVE' && s.capacityProviderStrategy?.some((i) => i.capacityProvider === name)) || Object.values(w.tasks).some((t) => t.lastStatus !== 'STOPPED' && t.capacityProviderName === name);
  if (inUse) throw new ApiError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
  cp.status = 'INACTIVE';
  for (const c of Object.values(w.clusters)) {
    if (c.capacityProviders.includes(name)) {
      c.capacityProviders = c.capacityProviders.filter((p) => p !== name);
      c.defaultCapacityProviderStrategy = c.defaultCapacityProviderStrategy.filter((i) => i.capacityProvider !== name);
    }
  }
  retireManagedInstances(sim, name);
}
