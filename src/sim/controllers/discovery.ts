import type { SimContext } from '../model/context';
import type { Task } from '../model/types';
import { say } from '../model/narration';

/**
 * Cloud Map service discovery for ECS services (ecs-spec §8.1): a service task is registered as an
 * instance when it runs, with the attributes ECS sets, and deregistered when it is asked to stop;
 * its health follows the task's. DNS answers with the healthy instances (up to 8), or with up to 8
 * unhealthy ones when none is healthy (Route 53 multivalue answers).
 */

/** Listener of `taskChanged`: a service task that is RUNNING is registered in its service's Cloud Map services. */
export function taskChangedDiscovery(sim: SimContext, t: Task): void {
  if (t.serviceArn !== undefined && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING') registerInstance(sim, t);
}

/** Registers a RUNNING service task in its Cloud Map services. */
function registerInstance(sim: SimContext, t: Task): void {
  const svc = t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
  if (!svc || !svc.serviceRegistries.length) return;
  const cluster = sim.world.clusters[t.clusterArn]!;
  svc.serviceRegistries.forEach((reg) => {
    const d = Object.values(sim.world.discoveryServices).find((x) => x.Arn === reg.registryArn);
    if (!d || d.instances.some((i) => i.InstanceId === t.id)) return;
    let ip = t.privateIp;
    let port = reg.port;
    if (t.networkMode !== 'awsvpc') {
      // bridge/host: the instance's address and the host port of the container port (SRV records).
      ip = t.ec2InstanceId ? sim.world.ec2[t.ec2InstanceId]?.privateIp : undefined;
      port = t.containers.find((c) => c.name === reg.containerName)?.networkBindings.find((b) => b.containerPort === reg.containerPort)?.hostPort;
    } else if (reg.containerPort !== undefined) port = reg.containerPort;
    if (!ip) return;
    const attributes: Record<string, string> = {
      AWS_INSTANCE_IPV4: ip,
      AVAILABILITY_ZONE: t.availabilityZone,
      REGION: sim.world.region,
      ECS_SERVICE_NAME: svc.serviceName,
      ECS_CLUSTER_NAME: cluster.clusterName,
      ECS_TASK_DEFINITION_FAMILY: t.family,
      ...(port !== undefined ? { AWS_INSTANCE_PORT: String(port) } : {}),
      ...(t.ec2InstanceId ? { EC2_INSTANCE_ID: t.ec2InstanceId } : {}),
    };
    d.instances.push({ InstanceId: t.id, Attributes: attributes, HealthStatus: t.healthStatus === 'UNHEALTHY' ? 'UNHEALTHY' : 'HEALTHY', taskArn: t.taskArn });
    sim.emit('CloudMapRegistered', say('CloudMapRegistered.registered', { id: t.id, service: d.Name, address: `${ip}${port !== undefined ? `:${port}` : ''}` }), { serviceId: d.Id, instanceId: t.id });
  });
}

/** Listener of `taskStopping` and `taskKilled`: deregisters a task from every Cloud Map service. */
export function deregisterInstance(sim: SimContext, t: Task): void {
  for (const d of Object.values(sim.world.discoveryServices)) {
    const before = d.instances.length;
    d.instances = d.instances.filter((i) => i.taskArn !== t.taskArn);
    if (d.instances.length !== before) sim.emit('CloudMapDeregistered', say('CloudMapDeregistered.deregistered', { id: t.id, service: d.Name }), { serviceId: d.Id, instanceId: t.id });
  }
}

/** Listener of `taskHealthChanged`: ECS reports the task's health to Cloud Map (custom health checks). */
export function updateInstanceHealth(sim: SimContext, t: Task): void {
  for (const d of Object.values(sim.world.discoveryServices)) {
    const i = d.instances.find((x) => x.taskArn === t.taskArn);
    if (i) i.HealthStatus = t.healthStatus === 'UNHEALTHY' ? 'UNHEALTHY' : 'HEALTHY';
  }
}
