import { invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { Service, TaskDefinition } from '../../model/types';
import type * as Ecs from './inputs.generated';

/** What CreateService checks of a service's load balancers, Cloud Map registries and Service Connect names. */

/** A service's load balancers (§5.5): existing target groups behind a load balancer, a container port of the task definition, ip targets for awsvpc. */
export function checkLoadBalancers(sim: SimContext, td: TaskDefinition, lbs: Ecs.LoadBalancer[] | undefined): Service['loadBalancers'] {
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
    const adv = lb.advancedConfiguration;
    return {
      targetGroupArn: lb.targetGroupArn,
      containerName: c.name,
      containerPort: lb.containerPort,
      ...(adv
        ? {
            advancedConfiguration: {
              alternateTargetGroupArn: adv.alternateTargetGroupArn ?? '',
              productionListenerRule: adv.productionListenerRule ?? '',
              ...(adv.testListenerRule ? { testListenerRule: adv.testListenerRule } : {}),
              roleArn: adv.roleArn ?? '',
            },
          }
        : {}),
    };
  });
}

/** serviceRegistries (§8.1): awsvpc tasks give A (and SRV with a port) records; bridge and host tasks SRV records with containerName and containerPort. */
export function checkRegistries(sim: SimContext, td: TaskDefinition, regs: Ecs.ServiceRegistry[] | undefined): Service['serviceRegistries'] {
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
    return { registryArn: d.Arn, ...(r.containerName ? { containerName: r.containerName } : {}), ...(r.containerPort !== undefined ? { containerPort: r.containerPort } : {}), ...(r.port !== undefined ? { port: r.port } : {}) };
  });
}

/** Service Connect names (§8.2): discoveryName defaults to the port name, client aliases to discoveryName.namespace. */
export function checkServiceConnect(sim: SimContext, td: TaskDefinition, serviceName: string, sc: Ecs.ServiceConnectConfiguration | undefined): Service['serviceConnectConfiguration'] {
  if (!sc || sc.enabled === false) return undefined;
  const nsRef = sc.namespace;
  const ns = Object.values(sim.world.namespaces).find((n) => n.Name === nsRef || n.Arn === nsRef);
  if (!ns) throw invalidParameter(`The Service Connect namespace ${String(nsRef)} does not exist.`);
  const services = (sc.services ?? []).map((s) => {
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
