import { Sim, type SimOptions } from '../../src/sim';
import type { Task } from '../../src/sim/model/types';

/** Worlds the controller tests drive: a cluster `demo` with EC2 instances or Fargate, and small readers of what happened. */

/** Calls an operation and returns its output; a refused call fails the test with AWS's error. */
export function ok(sim: Sim, op: string, input: Record<string, unknown> = {}): Record<string, any> {
  const r = sim.call(op, input);
  if (r.error) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
  return r.output as Record<string, any>;
}

/** A Sim with cluster `demo` and `instances` m5.large container instances (one per AZ in turn), registered by 60 s. */
export function ec2World(instances: number, opts: SimOptions & { instanceType?: string } = {}): Sim {
  const { instanceType, ...rest } = opts;
  const sim = new Sim({ seed: 'controllers', ...rest });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  if (instances > 0) ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: instances, instanceType: instanceType ?? 'm5.large' });
  sim.runUntil(60_000);
  return sim;
}

/** Registers a one-container EC2 (bridge) task definition; `container` adds to or overrides the container. */
export function ec2TaskDef(sim: Sim, family: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  const out = ok(sim, 'ecs.RegisterTaskDefinition', { family, containerDefinitions: [{ name: 'app', image: `${family}:1`, cpu: 256, memory: 512, ...container }], ...extra });
  return out.taskDefinition.taskDefinitionArn as string;
}

/** Registers a one-container Fargate task definition (256 CPU, 512 MiB) of `image`. */
export function fargateTaskDef(sim: Sim, family: string, image = `${family}:1`, container: Record<string, unknown> = {}): string {
  const out = ok(sim, 'ecs.RegisterTaskDefinition', {
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image, ...container }],
  });
  return out.taskDefinition.taskDefinitionArn as string;
}

export const FARGATE_NETWORK = { awsvpcConfiguration: { subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] } };

/** Every task of the world, in creation order. */
export function allTasks(sim: Sim): Task[] {
  return sim.world.taskOrder.map((a) => sim.world.tasks[a]!);
}

/** The tasks of service `name` not yet STOPPED. */
export function liveTasks(sim: Sim, name: string): Task[] {
  return allTasks(sim).filter((t) => t.serviceArn?.endsWith(`/${name}`) && t.lastStatus !== 'STOPPED');
}

/** The lastStatus values a task went through with their times, from its TaskStateChange events. */
export function statusTimeline(sim: Sim, taskArn: string): [number, string][] {
  const out: [number, string][] = [];
  for (const e of sim.events as readonly Record<string, any>[]) {
    if (e.type !== 'TaskStateChange' || e.taskArn !== taskArn) continue;
    if (out.at(-1)?.[1] !== e.lastStatus) out.push([e.t, e.lastStatus]);
  }
  return out;
}

/** The messages of a service's events, oldest first. */
export function serviceMessages(sim: Sim, name: string): string[] {
  const svc = Object.values(sim.world.services).find((s) => s.serviceName === name)!;
  return svc.events.map((e) => e.message).reverse();
}

export interface ShiftingWorld {
  sim: Sim;
  blueTg: string;
  greenTg: string;
  prodRule: string;
  testRule: string;
}

/**
 * A Fargate service `shop` of two tasks behind a load balancer with a production rule (port 80) and a test rule
 * (port 8080) forwarding to target groups shop-blue and shop-green, deployed with `deploymentConfiguration`
 * (strategy and all); web:1 then web:2 are registered, and the world has run to `ready` ms.
 */
export function shiftingWorld(deploymentConfiguration: Record<string, unknown>, ready = 300_000): ShiftingWorld {
  const sim = new Sim({ seed: 'shifting' });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  for (const image of ['shop:1', 'shop:2']) fargateTaskDef(sim, 'shop', image, { portMappings: [{ containerPort: 80 }] });
  const lb = ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'shop-lb' }).LoadBalancers[0].LoadBalancerArn;
  const tg = (name: string) => ok(sim, 'elbv2.CreateTargetGroup', { Name: name, Port: 80, TargetType: 'ip', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 }).TargetGroups[0].TargetGroupArn as string;
  const blueTg = tg('shop-blue');
  const greenTg = tg('shop-green');
  const rule = (port: number) => {
    const listener = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: port, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn;
    const forward = {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: blueTg, Weight: 100 },
          { TargetGroupArn: greenTg, Weight: 0 },
        ],
      },
    };
    return ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/*'] }], Actions: [forward] }).Rules[0].RuleArn as string;
  };
  const prodRule = rule(80);
  const testRule = rule(8080);
  ok(sim, 'ecs.CreateService', {
    cluster: 'demo',
    serviceName: 'shop',
    taskDefinition: 'shop:1',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: FARGATE_NETWORK,
    loadBalancers: [
      {
        targetGroupArn: blueTg,
        containerName: 'app',
        containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: greenTg, productionListenerRule: prodRule, testListenerRule: testRule, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers' },
      },
    ],
    deploymentConfiguration,
  });
  sim.runUntil(ready);
  return { sim, blueTg, greenTg, prodRule, testRule };
}

/** The weights a forward rule gives its target groups now, by target group ARN. */
export function ruleWeights(sim: Sim, ruleArn: string): Record<string, number> {
  const rule = sim.world.rules[ruleArn]!;
  const forward = rule.Actions.find((a: { Type: string }) => a.Type === 'forward') as { ForwardConfig: { TargetGroups: { TargetGroupArn: string; Weight: number }[] } };
  return Object.fromEntries(forward.ForwardConfig.TargetGroups.map((t) => [t.TargetGroupArn, t.Weight]));
}

/**
 * Cluster `demo` with an Auto Scaling group `asg` of m5.large instances (`desired` at first, at most `max`) and a
 * capacity provider `cp` with managed scaling (`managedScaling` overrides it) and termination protection, as
 * the cluster's default strategy.
 */
export function casWorld(desired = 0, managedScaling: Record<string, unknown> = {}, max = 10): Sim {
  const sim = new Sim({ seed: 'cas' });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large', UserData: '#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n' } });
  ok(sim, 'autoscaling.CreateAutoScalingGroup', {
    AutoScalingGroupName: 'asg',
    LaunchTemplate: { LaunchTemplateName: 'node' },
    MinSize: 0,
    MaxSize: max,
    DesiredCapacity: desired,
    VPCZoneIdentifier: 'subnet-us-east-1a,subnet-us-east-1b',
    NewInstancesProtectedFromScaleIn: true,
  });
  ok(sim, 'ecs.CreateCapacityProvider', {
    name: 'cp',
    autoScalingGroupProvider: { autoScalingGroupArn: 'asg', managedScaling: { status: 'ENABLED', targetCapacity: 100, ...managedScaling }, managedTerminationProtection: 'ENABLED' },
  });
  ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
  return sim;
}
