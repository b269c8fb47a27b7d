import { describe, expect, it } from 'vitest';
import { deploymentId, productionRevisionArn } from '../../../../src/sim/controllers/services/start';
import type { Deployment, Service } from '../../../../src/sim/model/types';
import { ec2TaskDef, ec2World, ok } from '../../../support/controllerWorld';

describe('starting a deployment', () => {
  it('deployment ids are ecs-svc/ and 19 digits', () => {
    const sim = ec2World(0);
    const ids = [deploymentId(sim), deploymentId(sim)];
    expect(ids[0]).toMatch(/^ecs-svc\/\d{19}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('the production revision is the last completed deployment’s, else the previous primary’s', () => {
    const prev = [{ serviceRevisionArn: 'rev-prev' }] as Deployment[];
    expect(productionRevisionArn({ lastCompleted: { serviceRevisionArn: 'rev-done' } } as Service, prev)).toBe('rev-done');
    expect(productionRevisionArn({} as Service, prev)).toBe('rev-prev');
    expect(productionRevisionArn({} as Service, [])).toBeUndefined();
  });

  it('UpdateService makes the new deployment PRIMARY and the old ACTIVE, with a revision and a service deployment whose source is the old revision', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(180_000);
    const svc = Object.values(sim.world.services)[0]!;
    svc.consecutiveStartFailures = 4;
    svc.throttledUntilMs = 999_999;
    ec2TaskDef(sim, 'web', { image: 'web:2' });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    const [fresh, old] = svc.deployments;
    expect(fresh).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment ${fresh!.id} in progress.`, desiredCount: 1, failedTasks: 0, createdAtMs: 180_000 });
    expect(old!.status).toBe('ACTIVE');
    expect(svc.taskDefinition).toBe(fresh!.taskDefinition);
    // A new deployment resets the start-failure back-off.
    expect([svc.consecutiveStartFailures, svc.throttledUntilMs]).toEqual([0, 0]);
    const rev = sim.world.serviceRevisions[fresh!.serviceRevisionArn!]!;
    expect(rev.containerImages).toEqual([{ containerName: 'app', image: 'web:2' }]);
    const sd = sim.world.serviceDeployments[fresh!.serviceDeploymentArn!]!;
    expect(sd).toMatchObject({ strategy: 'ROLLING', sourceRevisionArns: [old!.serviceRevisionArn], targetRevisionArn: rev.serviceRevisionArn });
  });
});
