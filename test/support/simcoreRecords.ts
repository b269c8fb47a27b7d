import { Sim } from '../../src/sim';
import type { Cluster, Container, ContainerInstance, Service, Task } from '../../src/sim/model/types';

/**
 * Hand-built records for the engine's queries: a Sim with one cluster `demo`, and tasks, containers and
 * container instances made from a few fields, put straight into its world (no clock, no controller).
 */

export function demoSim(): { sim: Sim; cluster: Cluster } {
  const sim = new Sim({ seed: 'records' });
  const r = sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  if (r.error) throw new Error(r.error.message);
  return { sim, cluster: sim.world.clusters[sim.arn('cluster/demo')]! };
}

export function containerRecord(over: Partial<Container> & { name: string }): Container {
  return {
    containerArn: `arn:aws:ecs:us-east-1:123456789012:container/demo/${over.name}-0000-1111-2222-333344445555`,
    image: 'nginx',
    essential: true,
    state: 'RUNNING',
    healthStatus: 'UNKNOWN',
    healthFailures: 0,
    networkBindings: [],
    ...over,
  };
}

/** A task of cluster `demo` with id `id`, RUNNING on EC2 in bridge mode unless `over` says otherwise, added to the world. */
export function taskRecord(sim: Sim, id: string, over: Partial<Task> = {}): Task {
  const t: Task = {
    taskArn: sim.arn(`task/demo/${id}`),
    id,
    clusterArn: sim.arn('cluster/demo'),
    taskDefinitionArn: sim.arn('task-definition/web:1'),
    family: 'web',
    group: 'family:web',
    launchType: 'EC2',
    availabilityZone: 'us-east-1a',
    networkMode: 'bridge',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAtMs: 1000,
    containers: [containerRecord({ name: 'web' })],
    overrides: { containerOverrides: [] },
    reserved: { cpu: 0, memory: 0, gpu: 0, eni: 0, ports: [], portsUdp: [] },
    reachedRunning: true,
    version: 1,
    gen: 0,
    tags: [],
    ...over,
  };
  sim.world.tasks[t.taskArn] = t;
  sim.world.taskOrder.push(t.taskArn);
  return t;
}

/** An ACTIVE container instance `id` of cluster `demo` with the CPU and memory given, listed by its cluster, added to the world. */
export function instanceRecord(sim: Sim, id: string, over: Partial<ContainerInstance> = {}): ContainerInstance {
  const ci: ContainerInstance = {
    containerInstanceArn: sim.arn(`container-instance/demo/${id}`),
    id,
    clusterArn: sim.arn('cluster/demo'),
    ec2InstanceId: `i-${id}`,
    order: 1,
    status: 'ACTIVE',
    agentConnected: true,
    connectionLost: false,
    agentGen: 0,
    reconnectAttempts: 0,
    registeredAtMs: 0,
    availabilityZone: 'us-east-1a',
    subnetId: 'subnet-us-east-1a',
    instanceType: 'm5.large',
    registeredCpu: 2048,
    registeredMemory: 7680,
    registeredGpu: 0,
    reservedPorts: [22],
    reservedPortsUdp: [],
    maxEni: 3,
    usedCpu: 0,
    usedMemory: 0,
    usedGpu: 0,
    usedEni: 0,
    usedPorts: [],
    usedPortsUdp: [],
    attributes: [],
    taskArns: [],
    version: 1,
    ...over,
  };
  sim.world.containerInstances[ci.containerInstanceArn] = ci;
  sim.world.clusters[ci.clusterArn]!.instanceArns.push(ci.containerInstanceArn);
  return ci;
}

/** A call that must succeed: its output. */
export function ok(sim: Sim, operation: string, input: Record<string, unknown>): Record<string, unknown> {
  const r = sim.call(operation, input);
  if (r.error) throw new Error(`${operation}: ${r.error.message}`);
  return r.output as Record<string, unknown>;
}

/** Service `name` of cluster `demo` (task definition `web`, desired count 2), made by the API with the clock still at 0: it has no tasks yet. */
export function serviceRecord(sim: Sim, name = 'web', input: Record<string, unknown> = {}): Service {
  if (!sim.world.taskDefinitions.web) ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: name, taskDefinition: 'web', desiredCount: 2, ...input });
  return sim.world.services[sim.arn(`service/demo/${name}`)]!;
}

/** A task of the service's newest deployment, listed by the service, added to the world. */
export function serviceTask(sim: Sim, svc: Service, id: string, over: Partial<Task> = {}): Task {
  const t = taskRecord(sim, id, { serviceArn: svc.serviceArn, deploymentId: svc.deployments[0]!.id, group: `service:${svc.serviceName}`, ...over });
  svc.taskArns.push(t.taskArn);
  return t;
}
