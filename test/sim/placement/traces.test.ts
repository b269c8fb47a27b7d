import { describe, expect, it } from 'vitest';
import { Sim, type PlacementTrace } from '../../../src/sim';
import { expandTrace, recordTrace } from '../../../src/sim/placement/traces';
import { MAX_TRACES } from '../../../src/sim/model/world';

/** An EC2 decision kept in columns, over instances the world no longer has: one rejected for memory, one ranked by two strategies. */
function columnsTrace(): PlacementTrace {
  return {
    id: 7,
    atMs: 1000,
    group: 'family:web',
    strategies: ['spread(attribute:ecs.availability-zone)', 'binpack(memory)'],
    strategyForms: [
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ],
    constraints: [],
    need: { cpu: 0, memory: 2048, gpu: 0 },
    requiredAttributes: [],
    chosen: 'arn:b',
    columns: { arns: ['arn:a', 'arn:b'], codes: Uint8Array.of(6, 0), nums: Float64Array.of(1024, 0), scores: Float64Array.of(NaN, NaN, 0, 4096), kept: Uint8Array.of(0, 2) },
  };
}

describe('the ring of traces', () => {
  it('keeps the most recent decisions only', () => {
    const w = new Sim({ seed: 1 }).world;
    for (let i = 1; i <= MAX_TRACES + 3; i++) recordTrace(w, { id: i, atMs: i, group: 'g', strategies: [], constraints: [] });
    expect(w.traces).toHaveLength(MAX_TRACES);
    expect(w.traces[0]!.id).toBe(4);
    expect(w.traces.at(-1)!.id).toBe(MAX_TRACES + 3);
  });
});

describe('expandTrace', () => {
  const w = new Sim({ seed: 1 }).world;

  it('answers the API the English only, in the order it always had', () => {
    const t = expandTrace(w, columnsTrace());
    expect(JSON.stringify(t)).toBe(
      JSON.stringify({
        id: 7,
        atMs: 1000,
        group: 'family:web',
        strategies: ['spread(attribute:ecs.availability-zone)', 'binpack(memory)'],
        constraints: [],
        need: { cpu: 0, memory: 2048, gpu: 0 },
        requiredAttributes: [],
        chosen: 'arn:b',
        candidates: [
          { containerInstanceArn: 'arn:a', ec2InstanceId: '', availabilityZone: '', rejectedBy: 'RESOURCE:MEMORY', detail: 'needs 2048 MiB, 1024 MiB remaining' },
          {
            containerInstanceArn: 'arn:b',
            ec2InstanceId: '',
            availabilityZone: '',
            ranks: [
              { strategy: 'spread(attribute:ecs.availability-zone)', value: 0, kept: true },
              { strategy: 'binpack(memory)', value: 4096, kept: true },
            ],
            chosen: true,
          },
        ],
      }),
    );
  });

  it("gives the page each detail's form and each rank's strategy as data", () => {
    const t = expandTrace(w, columnsTrace(), { forms: true });
    expect(t.strategyForms).toHaveLength(2);
    expect(t.candidates![0]!.detailForm).toEqual({ code: 'memory', values: { need: '2048', left: '1024' } });
    expect(t.candidates![1]!.ranks!.map((r) => [r.type, r.field])).toEqual([
      ['spread', 'attribute:ecs.availability-zone'],
      ['binpack', 'memory'],
    ]);
  });

  it('keeps the forms of a trace that holds its rows (Fargate) out of the API answer, and leaves the kept trace as it was', () => {
    const kept: PlacementTrace = {
      id: 8,
      atMs: 0,
      group: 'family:f',
      strategies: ['spread(availability-zone)'],
      strategyForms: [{ type: 'spread', field: 'availability-zone' }],
      constraints: [],
      candidates: [
        { containerInstanceArn: '', ec2InstanceId: '', availabilityZone: 'us-east-1a', rejectedBy: 'RESOURCE:ENI', detail: 'subnet s-1 has no free IP addresses', detailForm: { code: 'subnetFull', values: { subnet: 's-1' } } },
        { containerInstanceArn: '', ec2InstanceId: '', availabilityZone: 'us-east-1b', ranks: [{ strategy: 'spread(availability-zone)', value: 0, kept: true }], chosen: true },
      ],
      failure: { reason: 'RESOURCE:ENI', detail: 'no subnet has a free IP address', detailForm: { code: 'noSubnet', values: {} } },
    };
    const before = JSON.stringify(kept);
    const plain = expandTrace(w, kept);
    expect(Object.keys(plain)).toEqual(['id', 'atMs', 'group', 'strategies', 'constraints', 'candidates', 'failure']);
    expect(plain.candidates![0]).toEqual({ containerInstanceArn: '', ec2InstanceId: '', availabilityZone: 'us-east-1a', rejectedBy: 'RESOURCE:ENI', detail: 'subnet s-1 has no free IP addresses' });
    expect(plain.failure).toEqual({ reason: 'RESOURCE:ENI', detail: 'no subnet has a free IP address' });
    const forms = expandTrace(w, kept, { forms: true });
    expect(forms.candidates![0]!.detailForm).toEqual({ code: 'subnetFull', values: { subnet: 's-1' } });
    expect(forms.candidates![1]!.ranks).toEqual([{ strategy: 'spread(availability-zone)', value: 0, kept: true, type: 'spread', field: 'availability-zone' }]);
    expect(forms.failure!.detailForm).toEqual({ code: 'noSubnet', values: {} });
    expect(JSON.stringify(kept)).toBe(before);
  });

  it('reads a spread bucket from the instance, with or without the strategies kept as data', () => {
    const sim = new Sim({ seed: 1, durations: { instanceBootMs: 0 } });
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-1'], availabilityZone: 'us-east-1b' });
    sim.runUntil(1);
    const arn = Object.keys(sim.world.containerInstances)[0]!;
    const t = { ...columnsTrace(), chosen: arn, columns: { arns: [arn], codes: Uint8Array.of(0), nums: Float64Array.of(0), scores: Float64Array.of(0, 4096), kept: Uint8Array.of(2) } };
    const { strategyForms: _, ...older } = t;
    for (const trace of [t, older]) {
      expect(expandTrace(sim.world, trace).candidates![0]).toMatchObject({ ec2InstanceId: 'i-1', availabilityZone: 'us-east-1b', chosen: true, ranks: [{ bucket: 'us-east-1b' }, { value: 4096 }] });
    }
  });
});
