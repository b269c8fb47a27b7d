import type { Operation } from './operation';
import { own, setOwn } from '../core/own';
import { ApiError, clientError, invalidParameter, serviceNotFound } from '../core/errors';
import { validateTaskDefinition } from '../taskdef/validate';
import { needsPlatform140 } from '../model/fargateSizes';
import { FARGATE_PROVIDERS } from '../model/capacity';
import type { SimContext } from '../model/context';
import type { CapacityProviderStrategyItem, Cluster, NetworkConfiguration, PlacementStrategy, Service, Task, TaskDefinition } from '../model/types';
import { capacityProviderExists, splitStrategy } from '../queries/capacity';
import { describeCapacityProvider, describeCluster, describeContainerInstance, describeService, describeTask, describeTaskDefinition } from '../queries/describe';
import { findContainerInstance } from '../queries/lookups';
import { findTaskDefinition, requirementsOf } from '../queries/taskDefinitions';
import { ClqError, evalClq, parseClq } from '../placement/clq';
import { attributeMap, placeOnFargate, placeOnInstances } from '../placement/place';
import { recordTrace } from '../placement/traces';
import { createTask, stopTask } from '../controllers/tasks';
import { deregister } from '../controllers/instances';
import { deploymentId, requestPass, startDeployment } from '../controllers/services';
import { startMetrics } from '../controllers/metrics';
import { ECS_CAPACITY_OPERATIONS } from './asgApi';
import { resolveCapacity, validateStrategy } from './capacity';

// ---------- task definitions ----------

