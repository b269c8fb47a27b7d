import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { instanceArns, ok, refused } from '../../support/simapiWorld';

function setup(): Sim {
  const sim = new Sim();
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  return sim;
}

describe('sim.LaunchInstances', () => {
  it('starts EC2 instances that register with the cluster once booted', () => {
    const sim = setup();
    const out = ok(sim, 'sim.LaunchInstances', { cluster: 'demo', instanceType: 't3.medium', count: 2, availabilityZone: 'us-east-1b' });
    expect(out.instances.map((i: { instanceType: string; availabilityZone: string; subnetId: string; state: string }) => [i.instanceType, i.availabilityZone, i.subnetId, i.state])).toEqual([
      ['t3.medium', 'us-east-1b', 'subnet-us-east-1b', 'pending'],
      ['t3.medium', 'us-east-1b', 'subnet-us-east-1b', 'pending'],
    ]);
    expect(instanceArns(sim)).toEqual([]);
    sim.runUntil(120_000);
    expect(instanceArns(sim)).toHaveLength(2);
  });

  it.each([
    ['an instance type it does not know', { instanceType: 'x9.huge' }, /^Unknown instance type 'x9\.huge'\. Known types: /],
    ['a zone of another region', { availabilityZone: 'eu-west-1a' }, /^Invalid availability zone: \[eu-west-1a\]$/],
    ['a subnet that does not exist', { subnetId: 'subnet-x' }, /^The subnet ID 'subnet-x' does not exist$/],
    ['an agent version that is not one', { agentVersion: 'latest' }, /^agentVersion must be a container agent version such as 1\.80\.0\.$/],
    ['ids for another count', { count: 2, ec2InstanceIds: ['i-1'] }, /^ec2InstanceIds must name exactly count instances\.$/],
  ])('refuses %s', (_, extra, message) => {
    const r = refused(setup(), 'sim.LaunchInstances', { cluster: 'demo', ...extra });
    expect(r.code).toBe('InvalidParameterException');
    expect(r.message).toMatch(message);
  });
});
