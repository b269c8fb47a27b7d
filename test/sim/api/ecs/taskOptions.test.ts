import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { AWSVPC, fargateTaskDefinition, ok } from '../../../support/simapiWorld';

/** Cluster `demo` and Fargate task definitions `app` and `data` (with volume `store` configured at launch). */
function world(): Sim {
  const sim = new Sim();
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  fargateTaskDefinition(sim);
  fargateTaskDefinition(sim, 'data', { volumes: [{ name: 'store', configuredAtLaunch: true }] });
  return sim;
}
const run = (sim: Sim, extra: Record<string, unknown>) => sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: AWSVPC, ...extra });
const role = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';

describe('overrides of a launch', () => {
  it('take ephemeral storage of 21 to 200 GiB', () => {
    const sim = world();
    expect(run(sim, { overrides: { ephemeralStorage: { sizeInGiB: 21 } } }).error).toBeUndefined();
    expect(run(sim, { overrides: { ephemeralStorage: { sizeInGiB: 200 } } }).error).toBeUndefined();
    expect(run(sim, { overrides: { ephemeralStorage: { sizeInGiB: 201 } } }).error).toEqual({
      code: 'InvalidParameterException',
      message: "Invalid 'ephemeralStorage.sizeInGiB' override: 201. The minimum supported value is 21 GiB and the maximum supported value is 200 GiB.",
    });
  });

  it('name containers of the task definition', () => {
    const sim = world();
    expect(run(sim, { overrides: { containerOverrides: [{ name: 'app', command: ['true'] }] } }).error).toBeUndefined();
    expect(run(sim, { overrides: { containerOverrides: [{ name: 'sidecar' }] } }).error?.message).toBe('Override for container named sidecar is not a container in the TaskDefinition.');
  });
});

describe('EBS volumes configured at launch', () => {
  it('give each task a volume of the size and type given (gp3, deleted with the task, by default)', () => {
    const sim = world();
    const r = run(sim, { taskDefinition: 'data', count: 2, volumeConfigurations: [{ name: 'store', managedEBSVolume: { roleArn: role, sizeInGiB: 30 } }] });
    expect(r.error).toBeUndefined();
    sim.runUntil(300_000);
    const arns = (r.output as { tasks: { taskArn: string }[] }).tasks.map((t) => t.taskArn);
    const tasks = ok(sim, 'ecs.DescribeTasks', { cluster: 'demo', tasks: arns }).tasks as { attachments: { type: string; status: string; details: { name: string; value: string }[] }[] }[];
    const volumes = tasks.map((t) => t.attachments.find((a) => a.type === 'AmazonElasticBlockStorage')!);
    expect(volumes.map((v) => v.status)).toEqual(['ATTACHED', 'ATTACHED']);
    const detail = (v: (typeof volumes)[number], name: string) => v.details.find((d) => d.name === name)?.value;
    expect(volumes.map((v) => [detail(v, 'volumeName'), detail(v, 'sizeInGiB'), detail(v, 'volumeType'), detail(v, 'deleteOnTermination')])).toEqual([
      ['store', '30', 'gp3', 'true'],
      ['store', '30', 'gp3', 'true'],
    ]);
    expect(detail(volumes[0]!, 'volumeId')).not.toBe(detail(volumes[1]!, 'volumeId'));
  });

  it.each([
    ['no configuration for the volume', undefined, "The task definition's volume 'store' is configured at launch: the request needs a volumeConfigurations entry for it."],
    [
      'a volume the task definition does not configure at launch',
      [{ name: 'other', managedEBSVolume: { roleArn: role, sizeInGiB: 1 } }],
      "The volume 'other' in volumeConfigurations does not match a volume of the task definition that is configured at launch.",
    ],
    ['no managedEBSVolume', [{ name: 'store' }], "The volume configuration 'store' needs a managedEBSVolume."],
    ['neither a size nor a snapshot', [{ name: 'store', managedEBSVolume: { roleArn: role } }], "The volume configuration 'store' needs a sizeInGiB or a snapshotId."],
    ['an st1 volume under 125 GiB', [{ name: 'store', managedEBSVolume: { roleArn: role, volumeType: 'st1', sizeInGiB: 100 } }], 'Invalid sizeInGiB 100 for a st1 volume: it must be between 125 and 16384 GiB.'],
    ['an unknown volume type', [{ name: 'store', managedEBSVolume: { roleArn: role, volumeType: 'gp4', sizeInGiB: 10 } }], "Invalid volumeType 'gp4'. Valid values are gp2, gp3, io1, io2, st1, sc1 and standard."],
  ])('refuse %s, starting nothing', (_, volumeConfigurations, message) => {
    const sim = world();
    expect(run(sim, { taskDefinition: 'data', volumeConfigurations }).error).toEqual({ code: 'InvalidParameterException', message });
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo' }).taskArns).toEqual([]);
  });
});
