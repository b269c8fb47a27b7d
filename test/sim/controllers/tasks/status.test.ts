import { describe, expect, it } from 'vitest';
import { imageRef } from '../../../../src/sim/controllers/tasks/status';
import { ec2TaskDef, ec2World, ok } from '../../../support/controllerWorld';

describe('imageRef: the reference a pull error prints', () => {
  it('puts an official image under docker.io/library and adds :latest', () => {
    expect(imageRef('nginx')).toBe('docker.io/library/nginx:latest');
    expect(imageRef('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
  });
  it('puts a user image under docker.io without library/', () => {
    expect(imageRef('bitnami/redis')).toBe('docker.io/bitnami/redis:latest');
  });
  it('keeps a registry host (a dot, a port or localhost) and a digest as they are', () => {
    expect(imageRef('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2')).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2');
    expect(imageRef('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(imageRef('public.ecr.aws/nginx/nginx@sha256:abc')).toBe('public.ecr.aws/nginx/nginx@sha256:abc');
  });
});

describe('a task’s status changes', () => {
  it('each write one TaskStateChange event with the status, the desired status and the instance', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    sim.runUntil(100_000);
    const id = Object.values(sim.world.containerInstances)[0]!.ec2InstanceId;
    const evs = (sim.events as readonly Record<string, any>[]).filter((e) => e.type === 'TaskStateChange' && e.taskArn === arn);
    expect(evs.map((e) => [e.lastStatus, e.desiredStatus, e.message])).toEqual([
      ['PENDING', 'RUNNING', `Task ${sim.world.tasks[arn]!.id} (web) is PENDING on ${id}.`],
      ['RUNNING', 'RUNNING', `Task ${sim.world.tasks[arn]!.id} (web) is RUNNING on ${id}.`],
    ]);
    expect(sim.world.tasks[arn]!.connectedAtMs).toBe(60_000);
  });
});
