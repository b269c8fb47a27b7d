import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadOperations, Sim } from '../../../src/sim';
import { Timeline } from '../../../src/content/timeline';
import { eventHash } from '../../../src/content/report';
import { parseScenario } from '../../../src/content/scenario';
import { BUILT_IN_SCENARIOS, defaultWorkspace } from '../../../src/store/defaults';

// The engine as the page's production build starts it: src/sim/api/deferred.ts is replaced by the names of
// every namespace's operations and the request tables of the first operations alone (vite.config.ts, deferredOperationsPlugin), so their handlers
// and tables arrive only with loadOperations. Here the module is replaced the same way.
vi.mock('../../../src/sim/api/deferred', async () => {
  const actual = await vi.importActual<typeof import('../../../src/sim/api/deferred')>('../../../src/sim/api/deferred');
  const { FIRST_OPERATIONS } = await vi.importActual<typeof import('../../../src/sim/api/first')>('../../../src/sim/api/first');
  return { LOADED: undefined, NAMES: actual.NAMES, FIRST_MODELS: actual.modelsFor(FIRST_OPERATIONS), modelsFor: actual.modelsFor };
});

const FIRST_VIEW = defaultWorkspace();
const builtIn = (id: string) => BUILT_IN_SCENARIOS.find((b) => b.id === id)!.text!;
const calls = (text: string) => parseScenario(text, 'scenario.yaml').actions.map((a) => a.call);
function hashAt(text: string, seed: string, ms: number): string {
  const t = new Timeline(parseScenario(text, 'scenario.yaml'), seed, []);
  t.seek(ms);
  return eventHash(t.sim.events);
}

