import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/content/scenario';
import { Timeline, type Outcome } from '../../../src/content/timeline';
import { judge } from '../../../src/content/lesson/judge';
import { GoalTracker, learnerCalls, stopTracking, trackerFor } from '../../../src/content/lesson/tracker';
import type { Goal } from '../../../src/content/lesson/types';
import { bareLesson } from '../../support/contentLesson';

/** Two instances; at 10 s two tasks of `worker` start (RUNNING at 22.5 s); the learner may stop them. */
const scenario = parseScenario(
  `name: tracked
seed: 3
durations: { instanceBoot: 0 }
actions:
  - { call: ecs.CreateCluster, input: { clusterName: a } }
  - { call: sim.LaunchInstances, input: { cluster: a, instanceType: m5.large, availabilityZone: us-east-1a, ec2InstanceIds: [i-a1, i-a2] } }
  - { call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: w, image: busybox, memory: 512 } ] } }
  - { at: 10s, call: ecs.RunTask, input: { cluster: a, taskDefinition: worker, count: 2 } }
`,
  'tracked.yaml',
);

const running: Goal = { id: 'running', label: 'Two run', check: { index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, atLeast: 2 }, holdsFor: 30_000 };
const now: Goal = { id: 'now', label: 'A cluster', check: { index: 1, count: 'clusters', equals: 1 } };
const lesson = bareLesson([running, now]);

describe('learnerCalls', () => {
  const outcome = (o: Partial<Outcome> & Pick<Outcome, 'action' | 'command' | 'exitCode' | 'output'>): Outcome => o;

  it('is each action as the calls collection has it: when (s), what was asked, what it printed or its error, and the data beside', () => {
    const calls = learnerCalls([
      outcome({ action: { at: 1500, kind: 'command', line: 'aws ecs list-clusters' }, command: 'aws ecs list-clusters', exitCode: 0, output: '{}', response: { clusterArns: [] }, calls: [{ at: 1.5, call: 'ecs.ListClusters', input: {} }] }),
      outcome({
        action: { at: 2000, kind: 'call', call: 'ecs.DeleteCluster', input: { cluster: 'x' } },
        command: 'DeleteCluster',
        exitCode: 254,
        output: 'An error occurred',
        error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' },
      }),
      outcome({ action: { at: 3000, kind: 'command', line: 'nope' }, command: 'nope', exitCode: 127, output: 'nope: command not found', pieces: ['x', { key: 'console.empty' }] }),
      outcome({ action: { at: 4000, kind: 'command', line: 'echo' }, command: 'echo', exitCode: 0, output: '', pieces: ['plain text only'] }),
    ]);
    expect(calls).toEqual([
      { at: 1.5, call: 'aws ecs list-clusters', input: { command: 'aws ecs list-clusters' }, output: '{}', response: { clusterArns: [] }, calls: [{ at: 1.5, call: 'ecs.ListClusters', input: {} }] },
      { at: 2, call: 'ecs.DeleteCluster', input: { cluster: 'x' }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } },
      { at: 3, call: 'nope', input: { command: 'nope' }, error: { code: '127', message: 'nope: command not found' }, said: [{ key: 'console.empty' }] },
      { at: 4, call: 'echo', input: { command: 'echo' }, output: '' },
    ]);
  });
});

describe("learnerCalls of a timeline's transcript", () => {
  it('take the error code from what the API said, not from the printed text', () => {
    const t = new Timeline(parseScenario('name: calls\nactions: []\n', 'calls.yaml'));
    t.act({ kind: 'command', line: 'aws ecs list-tasks --cluster nope' });
    t.act({ kind: 'command', line: `aws ecs register-task-definition --cli-input-json '{"family": 5, "containerDefinitions": []}'` });
    t.act({ kind: 'command', line: 'curl localhost:9999/' });
    t.act({ kind: 'call', call: 'ecs.CreateCluster', input: { clusterName: 'demo' } });
    t.act({ kind: 'command', line: 'aws ecs describe-clusters --clusters demo' });
    const [missing, invalid, curl, created, described] = learnerCalls(t.transcript);
    expect(missing).toMatchObject({ call: 'aws ecs list-tasks --cluster nope', input: { command: 'aws ecs list-tasks --cluster nope' }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } });
    expect(missing!.calls).toEqual([expect.objectContaining({ call: 'ecs.ListTasks', error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } })]);
    expect(invalid!.error!.code).toBe('ParamValidationError');
    // Not an API call: the exit status and what was printed.
    expect(curl!.error).toEqual({ code: '7', message: expect.stringMatching(/^curl: \(7\) Failed to connect/) });
    expect(created).toMatchObject({ call: 'ecs.CreateCluster', input: { clusterName: 'demo' }, response: { cluster: { clusterName: 'demo' } } });
    expect(described!.output).toMatch(/^\{\n {4}"clusters"/);
    expect(described!.response).toMatchObject({ clusters: [{ clusterName: 'demo' }] });
  });
});

