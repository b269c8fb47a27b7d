import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';
import { FAULT_EVENT } from '../../src/sim/core/engine';
import { inputShape, modelOf } from '../../src/sim/api/params';
import { PROTO_NAMES, prototypeSnapshot, runSteps, setupSteps, type FuzzStep } from '../../scripts/fuzz/engine';

/**
 * Every operation, with a name that is a member of Object.prototype as every name-like member (names, ids,
 * ARNs, tags, attributes, image names, instance ids, map keys): the built-in prototypes stay as they were,
 * no ServerException comes back, no handler faults, and a second run in the same process has the same events.
 */

/** A request for `operation` in which every free-text string (and every map key) is `name`. */
function requestWith(operation: string, name: string): Record<string, unknown> {
  const dot = operation.indexOf('.');
  const ns = operation.slice(0, dot);
  const model = modelOf(ns);
  const root = inputShape(ns, operation.slice(dot + 1));
  if (!model || !root) return {};
  const value = (shapeName: string, depth: number): unknown => {
    const s = model.shapes[shapeName];
    if (!s || depth > 5) return undefined;
    switch (s.t) {
      case 'structure': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.m ?? {})) {
          const x = value(v, depth + 1);
          if (x !== undefined) out[k] = x;
        }
        return out;
      }
      case 'list': {
        const x = value(s.e!, depth + 1);
        return x === undefined ? [] : [x];
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        const x = value(s.v!, depth + 1);
        if (x !== undefined) Object.defineProperty(out, name, { value: x, enumerable: true, writable: true, configurable: true });
        return out;
      }
      case 'string':
        return s.enum ? s.enum[0] : name;
      case 'boolean':
        return true;
      case 'integer':
      case 'long':
      case 'double':
      case 'float':
        return Math.min(s.max ?? 1, Math.max(s.min ?? 1, 1));
      case 'duration':
        return 1;
      default:
        return undefined;
    }
  };
  return value(root, 0) as Record<string, unknown>;
}

// Creating things first, then reading and changing them, then deleting them: so later calls meet what earlier ones made.
const phase = (op: string) => (/\.(Create|Register|Put|Launch|Run|Start|Build|Set|Compose(Up)?|Network|Process(Start)?)/.test(op) ? 0 : /\.(Delete|Deregister|Terminate|Stop|Rm|ComposeDown)/.test(op) ? 2 : 1);

function steps(name: string): FuzzStep[] {
  const ops = Sim.operations()
    .slice()
    .sort((a, b) => phase(a) - phase(b));
  return [...setupSteps(name), ...ops.map((call) => ({ call, input: requestWith(call, name) })), { advanceMs: 600_000 }];
}

describe('names that are members of Object.prototype, in every name-like member of every operation', () => {
  for (const name of PROTO_NAMES) {
    it(`"${name}" leaves the prototypes alone, answers no ServerException and runs the same twice`, () => {
      const before = prototypeSnapshot();
      const first = runSteps(steps(name));
      expect(prototypeSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).state).toBeUndefined();
      expect(first.serverErrors).toEqual([]);
      expect(first.thrown).toEqual([]);
      expect(first.calls).toBeGreaterThan(Sim.operations().length);
      const second = runSteps(steps(name));
      expect(second.eventHash).toBe(first.eventHash);
    });
  }

  it('the audit\'s cases: TerminateInstances of "__proto__", SetImage "__proto__", a target group ARN "valueOf"', () => {
    const sim = new Sim();
    expect(sim.call('sim.TerminateInstances', { instanceIds: ['__proto__'] }).error).toEqual({ code: 'InvalidParameterException', message: "The instance ID '__proto__' does not exist" });
    expect(({} as Record<string, unknown>).state).toBeUndefined();
    expect(sim.call('sim.SetImage', { image: '__proto__', exists: false }).error).toBeUndefined();
    expect(Object.getPrototypeOf(sim.world.images)).toBeNull();
    expect(Object.keys(sim.world.images)).toEqual(['__proto__']);
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    const r = sim.call('ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: 'valueOf', containerName: 'web', containerPort: 80 }] });
    expect(r.error?.code).not.toBe('ServerException');
    expect(sim.events.filter((e) => e.type === FAULT_EVENT)).toEqual([]);
  });

  it('a request member named "__proto__" is an unknown parameter in every namespace', () => {
    const sim = new Sim();
    for (const op of ['ecs.ListClusters', 'cloudwatch.DescribeAlarms', 'elbv2.DescribeLoadBalancers', 'sim.SetFargateSpotCapacity', 'docker.Ps']) {
      const r = sim.call(op, JSON.parse('{"__proto__": {"polluted": true}}'));
      expect(r.error?.code, op).toBe('ParamValidationError');
      expect(r.error?.message, op).toContain('Unknown parameter in input: "__proto__"');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps the world's tables without a prototype through a snapshot, a restore and a JSON round trip", () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: '__proto__' });
    const snap = sim.snapshot();
    sim.restore(JSON.parse(JSON.stringify(snap)));
    expect(Object.getPrototypeOf(sim.world.clusters)).toBeNull();
    expect(Object.getPrototypeOf(sim.world.docker.containers)).toBeNull();
    expect(sim.call('ecs.DescribeClusters', { clusters: ['__proto__'] }).output).toMatchObject({ clusters: [{ clusterName: '__proto__' }] });
    expect(sim.call('ecs.DescribeClusters', { clusters: ['constructor'] }).output).toMatchObject({ clusters: [], failures: [{ reason: 'MISSING' }] });
  });
});
