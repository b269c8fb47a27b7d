import { own } from '../core/own';
import type { SimContext } from '../model/context';
import type { Deployment, Requirements, Task, TaskDefinition } from '../model/types';
import type { WorldState } from '../model/world';

/** Task-definition lookups and what a task definition asks of an instance. */

/** Resolves "family", "family:rev" or an ARN; a bare family means its latest ACTIVE revision. */
export function findTaskDefinition(sim: SimContext, ref: string): TaskDefinition | undefined {
  const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
  const [family, rev] = name.split(':');
  const revs = own(sim.world.taskDefinitions, family);
  if (!revs) return undefined;
  if (rev !== undefined) return /^\d+$/.test(rev) ? revs[Number(rev) - 1] : undefined;
  for (let i = revs.length - 1; i >= 0; i--) if (revs[i]!.status === 'ACTIVE') return revs[i];
  return undefined;
}

/** The revision a task-definition ARN names. */
export function taskDefinitionByArn(w: WorldState, arn: string): TaskDefinition | undefined {
  const [family, rev] = arn.slice(arn.lastIndexOf('/') + 1).split(':');
  return own(w.taskDefinitions, family)?.[Number(rev) - 1];
}

const tdCache = new WeakMap<object, Map<string, TaskDefinition | undefined>>();

/** The task definition a task runs. */
export function taskDefinitionOf(sim: SimContext, t: Task): TaskDefinition | undefined {
  // Task definitions are never removed from the world, so a lookup per world and ARN holds.
  let byArn = tdCache.get(sim.world);
  if (!byArn) {
    byArn = new Map();
    tdCache.set(sim.world, byArn);
  }
  let td = byArn.get(t.taskDefinitionArn);
  if (td === undefined) {
    td = taskDefinitionByArn(sim.world, t.taskDefinitionArn);
    if (td) byArn.set(t.taskDefinitionArn, td);
  }
  return td;
}

/** The task definition a deployment launches. */
export function deploymentTaskDefinition(sim: SimContext, dep: Deployment): TaskDefinition | undefined {
  return taskDefinitionByArn(sim.world, dep.taskDefinition);
}

/** What a task reserves on an instance (§2.2): task-level sizes win, else the container sums. */
export function requirementsOf(td: TaskDefinition, launchType: string): Requirements {
  const mode = td.networkMode ?? 'bridge';
  let cpu = 0;
  let memory = 0;
  let gpu = 0;
  const ports: number[] = [];
  const portsUdp: number[] = [];
  let dynamicPorts = 0;
  for (const c of td.containerDefinitions) {
    cpu += c.cpu ?? 0;
    memory += c.memoryReservation ?? c.memory ?? 0;
    for (const r of c.resourceRequirements ?? []) if (r.type === 'GPU') gpu += Number(r.value) || 0;
    if (launchType === 'FARGATE' || mode === 'awsvpc' || mode === 'none') continue;
    for (const pm of c.portMappings ?? []) {
      if (pm.containerPort === undefined) continue;
      const hp = mode === 'host' ? pm.containerPort : (pm.hostPort ?? 0);
      if (hp === 0) dynamicPorts++;
      else (pm.protocol === 'udp' ? portsUdp : ports).push(hp);
    }
  }
  if (td.cpu !== undefined) cpu = Number(td.cpu);
  if (td.memory !== undefined) memory = Number(td.memory);
  const attributes: { name: string; value?: string }[] = td.requiresAttributes.map((a) => ({ name: a.name }));
  const os = td.runtimePlatform?.operatingSystemFamily;
  if (os) attributes.push({ name: 'ecs.os-type', value: os.startsWith('WINDOWS') ? 'windows' : 'linux' });
  const arch = td.runtimePlatform?.cpuArchitecture;
  if (arch) attributes.push({ name: 'ecs.cpu-architecture', value: arch === 'ARM64' ? 'arm64' : 'x86_64' });
  return { cpu, memory, gpu, ports, portsUdp, dynamicPorts, eni: mode === 'awsvpc' && launchType !== 'FARGATE' ? 1 : 0, attributes };
}
