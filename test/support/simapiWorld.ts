import { Sim } from '../../src/sim';

/** An answer's output, read loosely: tests name the members they look at. */
export type Out = Record<string, any>;

/** Calls `op` and returns its output; a refusal fails the test with AWS's code and message. */
export function ok(sim: Sim, op: string, input: Record<string, unknown> = {}): Out {
  const r = sim.call(op, input);
  if (r.error) throw new Error(`${op} was refused: ${r.error.code}: ${r.error.message}`);
  return r.output as Out;
}

/** Calls `op` expecting a refusal and returns its code and message; an answer fails the test. */
export function refused(sim: Sim, op: string, input: Record<string, unknown> = {}): { code: string; message: string } {
  const r = sim.call(op, input);
  if (!r.error) throw new Error(`${op} answered instead of refusing: ${JSON.stringify(r.output).slice(0, 300)}`);
  return r.error;
}

/** A web container on host port 80 (bridge network mode). */
export const WEB = { name: 'web', image: 'nginx', memory: 128, cpu: 128, essential: true, portMappings: [{ containerPort: 80, hostPort: 80 }] };

/**
 * Cluster `demo` with `instances` m5.large container instances (registered: the clock is at 2 min) and
 * task definition `web:1` (bridge, host port 80).
 */
export function apiWorld(instances = 2, seed = 'simapi'): Sim {
  const sim = new Sim({ seed });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  if (instances > 0) ok(sim, 'sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', count: instances });
  ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [WEB] });
  sim.runUntil(120_000);
  return sim;
}

/** Registers an awsvpc Fargate task definition `family` (256 CPU, 512 MiB) and returns its ARN. */
export function fargateTaskDefinition(sim: Sim, family = 'app', extra: Record<string, unknown> = {}): string {
  const out = ok(sim, 'ecs.RegisterTaskDefinition', {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: family, image: 'nginx', essential: true, portMappings: [{ containerPort: 80, name: 'http' }] }],
    ...extra,
  });
  return out.taskDefinition.taskDefinitionArn as string;
}

/** The network configuration of an awsvpc task in the default subnets. */
export const AWSVPC = { awsvpcConfiguration: { subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] } };

/** The container instance ARNs of cluster `demo`. */
export function instanceArns(sim: Sim, cluster = 'demo'): string[] {
  return ok(sim, 'ecs.ListContainerInstances', { cluster }).containerInstanceArns as string[];
}

/** A load balancer `lb` in two zones and a target group `tg` (ip targets); their ARNs. */
export function loadBalancer(sim: Sim, targetType = 'ip'): { lb: string; tg: string } {
  const lb = ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'lb', Subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] }).LoadBalancers[0].LoadBalancerArn as string;
  const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'tg', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-default', TargetType: targetType }).TargetGroups[0].TargetGroupArn as string;
  return { lb, tg };
}
