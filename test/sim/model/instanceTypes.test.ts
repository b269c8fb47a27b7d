import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES, Sim } from '../../../src/sim';
import { INSTANCE_TYPE_NAMES } from '../../../src/sim/model/instanceTypes';

// The instance-type catalogue: every current family a learner meets, as data, with what ECS reads of
// a type (vCPU, memory, ENIs, architecture, GPUs) and what the cost meter reads (the price).
describe('the instance-type catalogue', () => {
  it('has general purpose, compute, memory, burstable, GPU and accelerated families, Intel and Graviton', () => {
    for (const t of [
      't3.micro',
      't4g.small',
      'm5.large',
      'm6i.xlarge',
      'm7i.large',
      'm7g.large',
      'c5.large',
      'c6i.large',
      'c7i.large',
      'c7g.large',
      'r5.large',
      'r6i.large',
      'r7i.large',
      'r7g.large',
      'g4dn.xlarge',
      'g5.xlarge',
      'g6.xlarge',
      'p4d.24xlarge',
      'inf2.xlarge',
      'g2.2xlarge',
    ]) {
      expect(INSTANCE_TYPES[t], t).toBeDefined();
    }
    expect(INSTANCE_TYPES['m7g.large']).toMatchObject({ vcpu: 2, memoryMiB: 8192, arch: 'arm64', cpuManufacturer: 'amazon-web-services', category: 'general' });
    expect(INSTANCE_TYPES['p4d.24xlarge']).toMatchObject({ vcpu: 96, gpus: 8, accelerator: { type: 'gpu', manufacturer: 'nvidia', name: 'a100', count: 8 } });
    expect(INSTANCE_TYPES['inf2.xlarge']).toMatchObject({ gpus: 0, accelerator: { type: 'inference', count: 1 } });
  });

  it('gives every type an on-demand price and an ENI limit, and trunking only to types that have it', () => {
    for (const t of Object.values(INSTANCE_TYPES)) {
      expect(t.price, t.name).toBeGreaterThan(0);
      expect(t.maxEni, t.name).toBeGreaterThanOrEqual(2);
      if (t.trunkEni !== undefined) expect(t.category === 'burstable' || t.category === 'accelerated', t.name).toBe(false);
    }
  });

  it('gives the memory the OS reports: the documented figure where AWS gives one, else 97.5 % of the nominal memory', () => {
    expect(INSTANCE_TYPES['m4.large']).toMatchObject({ memoryMiB: 8192, osMemoryMiB: 7985, generation: 'previous' });
    expect(INSTANCE_TYPES['c4.large']).toMatchObject({ memoryMiB: 3840, osMemoryMiB: 3768 });
    expect(INSTANCE_TYPES['c4.4xlarge']!.osMemoryMiB).toBe(30158);
    expect(INSTANCE_TYPES['m5.large']).toMatchObject({ vcpu: 2, memoryMiB: 8192, osMemoryMiB: 7987, maxEni: 3, trunkEni: 12, price: 0.096, family: 'm5', generation: 'current' });
    expect(INSTANCE_TYPES['t3.micro']).toMatchObject({ memoryMiB: 1024, osMemoryMiB: 998, category: 'burstable' });
    expect(INSTANCE_TYPES['t3.micro']).not.toHaveProperty('trunkEni');
    expect(INSTANCE_TYPES['t3.micro']).not.toHaveProperty('accelerator');
  });

  it('lists its type names in catalogue order, in a frozen record without a prototype', () => {
    expect(INSTANCE_TYPE_NAMES).toEqual(Object.keys(INSTANCE_TYPES));
    expect(new Set(INSTANCE_TYPE_NAMES).size).toBe(INSTANCE_TYPE_NAMES.length);
    expect(INSTANCE_TYPE_NAMES[0]).toBe('t2.micro');
    expect(INSTANCE_TYPE_NAMES.at(-1)).toBe('inf2.48xlarge');
    expect(Object.getPrototypeOf(INSTANCE_TYPES)).toBeNull();
    expect(Object.isFrozen(INSTANCE_TYPES)).toBe(true);
    expect(INSTANCE_TYPES['constructor']).toBeUndefined();
    for (const t of Object.values(INSTANCE_TYPES)) expect(t.name.startsWith(`${t.family}.`), t.name).toBe(true);
  });

  it('registers a GPU type with its GPUs and a Graviton type as arm64', () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'g4dn.12xlarge', ec2InstanceIds: ['i-gpu'], bootSeconds: 0 });
    sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'c7g.large', ec2InstanceIds: ['i-arm'], bootSeconds: 0 });
    sim.runUntil(1000);
    const arns = (sim.call('ecs.ListContainerInstances', { cluster: 'demo' }).output as { containerInstanceArns: string[] }).containerInstanceArns;
    const out = sim.call('ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: arns }).output as {
      containerInstances: { ec2InstanceId: string; registeredResources: { name: string; integerValue: number }[]; attributes: { name: string; value?: string }[] }[];
    };
    const gpu = out.containerInstances.find((c) => c.ec2InstanceId === 'i-gpu')!;
    expect(gpu.registeredResources.find((r) => r.name === 'GPU')?.integerValue).toBe(4);
    expect(gpu.registeredResources.find((r) => r.name === 'CPU')?.integerValue).toBe(48 * 1024);
    const arm = out.containerInstances.find((c) => c.ec2InstanceId === 'i-arm')!;
    expect(arm.attributes).toContainEqual({ name: 'ecs.cpu-architecture', value: 'arm64' });
  });

  it('refuses an unknown type, and a name that is only an inherited key, with the list of known types', () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    for (const bad of ['m9.huge', 'constructor', 'toString']) {
      const r = sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: bad });
      expect(r.error?.message).toMatch(new RegExp(`^Unknown instance type '${bad}'\\. Known types: t2\\.micro, .*m7g\\.large, .*inf2\\.48xlarge\\.$`));
    }
  });
});