/** Each file under src/sim that calls an operation itself (`….call(`). */
function callers(): string[] {
  const root = resolve(import.meta.dirname, '../../../src/sim');
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : /\.ts$/.test(f) ? [join(d, f)] : []));
  return walk(root)
    .filter((f) => /\.call\(/.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')))
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
}

// One file, in order: the engine before loadOperations, then after.
describe('the engine before its other namespaces load, as the page starts it', () => {
  let partialHash = '';
  const dayHashes: string[] = [];

  it('knows every operation by name, in the order the complete engine lists them', () => {
    expect(Sim.hasOperation('elbv2.CreateLoadBalancer')).toBe(true);
    expect(Sim.hasOperation('elbv2.NoSuchThing')).toBe(false);
    const namespaces = [...new Set(Sim.operations().map((o) => o.slice(0, o.indexOf('.'))))];
    expect(namespaces).toEqual(['ecs', 'applicationautoscaling', 'cloudwatch', 'ec2', 'autoscaling', 'elbv2', 'servicediscovery', 'events', 'sim', 'docker', 'ecr']);
  });

  it('refuses a call to a namespace not loaded as a defect (ServerException), never as done or unknown', () => {
    const sim = new Sim();
    const r = sim.call('elbv2.CreateLoadBalancer', { Name: 'web' });
    expect(r.error).toEqual({ code: 'ServerException', message: 'Internal simulator error: the elbv2 operations have not loaded' });
    expect(Object.keys(sim.world.loadBalancers)).toEqual([]);
    // Express Mode makes its load balancer through elbv2: its call fails the same way, and is not one the page makes before loading.
    const e = sim.call('ecs.CreateExpressGatewayService', { serviceName: 'app', primaryContainer: { image: 'nginx' }, executionRoleArn: 'arn:aws:iam::123456789012:role/x', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/y' });
    expect(e.error?.code).toBe('ServerException');
    expect(Sim.loadedFor(['ecs.CreateExpressGatewayService'])).toBe(false);
  });

  it("accepts the first view's scenario, and only scenarios whose calls are all loaded", () => {
    expect(Sim.loadedFor(calls(FIRST_VIEW.scenarioText))).toBe(true);
    // The page starts with the operations the first view calls, not whole namespaces: a task definition waits.
    expect(Sim.loadedFor(calls(builtIn('binpack')))).toBe(false);
    expect(Sim.loadedFor(calls(builtIn('busy-cluster')))).toBe(false);
    expect(Sim.loadedFor(['ecs.CreateCluster', 'sim.LaunchInstances', 'docker.Build'])).toBe(true);
    expect(Sim.loadedFor(['ecs.RunTask'])).toBe(false);
    expect(Sim.loadedFor(['sim.TerminateInstances'])).toBe(false);
    expect(Sim.loadedFor(['docker.Run'])).toBe(false);
    expect(Sim.loadedFor(['ecs.RunTask', 'events.PutRule'])).toBe(false);
  });

  it('refuses an operation not loaded in a namespace partly loaded as a defect too', () => {
    const sim = new Sim();
    expect(sim.call('ecs.CreateCluster', { clusterName: 'demo' }).error).toBeUndefined();
    expect(sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx' }] }).error).toEqual({
      code: 'ServerException',
      message: 'Internal simulator error: the ecs operations have not loaded',
    });
    expect(Object.keys(sim.world.taskDefinitions)).toEqual([]);
    expect(sim.call('ecs.NoSuchThing', {}).error?.code).toBe('UnknownOperationException');
    // The operations it starts with have their request tables: their requests are checked as the complete engine checks them.
    const bad = sim.call('ecs.CreateCluster', { clusterName: 'b', settings: [{ name: 'containerInsights', value: 'enabled', bogus: 1 }] }).error;
    expect(bad?.code).toBe('ParamValidationError');
    expect(bad?.message).toMatch(/Unknown parameter in settings\[0\]: "bogus"/);
    expect(sim.call('sim.LaunchInstances', { cluster: 'demo', count: 'two' }).error?.code).toBe('ParamValidationError');
  });

  it("runs the first view's scenario for an hour, calling nothing that is not loaded", () => {
    const t = new Timeline(parseScenario(FIRST_VIEW.scenarioText, 'scenario.yaml'), FIRST_VIEW.seed, []);
    t.seek(3_600_000);
    expect(t.sim.events.filter((e) => / not loaded/.test(JSON.stringify(e)))).toEqual([]);
    expect(t.sim.engine.faults).toBe(0);
    partialHash = eventHash(t.sim.events);
    // Other seeds, for a day: the slots of the controllers not loaded never find work for them.
    for (const seed of ['7', 'classroom']) {
      const d = new Timeline(parseScenario(FIRST_VIEW.scenarioText, 'scenario.yaml'), seed, []);
      d.seek(86_400_000);
      expect(d.sim.engine.faults).toBe(0);
      dayHashes.push(eventHash(d.sim.events));
    }
  });

  it('stands for each controller not loaded with a slot that refuses a world it would have work in', () => {
    const sim = new Sim();
    expect(sim.call('ecs.CreateCluster', { clusterName: 'demo' }).error).toBeUndefined();
    // Only the operations not loaded make a service; one put in the world by hand finds the slot unable to act.
    sim.world.alarms.made = {} as (typeof sim.world.alarms)[string];
    sim.runUntil(180_000);
    expect(sim.engine.faults).toBeGreaterThan(0);
    expect(sim.events.some((e) => /the listener evaluateAlarms has not loaded/.test(JSON.stringify(e)))).toBe(true);
  });

  // The engine's own calls of an operation are where a world made by loaded operations could reach one not
  // loaded. There are two: Express Mode's (its operations are never loadedFor before the rest loads) and
  // EventBridge's RunTask (a rule exists only after events.PutRule, which loads the rest).
  it('calls operations itself only in Express Mode and EventBridge', () => {
    expect(callers()).toEqual(['api/ecs/expressIngress.ts', 'api/events.ts']);
    expect(readFileSync(resolve(import.meta.dirname, '../../../src/sim/api/events.ts'), 'utf8').match(/sim\.call\('([^']+)'/g)).toEqual(["sim.call('ecs.RunTask'"]);
  });

  it("after loadOperations, runs every operation, and the first view's world is the same", async () => {
    // A world made before the rest loaded takes the Docker host's containers, whose pending work arrives
    // with the rest, from its first call after: its run is the run of a world made after.
    const before = new Sim();
    expect(before.engine.handles('docker.ready')).toBe(false);
    await loadOperations();
    const after = new Sim();
    expect(after.engine.handles('docker.ready')).toBe(true);
    for (const sim of [before, after]) {
      expect(sim.call('docker.Run', { image: 'nginx:1.27', name: 'web', ports: ['8080:80'] }).error).toBeUndefined();
      sim.runUntil(120_000);
    }
    expect(before.engine.handles('docker.ready')).toBe(true);
    expect(eventHash(before.events)).toBe(eventHash(after.events));
    expect(before.world.docker.containers).toEqual(after.world.docker.containers);
    expect(Sim.loadedFor(calls(builtIn('busy-cluster')))).toBe(true);
    expect(new Sim().call('elbv2.CreateLoadBalancer', { Name: 'web' }).error).toBeUndefined();
    expect(hashAt(FIRST_VIEW.scenarioText, FIRST_VIEW.seed, 3_600_000)).toBe(partialHash);
    expect(['7', 'classroom'].map((seed) => hashAt(FIRST_VIEW.scenarioText, seed, 86_400_000))).toEqual(dayHashes);
    expect(hashAt(builtIn('busy-cluster'), '1', 120_000)).toMatch(/./);
  });
});