function taskDefinitionForLaunch(sim: SimContext, ref: string, what: 'RunTask' | 'Service'): TaskDefinition {
  const td = findTaskDefinition(sim, ref);
  if (!td) {
    if (what === 'Service') throw clientError('TaskDefinition not found.');
    throw invalidParameter('TaskDefinition not found.');
  }
  if (td.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
  return td;
}

// ---------- shared checks for RunTask / CreateService / UpdateService ----------

function checkPlacement(
  strategies: PlacementStrategy[] | undefined,
  constraints: { type?: string; expression?: string }[] | undefined,
  td: TaskDefinition,
): void {
  if (strategies && strategies.length > 5) throw invalidParameter(`Too many placement strategies: ${strategies.length}. The maximum is 5.`);
  for (const s of strategies ?? []) {
    if (s.type === 'binpack' && s.field !== 'cpu' && s.field !== 'memory') throw invalidParameter(`Invalid field '${s.field ?? ''}' for the binpack placement strategy. Valid fields are cpu and memory.`);
    if (s.type === 'spread' && !s.field) throw invalidParameter('The spread placement strategy requires a field, such as instanceId or attribute:ecs.availability-zone.');
    if (s.type === 'random' && s.field) throw invalidParameter('The random placement strategy does not take a field.');
    if (!['binpack', 'spread', 'random'].includes(s.type)) throw invalidParameter(`Invalid placement strategy type '${s.type}'. Valid types are random, spread and binpack.`);
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

function checkNetwork(sim: SimContext, td: TaskDefinition, launchType: string, net: NetworkConfiguration | undefined): void {
  const mode = td.networkMode ?? (launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  if (mode === 'awsvpc') {
    const subnets = net?.awsvpcConfiguration?.subnets;
    if (!net || !subnets) throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    if (subnets.length === 0) throw invalidParameter('subnets can not be empty.');
    if (subnets.length > 16) throw invalidParameter('At most 16 subnets can be specified.');
    for (const s of subnets) if (!sim.world.subnets[s]) throw invalidParameter(`Error retrieving subnet information for [${s}]: The subnet ID '${s}' does not exist`);
    if ((net.awsvpcConfiguration.securityGroups?.length ?? 0) > 5) throw invalidParameter('At most 5 security groups can be specified.');
  } else if (net) {
    throw invalidParameter('Network Configuration is not valid for the given networkMode of this task definition.');
  }
}

function platformVersionFor(td: TaskDefinition, pv: string | undefined): string {
  const v = !pv || pv === 'LATEST' ? '1.4.0' : pv;
  if (!/^1\.[0-4]\.0$/.test(v)) throw invalidParameter(`The specified platform version (${v}) does not exist.`);
  if (td.cpu && needsPlatform140(Number(td.cpu)) && v !== '1.4.0') {
    throw invalidParameter(`The specified platform version (${v}) does not satisfy the task definition's required capabilities: ${td.cpu} CPU needs platform version 1.4.0 or later.`);
  }
  return v;
}

function activeInstanceCount(sim: SimContext, c: Cluster): number {
  let n = 0;
  for (const a of c.instanceArns) if (sim.world.containerInstances[a]?.status !== 'INACTIVE') n++;
  return n;
}

function findTask(sim: SimContext, cluster: Cluster, ref: string): Task | undefined {
  if (ref.startsWith('arn:')) {
    const t = sim.world.tasks[ref];
    return t && t.clusterArn === cluster.clusterArn ? t : undefined;
  }
  return sim.world.tasks[sim.arn(`task/${cluster.clusterName}/${ref}`)];
}

function visibleTask(sim: SimContext, t: Task): boolean {
  return t.lastStatus !== 'STOPPED' || sim.now - (t.stoppedAtMs ?? 0) < sim.world.durations.describableAfterStopMs;
}

function findService(sim: SimContext, cluster: Cluster, ref: string): Service | undefined {
  const key = ref.startsWith('arn:') ? ref : sim.arn(`service/${cluster.clusterName}/${ref}`);
  const s = sim.world.services[key];
  return s && s.clusterArn === cluster.clusterArn ? s : undefined;
}

/** A service's load balancers (§5.5): existing target groups behind a load balancer, a container port of the task definition, ip targets for awsvpc. */
function checkLoadBalancers(sim: SimContext, td: TaskDefinition, lbs: Service['loadBalancers'] | undefined): Service['loadBalancers'] {
  if (!lbs) return [];
  if (lbs.length > 5) throw invalidParameter('A service can have at most 5 target groups.');
  return lbs.map((lb) => {
    if (!lb.targetGroupArn) throw invalidParameter('loadBalancers: targetGroupArn is required for an Application Load Balancer.');
    const tg = sim.world.targetGroups[lb.targetGroupArn];
    if (!tg) throw invalidParameter(`The target group with targetGroupArn ${lb.targetGroupArn} does not exist.`);
    if (tg.loadBalancerArns.length === 0) throw invalidParameter(`The target group with targetGroupArn ${lb.targetGroupArn} does not have an associated load balancer.`);
    const c = td.containerDefinitions.find((x) => x.name === lb.containerName);
    if (!c) throw invalidParameter(`The container ${lb.containerName} does not exist in the task definition.`);
    if (!(c.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) throw invalidParameter(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`);
    if ((td.networkMode ?? 'bridge') === 'awsvpc' && tg.TargetType !== 'ip') {
      throw invalidParameter(`The provided target group ${lb.targetGroupArn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`);
    }
    if ((td.networkMode ?? 'bridge') !== 'awsvpc' && tg.TargetType === 'ip') {
      throw invalidParameter(`The provided target group ${lb.targetGroupArn} has target type ip, which is incompatible with the ${td.networkMode ?? 'bridge'} network mode specified in the task definition.`);
    }
    return { targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort };
  });
}

/** serviceRegistries (§8.1): awsvpc tasks give A (and SRV with a port) records; bridge and host tasks SRV records with containerName and containerPort. */
function checkRegistries(sim: SimContext, td: TaskDefinition, regs: Service['serviceRegistries'] | undefined): Service['serviceRegistries'] {
  if (!regs) return [];
  if (regs.length > 1) throw invalidParameter('A service can have only one service registry.');
  return regs.map((r) => {
    const d = Object.values(sim.world.discoveryServices).find((x) => x.Arn === r.registryArn);
    if (!d) throw invalidParameter(`The service registry ${String(r.registryArn)} does not exist.`);
    const mode = td.networkMode ?? 'bridge';
    const srv = d.DnsRecords.some((x) => x.Type === 'SRV');
    if (mode === 'none') throw invalidParameter('Service discovery is not supported for tasks with the none network mode.');
    if (mode !== 'awsvpc' && d.DnsRecords.some((x) => x.Type === 'A')) {
      throw invalidParameter(`The ${mode} network mode supports only SRV records for service discovery: the registry has an A record.`);
    }
    if ((mode !== 'awsvpc' || (srv && r.port === undefined)) && srv && (r.containerName === undefined || r.containerPort === undefined)) {
      throw invalidParameter('SRV records need containerName and containerPort in the service registry.');
    }
    return { registryArn: r.registryArn, ...(r.containerName ? { containerName: r.containerName } : {}), ...(r.containerPort !== undefined ? { containerPort: r.containerPort } : {}), ...(r.port !== undefined ? { port: r.port } : {}) };
  });
}

/** Service Connect names (§8.2): discoveryName defaults to the port name, client aliases to discoveryName.namespace. */
function checkServiceConnect(sim: SimContext, td: TaskDefinition, serviceName: string, sc: Record<string, unknown> | undefined): Service['serviceConnectConfiguration'] {
  if (!sc || sc.enabled === false) return undefined;
  const nsRef = sc.namespace as string | undefined;
  const ns = Object.values(sim.world.namespaces).find((n) => n.Name === nsRef || n.Arn === nsRef);
  if (!ns) throw invalidParameter(`The Service Connect namespace ${String(nsRef)} does not exist.`);
  const services = ((sc.services as { portName: string; discoveryName?: string; clientAliases?: { port: number; dnsName?: string }[] }[] | undefined) ?? []).map((s) => {
    const pm = td.containerDefinitions.flatMap((c) => c.portMappings ?? []).find((p) => p.name === s.portName);
    if (!pm) throw invalidParameter(`The port name ${s.portName} is not a portMappings name in the task definition.`);
    const discoveryName = s.discoveryName ?? s.portName;
    const clientAliases = (s.clientAliases ?? []).map((a) => ({ port: a.port, dnsName: a.dnsName ?? `${discoveryName}.${ns.Name}` }));
    return { portName: s.portName, discoveryName, clientAliases };
  });
  for (const s of services) {
    for (const other of Object.values(sim.world.services)) {
      if (other.serviceName === serviceName || other.status !== 'ACTIVE') continue;
      if (other.serviceConnectConfiguration?.namespace === ns.Name && other.serviceConnectConfiguration.services.some((x) => x.discoveryName === s.discoveryName)) {
        throw invalidParameter(`The discovery name ${s.discoveryName} is already used in namespace ${ns.Name}.`);
      }
    }
  }
  return { enabled: true, namespace: ns.Name, services };
}

function onFargate(svc: Service): boolean {
  return svc.launchType === 'FARGATE' || (svc.capacityProviderStrategy ?? []).some((i) => FARGATE_PROVIDERS.includes(i.capacityProvider));
}

/** Associates providers with a cluster and sets its default strategy (CreateCluster, PutClusterCapacityProviders). */
function setClusterCapacity(sim: SimContext, c: Cluster, providers: string[], strategy: CapacityProviderStrategyItem[]): void {
  for (const p of providers) {
    if (!capacityProviderExists(sim, p)) {
      throw invalidParameter(`The specified capacity provider '${p}' does not exist. Specify a valid capacity provider and try again.`);
    }
  }
  if (new Set(providers).size !== providers.length) throw invalidParameter('The list of capacity providers names one more than once.');
  for (const p of providers) {
    const cp = sim.world.capacityProviders[p];
    const other = Object.values(sim.world.clusters).find((x) => x !== c && x.status === 'ACTIVE' && x.capacityProviders.includes(p));
    if (cp && cp.managedScaling.status === 'ENABLED' && other) {
      throw invalidParameter(`The capacity provider ${p} has managed scaling and is already associated with cluster ${other.clusterName}; such a provider can belong to one cluster only.`);
    }
  }
  for (const item of strategy) {
    if (!providers.includes(item.capacityProvider)) {
      throw invalidParameter(`The specified default capacity provider strategy cannot contain a capacity provider that is not associated with the cluster: '${item.capacityProvider}'.`);
    }
  }
  validateStrategy(sim, c, strategy, true);
  c.capacityProviders = [...providers];
  c.defaultCapacityProviderStrategy = strategy.map((i) => ({ capacityProvider: i.capacityProvider, weight: i.weight ?? 0, base: i.base ?? 0 }));
}

// ---------- operations ----------

export const ECS_OPERATIONS: Record<string, Operation> = {
  CreateCluster(sim, input) {
    const name = (input.clusterName as string | undefined) ?? 'default';
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    const providers = (input.capacityProviders as string[] | undefined) ?? [];
    const defaultStrategy = (input.defaultCapacityProviderStrategy as CapacityProviderStrategyItem[] | undefined) ?? [];
    const arn = sim.arn(`cluster/${name}`);
    const existing = sim.world.clusters[arn];
    if (existing && existing.status === 'ACTIVE') return { cluster: describeCluster(sim, existing) };
    const c: Cluster = {
      clusterArn: arn, clusterName: name, status: 'ACTIVE', createdAtMs: sim.now, capacityProviders: [],
      defaultCapacityProviderStrategy: [], settings: (input.settings as Cluster['settings']) ?? [{ name: 'containerInsights', value: 'disabled' }],
      tags: (input.tags as Cluster['tags']) ?? [], instanceArns: [],
    };
    setClusterCapacity(sim, c, providers, defaultStrategy);
    sim.world.clusters[arn] = c;
    startMetrics(sim);
    sim.emit('ClusterCreated', `Cluster ${name} was created.`, { clusterArn: arn });
    return { cluster: describeCluster(sim, c) };
  },

  DescribeClusters(sim, input) {
    const refs = (input.clusters as string[] | undefined) ?? ['default'];
    const clusters: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of refs) {
      const arn = r.startsWith('arn:') ? r : sim.arn(`cluster/${r}`);
      const c = sim.world.clusters[arn];
      if (c) clusters.push(describeCluster(sim, c));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { clusters, failures };
  },

  ListClusters(sim) {
    return { clusterArns: Object.values(sim.world.clusters).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterArn) };
  },

  DeleteCluster(sim, input) {
    const c = sim.cluster(input.cluster);
    if (activeInstanceCount(sim, c) > 0) throw new ApiError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.');
    if (Object.values(sim.world.services).some((s) => s.clusterArn === c.clusterArn && s.status !== 'INACTIVE')) {
      throw new ApiError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.');
    }
    if (Object.values(sim.world.tasks).some((t) => t.clusterArn === c.clusterArn && t.lastStatus !== 'STOPPED')) {
      throw new ApiError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
    }
    c.status = 'INACTIVE';
    sim.emit('ClusterDeleted', `Cluster ${c.clusterName} was deleted.`, { clusterArn: c.clusterArn });
    return { cluster: describeCluster(sim, c) };
  },

  PutClusterCapacityProviders(sim, input) {
    const c = sim.cluster(input.cluster);
    const providers = input.capacityProviders as string[];
    for (const p of c.capacityProviders) {
      if (providers.includes(p)) continue;
      const inUse = Object.values(sim.world.services).some((s) => s.clusterArn === c.clusterArn && s.status !== 'INACTIVE' && s.capacityProviderStrategy?.some((i) => i.capacityProvider === p)) ||
        Object.values(sim.world.tasks).some((t) => t.clusterArn === c.clusterArn && t.lastStatus !== 'STOPPED' && t.capacityProviderName === p);
      if (inUse) throw new ApiError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
    }
    setClusterCapacity(sim, c, providers, input.defaultCapacityProviderStrategy as CapacityProviderStrategyItem[]);
    sim.emit('ClusterCapacityProvidersChanged', `Cluster ${c.clusterName} uses ${providers.length ? providers.join(', ') : 'no capacity providers'}.`, { clusterArn: c.clusterArn });
    return { cluster: describeCluster(sim, c) };
  },

  ...ECS_CAPACITY_OPERATIONS,

  DescribeCapacityProviders(sim, input) {
    const names = (input.capacityProviders as string[] | undefined) ?? [...FARGATE_PROVIDERS, ...Object.values(sim.world.capacityProviders).filter((c) => c.status === 'ACTIVE').map((c) => c.name)];
    const capacityProviders: unknown[] = [];
    const failures: unknown[] = [];
    for (const n of names) {
      const name = n.startsWith('arn:') ? n.slice(n.lastIndexOf('/') + 1) : n;
      if (FARGATE_PROVIDERS.includes(name) || sim.world.capacityProviders[name]) capacityProviders.push(describeCapacityProvider(sim, name));
      else failures.push({ arn: n.startsWith('arn:') ? n : sim.arn(`capacity-provider/${n}`), reason: 'MISSING' });
    }
    return { capacityProviders, failures };
  },

  RegisterTaskDefinition(sim, input) {
    const { def } = validateTaskDefinition(input);
    const revs = own(sim.world.taskDefinitions, def.family) ?? setOwn(sim.world.taskDefinitions, def.family as string, []);
    const revision = revs.length + 1;
    const td: TaskDefinition = {
      taskDefinitionArn: sim.arn(`task-definition/${def.family}:${revision}`),
      ...def, revision, status: 'ACTIVE', registeredAtMs: sim.now,
    } as TaskDefinition;
    revs.push(td);
    sim.emit('TaskDefinitionRegistered', `Task definition ${def.family}:${revision} was registered.`, { taskDefinitionArn: td.taskDefinitionArn });
    return { taskDefinition: describeTaskDefinition(sim, td), tags: (input.tags as unknown[]) ?? [] };
  },

  DescribeTaskDefinition(sim, input) {
    const td = findTaskDefinition(sim, input.taskDefinition as string);
    if (!td) throw clientError('Unable to describe task definition.');
    return { taskDefinition: describeTaskDefinition(sim, td), tags: [] };
  },

  ListTaskDefinitions(sim, input) {
    const status = (input.status as string | undefined) ?? 'ACTIVE';
    const prefix = input.familyPrefix as string | undefined;
    const out: string[] = [];
    for (const [family, revs] of Object.entries(sim.world.taskDefinitions)) {
      if (prefix && !family.startsWith(prefix)) continue;
      for (const td of revs) if (td.status === status) out.push(td.taskDefinitionArn);
    }
    out.sort();
    if (input.sort === 'DESC') out.reverse();
    return { taskDefinitionArns: out };
  },

  ListTaskDefinitionFamilies(sim, input) {
    const status = (input.status as string | undefined) ?? 'ACTIVE';
    const prefix = input.familyPrefix as string | undefined;
    const families = Object.entries(sim.world.taskDefinitions)
      .filter(([f, revs]) => (!prefix || f.startsWith(prefix)) && (status === 'ALL' || revs.some((r) => r.status === status)))
      .map(([f]) => f)
      .sort();
    return { families };
  },

  DeregisterTaskDefinition(sim, input) {
    const ref = input.taskDefinition as string;
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
    if (!/:\d+$/.test(name)) throw clientError(`Invalid revision number. Number: ${name.includes(':') ? name.split(':')[1] : ''}`);
    const td = findTaskDefinition(sim, ref);
    if (!td) throw clientError('The specified task definition does not exist. Specify a valid account, family, revision and try again.');
    if (td.status === 'ACTIVE') {
      td.status = 'INACTIVE';
      td.deregisteredAtMs = sim.now;
      sim.emit('TaskDefinitionDeregistered', `Task definition ${td.family}:${td.revision} was deregistered (INACTIVE).`, { taskDefinitionArn: td.taskDefinitionArn });
    }
    return { taskDefinition: describeTaskDefinition(sim, td) };
  },

  RunTask(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const td = taskDefinitionForLaunch(sim, input.taskDefinition as string, 'RunTask');
    const count = (input.count as number | undefined) ?? 1;
    if (count < 1 || count > 10) throw invalidParameter('Count must be between 1 and 10.');
    const capacity = resolveCapacity(sim, cluster, input.launchType as string | undefined, input.capacityProviderStrategy as CapacityProviderStrategyItem[] | undefined, td);
    const launchType = capacity.launchType;
    const net = input.networkConfiguration as NetworkConfiguration | undefined;
    checkNetwork(sim, td, launchType, net);
    const strategies = (input.placementStrategy as PlacementStrategy[] | undefined) ?? [];
    const constraints = (input.placementConstraints as { type: string; expression?: string }[] | undefined) ?? [];
    if (launchType === 'FARGATE' && (strategies.length || constraints.length)) {
      throw invalidParameter('Task placement strategies and constraints are not supported for the Fargate launch type.');
    }
    checkPlacement(strategies, constraints, td);
    const group = (input.group as string | undefined) ?? `family:${td.family}`;
    if (group.length > 255) throw invalidParameter('The task group can have at most 255 characters.');
    const tasks: Task[] = [];
    const failures: { arn?: string; reason: string; detail?: string }[] = [];
    const w = sim.world;
    const common = {
      clusterArn: cluster.clusterArn, td, group, overrides: (input.overrides as Record<string, unknown>) ?? { containerOverrides: [] },
      ...(input.startedBy ? { startedBy: input.startedBy as string } : {}),
      tags: (input.tags as { key: string; value: string }[]) ?? [],
    };
    if (launchType === 'FARGATE') {
      const pv = platformVersionFor(td, input.platformVersion as string | undefined);
      // With a strategy, the count splits over its providers (§7.1); a launch type means plain FARGATE.
      const providers = capacity.strategy ?? [{ capacityProvider: '' }];
      const split = capacity.strategy ? splitStrategy(capacity.strategy, count) : [count];
      providers.forEach((item, pi) => {
        for (let i = 0; i < split[pi]!; i++) {
          const traceId = w.nextTraceId++;
          const spot = item.capacityProvider === 'FARGATE_SPOT';
          const r = placeOnFargate(w, group, net!.awsvpcConfiguration.subnets, traceId, sim.now, spot);
          recordTrace(sim.world, r.trace);
          if (!r.subnetId) {
            failures.push({ reason: r.trace.failure!.reason, detail: r.trace.failure!.detail });
            continue;
          }
          tasks.push(createTask(sim, {
            ...common, launchType: 'FARGATE', subnetId: r.subnetId, platformVersion: pv, traceId, req: requirementsOf(td, 'FARGATE'),
            ...(item.capacityProvider ? { capacityProviderName: item.capacityProvider } : {}),
          }));
        }
      });
    } else {
      if (!capacity.strategy && activeInstanceCount(sim, cluster) === 0) throw invalidParameter('No Container Instances were found in your cluster.');
      const req = requirementsOf(td, 'EC2');
      const subnets = net?.awsvpcConfiguration.subnets;
      const zones = td.networkMode === 'awsvpc' ? new Set(subnets!.map((s) => w.subnets[s]!.availabilityZone)) : undefined;
      const allConstraints = [...(td.placementConstraints ?? []), ...constraints];
      // Without a strategy every task may go anywhere; with one, the count splits over its providers (§7.1).
      const providers = capacity.strategy ?? [{ capacityProvider: '' }];
      const split = capacity.strategy ? splitStrategy(capacity.strategy, count) : [count];
      providers.forEach((item, pi) => {
        const cp = item.capacityProvider ? w.capacityProviders[item.capacityProvider] : undefined;
        for (let i = 0; i < split[pi]!; i++) {
          const traceId = w.nextTraceId++;
          const r = placeOnInstances(w, {
            clusterArn: cluster.clusterArn, group, req, constraints: allConstraints, strategies,
            defaultMode: 'random', ...(zones ? { zones } : {}), ...(cp ? { capacityProvider: cp.name } : {}),
          }, sim.engine.rng.stream('placement'), traceId, sim.now);
          recordTrace(sim.world, r.trace);
          if (!r.instance) {
            if (cp?.managedScaling.status === 'ENABLED') {
              // With managed scaling the task waits in PROVISIONING while cluster auto scaling adds capacity (§7.6).
              tasks.push(createTask(sim, {
                ...common, launchType: 'EC2', traceId, req, capacityProviderName: cp.name,
                waiting: { capacityProvider: cp.name, constraints: allConstraints, strategies, defaultMode: 'random', ...(subnets ? { subnets } : {}) },
              }));
              continue;
            }
            const f = r.trace.failure!;
            failures.push({ ...(f.arn ? { arn: f.arn } : {}), reason: f.reason });
            continue;
          }
          const subnetId = zones ? subnets!.find((s) => w.subnets[s]!.availabilityZone === r.instance!.availabilityZone) : undefined;
          tasks.push(createTask(sim, { ...common, launchType: 'EC2', instance: r.instance, traceId, req, ...(cp ? { capacityProviderName: cp.name } : {}), ...(subnetId ? { subnetId } : {}) }));
        }
      });
    }
    return { tasks: tasks.map((t) => describeTask(sim, t)), failures: failures.map(({ arn, reason }) => (arn ? { arn, reason } : { reason })) };
  },

  StartTask(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const td = taskDefinitionForLaunch(sim, input.taskDefinition as string, 'RunTask');
    const refs = input.containerInstances as string[];
    if (refs.length < 1 || refs.length > 10) throw invalidParameter('containerInstances must name between 1 and 10 container instances.');
    const net = input.networkConfiguration as NetworkConfiguration | undefined;
    checkNetwork(sim, td, 'EC2', net);
    const group = (input.group as string | undefined) ?? `family:${td.family}`;
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
      const r = placeOnInstances(sim.world, {
        clusterArn: cluster.clusterArn, group, req, constraints: [...(td.placementConstraints ?? [])], strategies: [],
        defaultMode: 'random', only: [ci.containerInstanceArn],
      }, sim.engine.rng.stream('placement'), traceId, sim.now);
      r.trace.note = 'StartTask: custom scheduling onto the named container instance; constraints are checked, no strategy applies.';
      recordTrace(sim.world, r.trace);
      if (!r.instance) {
        failures.push({ arn: ci.containerInstanceArn, reason: r.trace.failure!.reason });
        continue;
      }
      const subnetId = net ? net.awsvpcConfiguration.subnets.find((s) => sim.world.subnets[s]!.availabilityZone === ci.availabilityZone) : undefined;
      tasks.push(createTask(sim, {
        clusterArn: cluster.clusterArn, td, group, launchType: 'EC2', instance: ci, traceId, req,
        overrides: (input.overrides as Record<string, unknown>) ?? { containerOverrides: [] },
        ...(input.startedBy ? { startedBy: input.startedBy as string } : {}), ...(subnetId ? { subnetId } : {}),
      }));
    }
    return { tasks: tasks.map((t) => describeTask(sim, t)), failures };
  },

  StopTask(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const t = findTask(sim, cluster, input.task as string);
    if (!t) throw invalidParameter('The referenced task was not found.');
    const reason = (input.reason as string | undefined) ?? 'Task stopped by user';
    if (reason.length > 255) throw invalidParameter('The reason can have at most 255 characters.');
    stopTask(sim, t, 'UserInitiated', reason);
    return { task: describeTask(sim, t) };
  },

  DescribeTasks(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const tasks: unknown[] = [];
    const failures: unknown[] = [];
    const refs = input.tasks as string[];
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
    const desired = (input.desiredStatus as string | undefined) ?? 'RUNNING';
    const family = input.family as string | undefined;
    const svcName = input.serviceName as string | undefined;
    const ciRef = input.containerInstance as string | undefined;
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
      if (input.launchType && t.launchType !== input.launchType) continue;
      out.push(a);
    }
    return { taskArns: out };
  },

  DescribeContainerInstances(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const out: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of input.containerInstances as string[]) {
      const ci = findContainerInstance(sim, cluster.clusterArn, r);
      const visible = ci && (ci.status !== 'INACTIVE' || sim.now - (ci.deregisteredAtMs ?? 0) < sim.world.durations.describableAfterStopMs);
      if (ci && visible) out.push(describeContainerInstance(sim, ci));
      else failures.push({ arn: r, reason: 'MISSING' });
    }
    return { containerInstances: out, failures };
  },

  ListContainerInstances(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const status = input.status as string | undefined;
    let filter: ReturnType<typeof parseClq> | undefined;
    if (input.filter) {
      try {
        filter = parseClq(input.filter as string);
      } catch (e) {
        if (e instanceof ClqError) throw invalidParameter(`Invalid filter expression '${String(input.filter)}': ${e.message} at position ${e.position}.`);
        throw e;
      }
    }
    const out: string[] = [];
    for (const a of cluster.instanceArns) {
      const ci = sim.world.containerInstances[a]!;
      if (status ? ci.status !== status : ci.status === 'INACTIVE') continue;
      if (filter) {
        const groups = new Set<string>();
        for (const ta of ci.taskArns) groups.add(sim.world.tasks[ta]!.group);
        const ok = evalClq(filter, {
          attributes: attributeMap(ci), agentConnected: ci.agentConnected, agentVersion: '1.87.1', ec2InstanceId: ci.ec2InstanceId,
          registeredAt: sim.world.epochSeconds + ci.registeredAtMs / 1000,
          runningTasksCount: ci.taskArns.filter((ta) => sim.world.tasks[ta]!.lastStatus === 'RUNNING').length, taskGroups: groups,
        });
        if (!ok) continue;
      }
      out.push(a);
    }
    return { containerInstanceArns: out };
  },

  UpdateContainerInstancesState(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const status = input.status as string;
    if (status !== 'ACTIVE' && status !== 'DRAINING') {
      throw invalidParameter(`Container instances can only be set to ACTIVE or DRAINING, not ${status}.`);
    }
    const out: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of input.containerInstances as string[]) {
      const ci = findContainerInstance(sim, cluster.clusterArn, r);
      if (!ci || ci.status === 'INACTIVE') {
        failures.push({ arn: r, reason: 'MISSING' });
        continue;
      }
      if (ci.status !== status) {
        ci.status = status;
        ci.version++;
        sim.emit('ContainerInstanceStateChange', `Container instance ${ci.ec2InstanceId} is ${status}.`, {
          containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId, status,
        });
      }
      out.push(describeContainerInstance(sim, ci));
    }
    sim.notices.emit('clusterChanged', cluster.clusterArn);
    return { containerInstances: out, failures };
  },

  DeregisterContainerInstance(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const ci = findContainerInstance(sim, cluster.clusterArn, input.containerInstance as string);
    if (!ci || ci.status === 'INACTIVE') throw invalidParameter('The specified container instance does not exist.');
    deregister(sim, ci, input.force === true, 'api');
    return { containerInstance: describeContainerInstance(sim, ci) };
  },

  PutAttributes(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const attrs = input.attributes as { name: string; value?: string; targetType?: string; targetId?: string }[];
    if (attrs.length > 10) throw invalidParameter('At most 10 attributes can be put in one call.');
    for (const a of attrs) {
      if (!/^[A-Za-z0-9_./\\-]{1,128}$/.test(a.name)) throw invalidParameter(`Invalid attribute name '${a.name}': up to 128 letters, numbers, hyphens, underscores, forward slashes, back slashes, or periods.`);
      if (a.value !== undefined && (!/^[A-Za-z0-9_.@/\\: -]{1,128}$/.test(a.value) || a.value !== a.value.trim())) {
        throw invalidParameter(`Invalid attribute value '${a.value}': up to 128 letters, numbers, hyphens, underscores, periods, at signs (@), forward slashes, back slashes, colons, or spaces, without leading or trailing whitespace.`);
      }
      // [INF] the ecs. namespace holds the attributes ECS sets itself; learners add their own names.
      if (a.name.startsWith('ecs.')) throw invalidParameter(`Attribute names starting with 'ecs.' are reserved for Amazon ECS: '${a.name}'.`);
      if (!a.targetId) throw invalidParameter('targetId is required to put an attribute on a container instance.');
      if (a.targetType !== undefined && a.targetType !== 'container-instance') throw invalidParameter(`Invalid targetType '${a.targetType}'.`);
    }
    for (const a of attrs) {
      const ci = findContainerInstance(sim, cluster.clusterArn, a.targetId!);
      if (!ci || ci.status === 'INACTIVE') throw new ApiError('TargetNotFoundException', `Could not find ${a.targetId}.`);
    }
    for (const a of attrs) {
      const ci = findContainerInstance(sim, cluster.clusterArn, a.targetId!)!;
      ci.attributes = ci.attributes.filter((x) => x.name !== a.name);
      ci.attributes.push(a.value !== undefined ? { name: a.name, value: a.value } : { name: a.name });
      ci.version++;
      sim.emit('AttributesChanged', `Attribute ${a.name}${a.value !== undefined ? `=${a.value}` : ''} was put on ${ci.ec2InstanceId}.`, { containerInstanceArn: ci.containerInstanceArn, name: a.name, value: a.value });
    }
    sim.notices.emit('clusterChanged', cluster.clusterArn);
    return { attributes: attrs.map((a) => ({ ...a, targetType: 'container-instance' })) };
  },

  DeleteAttributes(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const attrs = input.attributes as { name: string; value?: string; targetId?: string }[];
    for (const a of attrs) {
      if (a.name.startsWith('ecs.')) throw invalidParameter(`Attribute names starting with 'ecs.' are reserved for Amazon ECS: '${a.name}'.`);
    }
    for (const a of attrs) {
      const ci = a.targetId ? findContainerInstance(sim, cluster.clusterArn, a.targetId) : undefined;
      if (!ci) throw new ApiError('TargetNotFoundException', `Could not find ${a.targetId ?? 'the target'}.`);
      ci.attributes = ci.attributes.filter((x) => x.name !== a.name);
      ci.version++;
    }
    sim.notices.emit('clusterChanged', cluster.clusterArn);
    return { attributes: attrs };
  },

  ListAttributes(sim, input) {
    const cluster = sim.cluster(input.cluster);
    if (input.targetType !== 'container-instance') throw invalidParameter("targetType must be 'container-instance'.");
    const out: unknown[] = [];
    for (const a of cluster.instanceArns) {
      const ci = sim.world.containerInstances[a]!;
      for (const at of ci.attributes) {
        if (input.attributeName && at.name !== input.attributeName) continue;
        if (input.attributeValue && at.value !== input.attributeValue) continue;
        out.push({ name: at.name, ...(at.value !== undefined ? { value: at.value } : {}), targetType: 'container-instance', targetId: ci.containerInstanceArn });
      }
    }
    return { attributes: out };
  },

  PutAccountSetting(sim, input) {
    const name = input.name as string;
    const value = input.value as string;
    sim.world.accountSettings[name] = value;
    sim.emit('AccountSettingChanged', `Account setting ${name} is ${value}.`, { name, value });
    return { setting: { name, value, principalArn: `arn:aws:iam::${sim.world.account}:root`, type: 'user' } };
  },

  PutAccountSettingDefault(sim, input) {
    return ECS_OPERATIONS.PutAccountSetting!(sim, input);
  },

  ListAccountSettings(sim, input) {
    const settings = Object.entries(sim.world.accountSettings)
      .filter(([n]) => !input.name || n === input.name)
      .map(([name, value]) => ({ name, value, principalArn: `arn:aws:iam::${sim.world.account}:root`, type: 'user' }));
    return { settings };
  },

  CreateService(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const name = input.serviceName as string;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('Service name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    const arn = sim.arn(`service/${cluster.clusterName}/${name}`);
    const existing = sim.world.services[arn];
    if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.');
    const scheduling = ((input.schedulingStrategy as string | undefined) ?? 'REPLICA') as 'REPLICA' | 'DAEMON';
    if (!input.taskDefinition) throw invalidParameter('A task definition is required to create a service with the ECS deployment controller.');
    const td = taskDefinitionForLaunch(sim, input.taskDefinition as string, 'Service');
    const capacity = resolveCapacity(sim, cluster, input.launchType as string | undefined, input.capacityProviderStrategy as CapacityProviderStrategyItem[] | undefined, td);
    const launchType = capacity.launchType;
    const net = input.networkConfiguration as NetworkConfiguration | undefined;
    checkNetwork(sim, td, launchType, net);
    const strategies = (input.placementStrategy as PlacementStrategy[] | undefined) ?? [];
    const constraints = (input.placementConstraints as { type: string; expression?: string }[] | undefined) ?? [];
    if (launchType === 'FARGATE' && (strategies.length || constraints.length)) {
      throw invalidParameter('Task placement strategies and constraints are not supported for the Fargate launch type.');
    }
    checkPlacement(strategies, constraints, td);
    let desired = input.desiredCount as number | undefined;
    const dc = (input.deploymentConfiguration as { maximumPercent?: number; minimumHealthyPercent?: number; deploymentCircuitBreaker?: { enable: boolean; rollback: boolean } } | undefined) ?? {};
    if (scheduling === 'DAEMON') {
      if (launchType === 'FARGATE') throw invalidParameter('The daemon scheduling strategy does not support the FARGATE launch type.');
      if (strategies.length) throw invalidParameter('Placement strategies are not supported with the DAEMON scheduling strategy.');
      if (dc.maximumPercent !== undefined && dc.maximumPercent !== 100) throw invalidParameter('The maximumPercent of a service with the DAEMON scheduling strategy must be 100.');
      desired = 0;
    } else if (desired === undefined) {
      throw invalidParameter('The desired count must be specified for a service with the REPLICA scheduling strategy.');
    }
    const pv = launchType === 'FARGATE' ? platformVersionFor(td, input.platformVersion as string | undefined) : undefined;
    const loadBalancers = checkLoadBalancers(sim, td, input.loadBalancers as Service['loadBalancers'] | undefined);
    const serviceRegistries = checkRegistries(sim, td, input.serviceRegistries as Service['serviceRegistries'] | undefined);
    const serviceConnect = checkServiceConnect(sim, td, name, input.serviceConnectConfiguration as Record<string, unknown> | undefined);
    const depId = deploymentId(sim);
    const svc: Service = {
      serviceArn: arn, serviceName: name, clusterArn: cluster.clusterArn, status: 'ACTIVE', taskDefinition: td.taskDefinitionArn,
      desiredCount: desired!, ...(capacity.strategy ? { capacityProviderStrategy: capacity.strategy } : { launchType }), placementConstraints: constraints, placementStrategy: strategies, schedulingStrategy: scheduling,
      deploymentConfiguration: {
        maximumPercent: dc.maximumPercent ?? (scheduling === 'DAEMON' ? 100 : 200),
        minimumHealthyPercent: dc.minimumHealthyPercent ?? (scheduling === 'DAEMON' ? 0 : 100),
        deploymentCircuitBreaker: dc.deploymentCircuitBreaker ?? { enable: false, rollback: false },
      },
      deployments: [{
        id: depId, status: 'PRIMARY', taskDefinition: td.taskDefinitionArn, desiredCount: desired!, pendingCount: 0, runningCount: 0,
        failedTasks: 0, createdAtMs: sim.now, updatedAtMs: sim.now, ...(capacity.strategy ? { capacityProviderStrategy: capacity.strategy } : { launchType }), rolloutState: 'IN_PROGRESS',
        rolloutStateReason: `ECS deployment ${depId} in progress.`, ...(pv ? { platformVersion: pv } : {}), ...(net ? { networkConfiguration: net } : {}),
      }],
      events: [], createdAtMs: sim.now, steady: false, consecutiveStartFailures: 0, throttledUntilMs: 0, passPending: false, retryAtMs: 0,
      taskArns: [], loadBalancers, serviceRegistries, ...(serviceConnect ? { serviceConnectConfiguration: serviceConnect } : {}), tags: (input.tags as { key: string; value: string }[]) ?? [],
      ...(pv ? { platformVersion: pv } : {}), ...(net ? { networkConfiguration: net } : {}),
      ...(input.healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds as number } : {}),
    };
    if (svc.deploymentConfiguration.minimumHealthyPercent > svc.deploymentConfiguration.maximumPercent) {
      throw invalidParameter('minimumHealthyPercent must be less than or equal to maximumPercent.');
    }
    sim.world.services[arn] = svc;
    sim.emit('ServiceCreated', `Service ${name} was created with desired count ${desired}.`, { serviceArn: arn });
    requestPass(sim, svc);
    return { service: describeService(sim, svc) };
  },

  UpdateService(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const svc = findService(sim, cluster, input.service as string);
    if (!svc) throw serviceNotFound();
    if (svc.status !== 'ACTIVE') throw new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
    let newDeployment = input.forceNewDeployment === true;
    let td = undefined as TaskDefinition | undefined;
    if (input.taskDefinition !== undefined) {
      td = taskDefinitionForLaunch(sim, input.taskDefinition as string, 'Service');
      if (td.taskDefinitionArn !== svc.taskDefinition) newDeployment = true;
    }
    const effectiveTd = td ?? findTaskDefinition(sim, svc.taskDefinition)!;
    const strategies = input.placementStrategy as PlacementStrategy[] | undefined;
    const constraints = input.placementConstraints as { type: string; expression?: string }[] | undefined;
    checkPlacement(strategies, constraints, effectiveTd);
    if (onFargate(svc) && ((strategies?.length ?? 0) || (constraints?.length ?? 0))) {
      throw invalidParameter('Task placement strategies and constraints are not supported for the Fargate launch type.');
    }
    const net = input.networkConfiguration as NetworkConfiguration | undefined;
    if (net !== undefined || td) checkNetwork(sim, effectiveTd, onFargate(svc) ? 'FARGATE' : 'EC2', net ?? svc.networkConfiguration);
    const newStrategy = input.capacityProviderStrategy as CapacityProviderStrategyItem[] | undefined;
    if (newStrategy !== undefined) {
      if (input.forceNewDeployment !== true) {
        throw invalidParameter('When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.');
      }
      const capacity = resolveCapacity(sim, cluster, undefined, newStrategy.length ? newStrategy : undefined, effectiveTd);
      if (capacity.launchType !== (onFargate(svc) ? 'FARGATE' : 'EC2')) {
        throw invalidParameter('A service cannot move between Fargate and EC2 capacity; create a new service instead.');
      }
      if (capacity.strategy) {
        svc.capacityProviderStrategy = capacity.strategy;
        delete svc.launchType;
      }
    }
    if (net !== undefined) newDeployment = true;
    if (input.desiredCount !== undefined) {
      if (svc.schedulingStrategy === 'DAEMON') throw invalidParameter('The desired count cannot be set for a service with the DAEMON scheduling strategy.');
      svc.desiredCount = input.desiredCount as number;
    }
    const dc = input.deploymentConfiguration as Partial<Service['deploymentConfiguration']> | undefined;
    if (dc) {
      svc.deploymentConfiguration = { ...svc.deploymentConfiguration, ...dc };
      if (svc.schedulingStrategy === 'DAEMON' && svc.deploymentConfiguration.maximumPercent !== 100) {
        throw invalidParameter('The maximumPercent of a service with the DAEMON scheduling strategy must be 100.');
      }
    }
    if (strategies) svc.placementStrategy = strategies;
    if (constraints) svc.placementConstraints = constraints;
    if (input.healthCheckGracePeriodSeconds !== undefined) svc.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds as number;
    if (net) svc.networkConfiguration = net;
    if (td) svc.taskDefinition = td.taskDefinitionArn;
    if (newDeployment) {
      const pv = onFargate(svc) ? platformVersionFor(effectiveTd, (input.platformVersion as string | undefined) ?? svc.platformVersion) : undefined;
      startDeployment(sim, svc, svc.taskDefinition, pv);
    }
    svc.deployments[0]!.desiredCount = svc.desiredCount;
    sim.emit('ServiceUpdated', `Service ${svc.serviceName} was updated${newDeployment ? ' (new deployment)' : ''}: desired count ${svc.desiredCount}.`, { serviceArn: svc.serviceArn });
    requestPass(sim, svc);
    return { service: describeService(sim, svc) };
  },

  DeleteService(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const svc = findService(sim, cluster, input.service as string);
    if (!svc || svc.status === 'INACTIVE') throw serviceNotFound();
    if (svc.status === 'DRAINING') return { service: describeService(sim, svc) };
    if (svc.schedulingStrategy === 'REPLICA' && svc.desiredCount > 0 && input.force !== true) {
      throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
    }
    svc.status = 'DRAINING';
    svc.desiredCount = 0;
    const primary = svc.deployments[0]!;
    for (const a of [...svc.taskArns]) {
      const t = sim.world.tasks[a];
      if (t && t.desiredStatus === 'RUNNING') stopTask(sim, t, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${primary.id})`);
    }
    sim.emit('ServiceStateChange', `Service ${svc.serviceName} is DRAINING (deleted).`, { serviceArn: svc.serviceArn, status: 'DRAINING' });
    requestPass(sim, svc);
    return { service: describeService(sim, svc) };
  },

  DescribeServices(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const services: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of input.services as string[]) {
      const s = findService(sim, cluster, r);
      if (s) services.push(describeService(sim, s));
      else failures.push({ arn: r.startsWith('arn:') ? r : sim.arn(`service/${cluster.clusterName}/${r}`), reason: 'MISSING' });
    }
    return { services, failures };
  },

  ListServices(sim, input) {
    const cluster = sim.cluster(input.cluster);
    return {
      serviceArns: Object.values(sim.world.services)
        .filter((s) => s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE' && (!input.launchType || s.launchType === input.launchType) &&
          (!input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy))
        .map((s) => s.serviceArn),
    };
  },
};