describe('GoalTracker', () => {
  it('samples only the goals that speak about time, every sampleEvery of simulated time from 0', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    const k = new GoalTracker(lesson);
    expect(k.every).toBe(10_000);
    k.watchFromStart(t);
    t.advanceTo(40_000);
    expect([...k.seen().keys()]).toEqual(['running']);
    expect(k.seen().get('running')).toEqual([
      { t: 0, ok: false },
      { t: 10_000, ok: false },
      { t: 20_000, ok: false },
      { t: 30_000, ok: true },
      { t: 40_000, ok: true },
    ]);
  });

  it('judges the lesson at the timeline’s moment from what it sampled, as judge does', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    const k = new GoalTracker(lesson);
    k.watchFromStart(t);
    t.advanceTo(45_000);
    const v = k.verdict(t);
    expect(v.checklist.map((c) => [c.id, c.passed, c.detail])).toEqual([
      ['running', false, 'true since 0:00:22.5; it must hold for 0:00:30, until 0:00:52.5'],
      ['now', true, ''],
    ]);
    expect(v).toEqual(judge(t.sim, lesson, [], k.seen()));
    t.advanceTo(60_000);
    expect(k.verdict(t).passed).toBe(true);
  });

  it('watches only from time 0', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    t.advanceTo(5_000);
    expect(() => new GoalTracker(lesson).watchFromStart(t)).toThrow('a tracker watches a timeline from time 0; later, it learns the past by a replay');
  });

  it('forgets what it saw from a moment on when the world goes back there, and samples again as the clock passes', () => {
    const t = new Timeline(scenario);
    const k = new GoalTracker(lesson);
    k.watchFromStart(t);
    t.advanceTo(40_000);
    const all = k.seen().get('running')!.slice();
    const before = k.revision;
    k.rewind(20_000);
    expect(
      k
        .seen()
        .get('running')!
        .map((s) => s.t),
    ).toEqual([0, 10_000]);
    expect(k.revision).toBeGreaterThan(before);
    // Scrubbing the timeline back tells the tracker; going forward again samples the same.
    t.seek(15_000);
    expect(
      k
        .seen()
        .get('running')!
        .map((s) => s.t),
    ).toEqual([0, 10_000]);
    t.seek(40_000);
    expect(k.seen().get('running')).toEqual(all);
  });

  it('a tracker without goals over time takes no samples', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    const k = new GoalTracker(bareLesson([now]));
    k.watchFromStart(t);
    t.advanceTo(30_000);
    expect(k.seen().size).toBe(0);
    expect(k.revision).toBe(0);
  });

  it('adopts a copy of what another tracker saw', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    const a = new GoalTracker(lesson);
    a.watchFromStart(t);
    t.advanceTo(30_000);
    const b = new GoalTracker(lesson);
    b.adopt(a);
    expect(b.seen()).toEqual(a.seen());
    t.advanceTo(50_000);
    expect(b.seen().get('running')).toHaveLength(4);
    expect(a.seen().get('running')).toHaveLength(6);
  });
});

describe('trackerFor and stopTracking', () => {
  it('gives the same tracker for the same lesson on a timeline, and a new one for another lesson', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    const k = trackerFor(t, lesson);
    expect(trackerFor(t, lesson)).toBe(k);
    const other = bareLesson([running]);
    expect(trackerFor(t, other)).not.toBe(k);
  });

  it('attached after time 0, it knows what a tracker watching from the start saw (by a replay)', () => {
    const watched = new Timeline(scenario, scenario.seed, [], { history: false });
    const fromStart = trackerFor(watched, lesson);
    watched.advanceTo(35_000);
    const late = new Timeline(scenario, scenario.seed, [], { history: false });
    late.advanceTo(35_000);
    const k = trackerFor(late, lesson);
    expect(k.seen()).toEqual(fromStart.seen());
    late.advanceTo(60_000);
    watched.advanceTo(60_000);
    expect(k.seen()).toEqual(fromStart.seen());
  });

  it('after stopTracking no more samples are taken, and the next trackerFor starts again', () => {
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    const k = trackerFor(t, lesson);
    t.advanceTo(20_000);
    stopTracking(t);
    t.advanceTo(50_000);
    expect(
      k
        .seen()
        .get('running')!
        .map((s) => s.t),
    ).toEqual([0, 10_000, 20_000]);
    const again = trackerFor(t, lesson);
    expect(again).not.toBe(k);
    expect(
      again
        .seen()
        .get('running')!
        .map((s) => s.t),
    ).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    // Stopping a timeline nobody tracks does nothing.
    expect(() => stopTracking(new Timeline(scenario, scenario.seed, [], { history: false }))).not.toThrow();
  });
});
