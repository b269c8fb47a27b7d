import { describe, expect, it } from 'vitest';
import { describeExpectation, evaluate, type Collections } from '../../src/content/evaluate';
import type { CallRecord } from '../../src/content/calls';
import { workerWorld } from '../support/contentLesson';

const calls: CallRecord[] = [
  { at: 0, call: 'ecs.CreateCluster', id: 'make', input: { clusterName: 'a' }, output: { cluster: { clusterName: 'a', status: 'ACTIVE' } } },
  { at: 1, call: 'ecs.DeleteCluster', input: { cluster: 'x' }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } },
];

describe('evaluate: a call', () => {
  const sim = workerWorld(2, 30_000);

  it('names the call by its index or id; passes when it was made and answered or failed as expected', () => {
    expect(evaluate(sim, { index: 0, call: 0 }, calls)).toEqual({ index: 0, label: 'call 0 answers as expected', passed: true, seen: { output: calls[0]!.output } });
    expect(evaluate(sim, { index: 1, call: 'make', ok: true, output: { 'cluster.status': 'ACTIVE' } }, calls).passed).toBe(true);
    expect(evaluate(sim, { index: 1, call: 'make', output: { 'cluster.status': 'INACTIVE' } }, calls).passed).toBe(false);
    expect(evaluate(sim, { index: 1, call: 'make', ok: false }, calls).passed).toBe(false);
    expect(evaluate(sim, { index: 2, call: 1, error: { code: 'ClusterNotFoundException' } }, calls)).toEqual({
      index: 2,
      label: 'call 1 fails as expected',
      passed: true,
      seen: { error: calls[1]!.error },
    });
    // An error expected of a call that answered, or an output of a call that failed: not passed.
    expect(evaluate(sim, { index: 3, call: 'make', error: { code: 'X' } }, calls).passed).toBe(false);
    expect(evaluate(sim, { index: 3, call: 'make', error: {} }, calls).passed).toBe(false);
    expect(evaluate(sim, { index: 3, call: 1, output: {} }, calls).passed).toBe(false);
  });

  it('a call that was not made does not pass, and says so', () => {
    expect(evaluate(sim, { index: 0, call: 'later' }, calls)).toMatchObject({ passed: false, seen: 'the call was not made' });
    expect(evaluate(sim, { index: 0, call: 5 }, calls)).toMatchObject({ passed: false, seen: 'the call was not made' });
  });
});

describe('evaluate: events', () => {
  const sim = workerWorld(2, 30_000);

  it('an event: the first that matches, or that none does', () => {
    const r = evaluate(sim, { index: 0, event: { type: 'TaskStateChange', message: { contains: 'RUNNING' } } }, []);
    expect(r.passed).toBe(true);
    expect(r.seen).toMatchObject({ t: 22_500, type: 'TaskStateChange' });
    expect(evaluate(sim, { index: 0, event: { type: 'ServiceCreated' } }, [])).toMatchObject({ passed: false, seen: 'no matching event' });
  });

  it('a sequence: each condition matched by an event after the previous one’s, or which one was missing', () => {
    const inOrder = evaluate(sim, { index: 0, sequence: [{ type: 'ClusterCreated' }, { type: 'TaskStateChange' }, { type: 'TaskStateChange', message: { contains: 'RUNNING' } }] }, []);
    expect(inOrder.passed).toBe(true);
    expect((inOrder.seen as { t: number }[]).map((s) => s.t)).toEqual([0, 10_000, 22_500]);
    // Two ClusterCreated are needed; the world has one.
    expect(evaluate(sim, { index: 0, sequence: [{ type: 'ClusterCreated' }, { type: 'ClusterCreated' }] }, [])).toEqual({
      index: 0,
      label: 'events happen in order: {"type":"ClusterCreated"} then {"type":"ClusterCreated"}',
      passed: false,
      seen: { matchedInOrder: [{ t: 0, message: 'Cluster a was created.' }], missing: { type: 'ClusterCreated' } },
    });
  });
});

describe('evaluate: a count', () => {
  it('counts what matches in the collection and checks equals, atLeast and atMost together', () => {
    const sim = workerWorld(3, 30_000);
    const running = { count: 'tasks', where: { lastStatus: 'RUNNING' } };
    expect(evaluate(sim, { index: 0, ...running, equals: 2 }, [])).toEqual({ index: 0, label: 'count of tasks where {"lastStatus":"RUNNING"} = 2', passed: true, seen: 2 });
    expect(evaluate(sim, { index: 0, ...running, atLeast: 1, atMost: 1 }, []).passed).toBe(false);
    expect(evaluate(sim, { index: 0, ...running, atLeast: 1, atMost: 2 }, []).passed).toBe(true);
    expect(evaluate(sim, { index: 0, count: 'calls', where: { call: 'ecs.DeleteCluster' }, equals: 1 }, calls).passed).toBe(true);
    // A collection that does not exist is empty.
    expect(evaluate(sim, { index: 0, count: 'nothing', equals: 0 }, []).passed).toBe(true);
  });

  it('builds each collection once for conditions judged together', () => {
    const sim = workerWorld(2, 30_000);
    const built: Collections = new Map();
    evaluate(sim, { index: 0, count: 'tasks', equals: 2 }, [], built);
    const tasks = built.get('tasks')!;
    expect(tasks).toHaveLength(2);
    // What is built is what the next condition counts, even if the world moved on since.
    built.set('tasks', [...tasks, ...tasks]);
    expect(evaluate(sim, { index: 0, count: 'tasks', equals: 4 }, [], built).passed).toBe(true);
    expect(evaluate(sim, { index: 0, count: 'tasks', equals: 2 }, []).passed).toBe(true);
  });

  it('resolves references in the expectation first (${task:n}, ${call:id.path})', () => {
    const sim = workerWorld(2, 30_000);
    const first = sim.world.taskOrder[0]!;
    expect(evaluate(sim, { index: 0, count: 'tasks', where: { taskArn: '${task:0}' }, equals: 1 }, []).passed).toBe(true);
    expect(evaluate(sim, { index: 0, count: 'tasks', where: { taskArn: first }, equals: 1 }, []).passed).toBe(true);
    expect(evaluate(sim, { index: 0, count: 'clusters', where: { clusterName: '${call:make.cluster.clusterName}' }, equals: 1 }, calls).passed).toBe(true);
    // Its label is the expectation as written.
    expect(evaluate(sim, { index: 0, count: 'tasks', where: { taskArn: '${task:0}' }, equals: 1 }, []).label).toBe('count of tasks where {"taskArn":"${task:0}"} = 1');
  });
});

describe('describeExpectation', () => {
  it('says each kind of expectation, its bounds joined with and', () => {
    expect(describeExpectation({ index: 0, count: 'tasks', atLeast: 1, atMost: 3 })).toBe('count of tasks >= 1 and <= 3');
    expect(describeExpectation({ index: 0, count: 'tasks', atMost: 3 })).toBe('count of tasks <= 3');
    expect(describeExpectation({ index: 0, count: 'services', where: { serviceName: 'web' }, equals: 0 })).toBe('count of services where {"serviceName":"web"} = 0');
    expect(describeExpectation({ index: 0, event: { type: 'X' } })).toBe('an event matches {"type":"X"}');
    expect(describeExpectation({ index: 0, call: 'run', error: { code: 'X' } })).toBe('call run fails as expected');
  });

  it('a label given is used instead', () => {
    expect(evaluate(workerWorld(0, 10_000), { index: 0, label: 'No tasks', count: 'tasks', equals: 0 }, []).label).toBe('No tasks');
  });
});
