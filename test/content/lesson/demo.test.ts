import { describe, expect, it } from 'vitest';
import { namedNodes, NODE_KINDS, nodeRef, readCallouts, readPauses } from '../../../src/content/lesson/demo';
import type { Scenario } from '../../../src/content/scenario';
import { parseYaml } from '../../../src/formats/yamlDoc';
import type { Problem } from '../../../src/formats/problem';

const scenario = (...calls: [string, Record<string, unknown>][]): Scenario => ({
  name: 's',
  seed: '1',
  durations: {},
  images: {},
  expect: [],
  actions: calls.map(([call, input], i) => ({ at: 0, call, input, index: i, source: i })),
});

const named = (sc: Scenario) => {
  const n = namedNodes(sc);
  return { ...Object.fromEntries(NODE_KINDS.map((k) => [k, [...n.names[k]]])), unnamedInstances: n.unnamedInstances };
};

/** A presenter member as the demo file has it: read with positions, problems named as the reader names them. */
function presenter(yaml: string) {
  const doc = parseYaml(`presenter:\n${yaml}`, 'd.yaml');
  expect(doc.errors).toEqual([]);
  const problems: Problem[] = [];
  const raw = (doc.data as { presenter: Parameters<typeof readPauses>[0] }).presenter;
  return { raw, doc, problems, said: () => problems.map((p) => `${p.line}:${p.column}: ${p.member}: ${p.message}`) };
}

describe('nodeRef', () => {
  it('reads kind:name for each kind of node, the name being everything after the first colon', () => {
    expect(nodeRef('instance:i-a1')).toEqual({ kind: 'instance', name: 'i-a1' });
    expect(nodeRef('loadBalancer:forum-alb')).toEqual({ kind: 'loadBalancer', name: 'forum-alb' });
    expect(nodeRef('family:a:b')).toEqual({ kind: 'family', name: 'a:b' });
  });

  it('is undefined for an unknown kind, no kind, no name or no colon', () => {
    for (const r of ['pod:web', ':web', 'service:', 'service', '']) expect(nodeRef(r), r).toBeUndefined();
  });
});

describe('namedNodes', () => {
  it('collects the clusters, services, families, load balancers and instances the requests name', () => {
    const sc = scenario(
      ['ecs.CreateCluster', { clusterName: 'prod' }],
      ['sim.LaunchInstances', { cluster: 'prod', ec2InstanceIds: ['i-a1', 'i-a2'] }],
      ['ecs.RegisterTaskDefinition', { family: 'web' }],
      ['ecs.CreateService', { cluster: 'prod', serviceName: 'web-svc' }],
      ['elbv2.CreateLoadBalancer', { Name: 'lb' }],
      ['ecs.DeleteService', { cluster: 'prod', serviceName: '' }],
    );
    expect(named(sc)).toEqual({ instance: ['i-a1', 'i-a2'], cluster: ['prod'], service: ['web-svc'], family: ['web'], loadBalancer: ['lb'], unnamedInstances: false });
  });

  it('knows when some instances get their ids only as the world runs: launched without ids, or by Auto Scaling or EC2', () => {
    expect(named(scenario(['sim.LaunchInstances', { cluster: 'a', count: 2 }])).unnamedInstances).toBe(true);
    expect(named(scenario(['autoscaling.CreateAutoScalingGroup', {}])).unnamedInstances).toBe(true);
    expect(named(scenario(['ec2.RunInstances', {}])).unnamedInstances).toBe(true);
    expect(named(scenario(['ecs.CreateCluster', { clusterName: 'a' }])).unnamedInstances).toBe(false);
  });
});

describe('readPauses', () => {
  it('reads each question’s times, words and choices, each choice’s predicate read as a goal under its label', () => {
    const p = presenter(`  pauses:
    - at: 40s
      revealAt: 50s
      prompt: "How many start?"
      reveal: "Two."
      choices:
        - { label: "Two", when: { count: tasks, equals: 2 } }
        - { label: "Steady", when: { count: tasks, atLeast: 1, holdsFor: 1m } }
    - { at: 2m, prompt: "And now?", reveal: "Still two." }
`);
    const pauses = readPauses(p.raw, 'd.yaml', p.doc, p.problems);
    expect(p.said()).toEqual([]);
    expect(pauses).toEqual([
      {
        at: 40_000,
        revealAt: 50_000,
        prompt: 'How many start?',
        reveal: 'Two.',
        choices: [
          { label: 'Two', when: { count: 'tasks', equals: 2 }, predicate: { id: 'presenter.pauses[0].choices[0].when', label: 'Two', check: { index: 0, count: 'tasks', equals: 2 } } },
          { label: 'Steady', when: { count: 'tasks', atLeast: 1, holdsFor: '1m' }, predicate: { id: 'presenter.pauses[0].choices[1].when', label: 'Steady', check: { index: 0, count: 'tasks', atLeast: 1 }, holdsFor: 60_000 } },
        ],
      },
      { at: 120_000, prompt: 'And now?', reveal: 'Still two.' },
    ]);
  });

  it('a choice’s problem is placed at its member inside the file', () => {
    const p = presenter(`  pauses:
    - at: 40s
      prompt: "?"
      reveal: "!"
      choices:
        - { label: "One", when: { count: tasks, equals: 1, holdsFor: soon } }
`);
    readPauses(p.raw, 'd.yaml', p.doc, p.problems);
    expect(p.said()).toEqual(['7:70: presenter.pauses[0].choices[0].when.holdsFor: expected a duration']);
  });

  it('no pauses: none', () => {
    const p = presenter('  callouts: []\n');
    expect(readPauses(p.raw, 'd.yaml', p.doc, p.problems)).toEqual([]);
  });
});

describe('readCallouts', () => {
  const sc = scenario(['ecs.CreateCluster', { clusterName: 'prod' }], ['sim.LaunchInstances', { cluster: 'prod', count: 1 }]);

  it('reads each callout’s times, node and text', () => {
    const p = presenter(`  callouts:
    - { at: 5s, until: 1m, node: "cluster:prod", text: "Watch" }
    - { at: 10s, text: "Now" }
    - { at: 20s, node: "instance:i-0123456789abcdef0", text: "The new one" }
`);
    expect(readCallouts(p.raw, sc, 'd.yaml', p.doc, p.problems)).toEqual([
      { at: 5_000, until: 60_000, node: 'cluster:prod', text: 'Watch' },
      { at: 10_000, text: 'Now' },
      { at: 20_000, node: 'instance:i-0123456789abcdef0', text: 'The new one' },
    ]);
    // An instance id given as the world runs cannot be checked before it runs.
    expect(p.said()).toEqual([]);
  });

  it('refuses a node the demo does not name, listing those it does, and an instance id the simulator would not give', () => {
    const p = presenter(`  callouts:
    - { at: 5s, node: "cluster:dev", text: "x" }
    - { at: 5s, node: "instance:i-a1", text: "x" }
    - { at: 5s, node: "service:web", text: "x" }
`);
    readCallouts(p.raw, sc, 'd.yaml', p.doc, p.problems);
    expect(p.said()).toEqual([
      "3:23: presenter.callouts[0].node: no cluster 'dev' in this demo (its requests name prod)",
      "4:23: presenter.callouts[1].node: no instance 'i-a1' in this demo",
      "5:23: presenter.callouts[2].node: no service 'web' in this demo",
    ]);
  });

  it('without callouts: none', () => {
    const p = presenter('  pauses: []\n');
    expect(readCallouts(p.raw, sc, 'd.yaml', p.doc, p.problems)).toEqual([]);
  });
});
