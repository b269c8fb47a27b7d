import { clientError, invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import { needsPlatform140 } from '../../model/fargateSizes';
import { FARGATE_PROVIDERS } from '../../model/capacity';
import type { Cluster, NetworkConfiguration, PlacementStrategy, Service, TaskDefinition } from '../../model/types';
import { findTaskDefinition } from '../../queries/taskDefinitions';
import { ClqError, parseClq } from '../../placement/clq';
import type * as Ecs from './inputs.generated';
import { resolveCapacity, type Capacity } from './strategy';

/**
 * The checks that launching tasks shares, whether RunTask, StartTask, CreateService or
 * UpdateService launches them: the task definition, the capacity (launch type or provider
 * strategy), the network configuration its network mode needs, and the placement strategies and
 * constraints, in that order.
 */

/** The members of RunTask, StartTask, CreateService and UpdateService requests that say how and where tasks launch. */
export interface LaunchRequest {
  launchType?: string;
  capacityProviderStrategy?: Ecs.CapacityProviderStrategyItem[];
  networkConfiguration?: Ecs.NetworkConfiguration;
  placementStrategy?: Ecs.PlacementStrategy[];
  placementConstraints?: Ecs.PlacementConstraint[];
}

/** What a checked launch uses. */
export interface Launch {
  capacity: Capacity;
  launchType: 'EC2' | 'FARGATE';
  net: NetworkConfiguration | undefined;
  strategies: PlacementStrategy[];
  constraints: { type: string; expression?: string }[];
}

/** The ACTIVE task definition a launch names (RunTask and StartTask answer InvalidParameter, services ClientException). */
export function taskDefinitionForLaunch(sim: SimContext, ref: string, what: 'RunTask' | 'Service'): TaskDefinition {
  const td = findTaskDefinition(sim, ref);
  if (!td) {
    if (what === 'Service') throw clientError('TaskDefinition not found.');
    throw invalidParameter('TaskDefinition not found.');
  }
  if (td.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
  return td;
}

/**
 * Checks a launch of `td` in `cluster`: its capacity (resolved from the request, or `fixed` where the
 * caller knows it: StartTask places on EC2, UpdateService keeps its service's), its network
 * configuration, and its placement strategies and constraints (none on Fargate).
 */
export function checkLaunch(sim: SimContext, cluster: Cluster, td: TaskDefinition, req: LaunchRequest, fixed?: Capacity): Launch {
  const capacity = fixed ?? resolveCapacity(sim, cluster, req.launchType, req.capacityProviderStrategy, td);
  const launchType = capacity.launchType;
  const net = checkNetwork(sim, td, launchType, req.networkConfiguration);
  const strategies = req.placementStrategy ?? [];
  const constraints = req.placementConstraints ?? [];
  if (launchType === 'FARGATE' && (strategies.length || constraints.length)) {
    throw invalidParameter('Task placement strategies and constraints are not supported for the Fargate launch type.');
  }
  checkPlacement(strategies, constraints, td);
  // Checked: every strategy and constraint has a known type.
  return { capacity, launchType, net, strategies: strategies as PlacementStrategy[], constraints: constraints as Launch['constraints'] };
}

/** At most 5 strategies of a known type with the fields they take; at most 10 constraints with the task definition's, each well-formed. */
function checkPlacement(strategies: Ecs.PlacementStrategy[], constraints: Ecs.PlacementConstraint[], td: TaskDefinition): void {
  if (strategies && strategies.length > 5) throw invalidParameter(`Too many placement strategies: ${strategies.length}. The maximum is 5.`);
  for (const s of strategies ?? []) {
    if (s.type === 'binpack' && s.field !== 'cpu' && s.field !== 'memory') throw invalidParameter(`Invalid field '${s.field ?? ''}' for the binpack placement strategy. Valid fields are cpu and memory.`);
    if (s.type === 'spread' && !s.field) throw invalidParameter('The spread placement strategy requires a field, such as instanceId or attribute:ecs.availability-zone.');
    if (s.type === 'random' && s.field) throw invalidParameter('The random placement strategy does not take a field.');
    if (!['binpack', 'spread', 'random'].includes(String(s.type))) throw invalidParameter(`Invalid placement strategy type '${s.type}'. Valid types are random, spread and binpack.`);
  }
  const total = (constraints?.length ?? 0) + (td.placementConstraints?.length ?? 0);
  if (total > 10) throw invalidParameter(`Too many placement constraints: ${total} including the task definition's. The maximum is 10.`);
  for (const c of constraints ?? []) {
    if (c.type === 'distinctInstance') {
      if (c.expression) throw invalidParameter('The distinctInstance placement constraint does not take an expression.');
    } else if (c.type === 'memberOf') {
      if (!c.expression) throw invalidParameter('The memberOf placement constraint requires an expression.');
      try {
        parseClq(c.expression);
      } catch (e) {
        if (e instanceof ClqError) throw invalidParameter(`Invalid placement constraint expression '${c.expression}': ${e.message} at position ${e.position}.`);
        throw e;
      }
    } else throw invalidParameter(`Invalid placement constraint type '${c.type ?? ''}'. Valid types are distinctInstance and memberOf.`);
  }
}

/** An awsvpc task needs subnets that exist (at most 16) and at most 5 security groups; other network modes take no configuration. */
function checkNetwork(sim: SimContext, td: TaskDefinition, launchType: string, net: Ecs.NetworkConfiguration | undefined): NetworkConfiguration | undefined {
  const mode = td.networkMode ?? (launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  if (mode === 'awsvpc') {
    const aws = net?.awsvpcConfiguration;
    const subnets = aws?.subnets;
    if (!net || !aws || !subnets) throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    if (subnets.length === 0) throw invalidParameter('subnets can not be empty.');
    if (subnets.length > 16) throw invalidParameter('At most 16 subnets can be specified.');
    for (const s of subnets) if (!sim.world.subnets[s]) throw invalidParameter(`Error retrieving subnet information for [${s}]: The subnet ID '${s}' does not exist`);
    if ((aws.securityGroups?.length ?? 0) > 5) throw invalidParameter('At most 5 security groups can be specified.');
    return { ...net, awsvpcConfiguration: aws };
  }
  if (net) throw invalidParameter('Network Configuration is not valid for the given networkMode of this task definition.');
  return undefined;
}

/** The platform version a Fargate launch runs on ("LATEST" is 1.4.0). */
export function platformVersionFor(td: TaskDefinition, pv: string | undefined): string {
  const v = !pv || pv === 'LATEST' ? '1.4.0' : pv;
  if (!/^1\.[0-4]\.0$/.test(v)) throw invalidParameter(`The specified platform version (${v}) does not exist.`);
  if (td.runtimePlatform?.cpuArchitecture === 'ARM64' && v !== '1.4.0') {
    // [INF] wording: ARM64 on Fargate (and Fargate Spot) needs platform version 1.4.0 (API:CapacityProviderStrategyItem).
    throw invalidParameter(`The specified platform version (${v}) does not satisfy the task definition's required capabilities: the ARM64 architecture needs platform version 1.4.0 or later.`);
  }
  if (td.cpu && needsPlatform140(Number(td.cpu)) && v !== '1.4.0') {
    throw invalidParameter(`The specified platform version (${v}) does not satisfy the task definition's required capabilities: ${td.cpu} CPU needs platform version 1.4.0 or later.`);
  }
  return v;
}

/** Whether a service runs on Fargate (by launch type or provider strategy). */
export function onFargate(svc: Service): boolean {
  return svc.launchType === 'FARGATE' || (svc.capacityProviderStrategy ?? []).some((i) => FARGATE_PROVIDERS.includes(i.capacityProvider));
}
