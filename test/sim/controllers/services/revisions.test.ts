import { describe, expect, it } from 'vitest';
import { ok, shiftingWorld } from '../../../support/controllerWorld';

describe('service revisions', () => {
  it('capture what a deployment deploys: task definition, images, network, load balancers', () => {
    const { sim, blueTg } = shiftingWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, 60_000);
    const svc = Object.values(sim.world.services)[0]!;
    const rev = sim.world.serviceRevisions[svc.deployments[0]!.serviceRevisionArn!]!;
    expect(rev).toMatchObject({
      serviceArn: svc.serviceArn,
      clusterArn: svc.clusterArn,
      taskDefinition: svc.taskDefinition,
      launchType: 'FARGATE',
      containerImages: [{ containerName: 'app', image: 'shop:1' }],
      networkConfiguration: svc.networkConfiguration,
      createdAtMs: 0,
    });
    expect(rev.serviceRevisionArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-revision\/demo\/shop\/\d{19}$/);
    // The first revision has no production revision before it: it keeps the service's own target group.
    expect(rev.targetGroups.map((g) => g.targetGroupArn)).toEqual([blueTg]);
  });

  it('with an alternate target group, each new revision takes the one the production revision does not use', () => {
    const { sim, blueTg, greenTg } = shiftingWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
    const svc = Object.values(sim.world.services)[0]!;
    const tgOf = () => sim.world.serviceRevisions[svc.deployments[0]!.serviceRevisionArn!]!.targetGroups[0]!.targetGroupArn;
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    expect(tgOf()).toBe(greenTg);
    sim.runUntil(1_200_000);
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:1' });
    expect(tgOf()).toBe(blueTg);
  });
});
