import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ServedAccount } from '../../../src/cli/serve/account';
import { simRoute } from '../../../src/cli/serve/simRoutes';

const at = (path: string) => new URL(path, 'http://127.0.0.1:4567');

function served() {
  const a = new ServedAccount(new Sim({ seed: 1 }), 'routes', '1');
  return {
    a,
    get: (path: string) => simRoute(a, 'GET', at(path), ''),
    post: (path: string, body: unknown) => simRoute(a, 'POST', at(path), typeof body === 'string' ? body : JSON.stringify(body)),
  };
}

describe("the served account's /_sim/ routes", () => {
  it('calls any engine operation, answering its output, or its error with 400', () => {
    const { a, post } = served();
    const made = post('/_sim/call', { operation: 'ecs.CreateCluster', input: { clusterName: 'demo' } });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ output: { cluster: { clusterName: 'demo', status: 'ACTIVE' } } });
    expect(post('/_sim/call', { operation: 'ecs.ListClusters' })).toEqual({ status: 200, body: { output: { clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/demo'] } } });
    expect(post('/_sim/call', { operation: 'ecs.DescribeServices', input: { cluster: 'nope', services: ['x'] } })).toEqual({ status: 400, body: { error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } } });
    expect(a.calls.map((c) => c.call)).toEqual(['ecs.CreateCluster', 'ecs.ListClusters', 'ecs.DescribeServices']);
  });

  it('calls in another region when the body names one', () => {
    const { a, post } = served();
    post('/_sim/call', { operation: 'ecs.CreateCluster', input: { clusterName: 'away' }, region: 'eu-west-1' });
    expect(Object.values(a.world('eu-west-1').world.clusters).map((c) => c.clusterName)).toEqual(['away']);
    expect(a.main.world.clusters).toEqual({});
    expect(post('/_sim/call', { operation: 'ecs.ListClusters', region: 3 })).toEqual({ status: 400, body: { error: { code: 'InvalidParameterException', message: 'region must be a string.' } } });
  });

  it('refuses a call without an operation, and a body that is not a JSON object', () => {
    const { post } = served();
    expect(post('/_sim/call', { input: {} })).toEqual({ status: 400, body: { error: { code: 'InvalidParameterException', message: 'Give the operation, as in {"operation": "sim.LaunchInstances", "input": {...}}.' } } });
    const notJson = post('/_sim/call', '{oops');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: 'SerializationException', message: expect.stringMatching(/^The body is not JSON: /) } });
    for (const body of ['[1]', 'null', '"text"']) expect(post('/_sim/advance', body)).toEqual({ status: 400, body: { error: { code: 'SerializationException', message: 'The body must be a JSON object.' } } });
  });

  it('advances the clock by or to seconds or a duration, never backwards, and answers the clock in seconds', () => {
    const { a, post } = served();
    expect(post('/_sim/advance', { by: 90 })).toEqual({ status: 200, body: { clock: 90 } });
    expect(post('/_sim/advance', { by: '1m' })).toEqual({ status: 200, body: { clock: 150 } });
    expect(post('/_sim/advance', { to: '5m' })).toEqual({ status: 200, body: { clock: 300 } });
    expect(post('/_sim/advance', { to: 60 })).toEqual({ status: 200, body: { clock: 300 } });
    expect(a.now).toBe(300_000);
  });

  it('wants exactly one of by and to, each a duration', () => {
    const { a, post } = served();
    const refused = { status: 400, body: { error: { code: 'InvalidParameterException', message: 'Give one of by or to: seconds, or a duration such as "90s" or "5m".' } } };
    expect(post('/_sim/advance', {})).toEqual(refused);
    expect(post('/_sim/advance', '')).toEqual(refused);
    expect(post('/_sim/advance', { by: 10, to: 20 })).toEqual(refused);
    expect(post('/_sim/advance', { by: 'soon' })).toEqual(refused);
    expect(a.now).toBe(0);
  });

  it("gives the events from an index on with the index to ask from next, and the runner's report of the state", () => {
    const { post, get } = served();
    post('/_sim/call', { operation: 'ecs.CreateCluster', input: { clusterName: 'demo' } });
    const first = get('/_sim/events') as { status: number; body: { events: { message: string }[]; next: number } };
    expect(first.body.events.map((e) => e.message)).toEqual(['Cluster demo was created.']);
    expect(first.body.next).toBe(1);
    post('/_sim/call', { operation: 'sim.LaunchInstances', input: { cluster: 'demo', instanceType: 'm5.large', count: 1 } });
    post('/_sim/advance', { by: '2m' });
    const later = get(`/_sim/events?since=${first.body.next}`) as typeof first;
    expect(later.body.events.length).toBeGreaterThan(0);
    expect(later.body.events.map((e) => e.message)).not.toContain('Cluster demo was created.');
    expect(later.body.next).toBe(first.body.next + later.body.events.length);
    expect(get(`/_sim/events?since=${later.body.next}`).body).toEqual({ events: [], next: later.body.next });
    const state = get('/_sim/state') as { status: number; body: { scenario: string; seed: string; clock: number; containerInstances: unknown[]; calls: unknown[] } };
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ scenario: 'routes', seed: '1', clock: 120 });
    expect(state.body.containerInstances).toHaveLength(1);
  });

  it('refuses an events index that is not a whole number', () => {
    const { get } = served();
    for (const since of ['-1', '1.5', 'first']) {
      expect(get(`/_sim/events?since=${since}`)).toEqual({ status: 400, body: { error: { code: 'InvalidParameterException', message: `since must be a whole number of events, not '${since}'.` } } });
    }
  });

  it('lists every operation it calls, and names its routes for any other', () => {
    const { get, a } = served();
    expect(get('/_sim/operations')).toEqual({ status: 200, body: { operations: Sim.operations() } });
    expect(Sim.operations()).toEqual(expect.arrayContaining(['sim.LaunchInstances', 'ecs.RunTask']));
    const missing = simRoute(a, 'DELETE', at('/_sim/call'), '');
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'NotFound', message: 'No DELETE /_sim/call: the simulator answers POST /_sim/call, POST /_sim/advance, GET /_sim/state, GET /_sim/events?since=N, GET /_sim/operations.' } },
    });
    expect(get('/_sim/nothing').status).toBe(404);
  });
});
