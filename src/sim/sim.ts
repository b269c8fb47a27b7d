import { cloneData } from './core/clone';
import { DOCKER_OPERATIONS, registerDockerHandlers } from './controllers/docker';
import { Engine, type EngineSnapshot, type SimEvent } from './core/engine';
import { ApiError } from './api/errors';
import { validateParams, ecsInputShape } from './api/params';
import { createWorld, arn, type WorldOptions, type WorldState } from './world';
import { registerTaskHandlers } from './controllers/tasks';
import { registerInstanceHandlers } from './controllers/instances';
import { registerServiceHandlers } from './controllers/services';
import { registerMetricHandlers } from './controllers/metrics';
import { ECS_OPERATIONS } from './api/ecs';
import { SIM_OPERATIONS, registerSimOpHandlers } from './api/simOps';
import { AAS_OPERATIONS, CLOUDWATCH_OPERATIONS } from './api/autoscaling';
import { AUTOSCALING_OPERATIONS, EC2_OPERATIONS } from './api/asgApi';
import { ELBV2_OPERATIONS } from './api/elbv2';
import { SERVICEDISCOVERY_OPERATIONS } from './api/servicediscovery';
import { EVENTS_OPERATIONS, registerEventHandlers } from './api/events';
import { registerElbHandlers } from './controllers/elb';
import { registerAutoscalingHandlers } from './controllers/autoscaling';
import { registerAsgHandlers } from './controllers/asg';
import { placeWaiting, registerCasHandlers } from './controllers/cas';
import type { Cluster } from './model/types';

export type CallResult = { output: unknown; error?: undefined } | { error: { code: string; message: string }; output?: undefined };

export type Operation = (sim: Sim, input: Record<string, unknown>) => unknown;

export interface SimOptions extends WorldOptions {
  seed?: string | number;
}

/** The APIs a scenario can call, by the prefix it uses: `ecs.RunTask`, `sim.LaunchInstances`, … */
const NAMESPACES: Record<string, Record<string, Operation>> = {
  ecs: ECS_OPERATIONS,
  applicationautoscaling: AAS_OPERATIONS,
  cloudwatch: CLOUDWATCH_OPERATIONS,
  ec2: EC2_OPERATIONS,
  autoscaling: AUTOSCALING_OPERATIONS,
  elbv2: ELBV2_OPERATIONS,
  servicediscovery: SERVICEDISCOVERY_OPERATIONS,
  events: EVENTS_OPERATIONS,
  sim: SIM_OPERATIONS,
  docker: DOCKER_OPERATIONS,
};

export interface SimSnapshot {
  engine: EngineSnapshot;
  world: WorldState;
  /** The timeline up to the snapshot (events are never mutated, so this is a shallow copy). */
  log: SimEvent[];
}

/**
 * One simulated AWS account and region: the engine, the world and the API. State changes only
 * through `call` (an API or simulator operation) and the clock (`runUntil`, `step`); every change
 * is written to the typed event log `events`.
 */
export class Sim {
  readonly engine: Engine;
  world: WorldState;

  constructor(opts: SimOptions = {}) {
    this.engine = new Engine(String(opts.seed ?? 1));
    this.world = createWorld(opts);
    registerInstanceHandlers(this);
    registerTaskHandlers(this);
    registerServiceHandlers(this);
    registerSimOpHandlers(this);
    registerMetricHandlers(this);
    registerAutoscalingHandlers(this);
    registerAsgHandlers(this);
    registerCasHandlers(this);
    registerElbHandlers(this);
    registerEventHandlers(this);
    registerDockerHandlers(this);
    this.engine.on('cluster.placeWaiting', (ev) => placeWaiting(this, ev.cluster as string));
  }

  /** Simulated time in milliseconds. */
  get now(): number {
    return this.engine.now;
  }

  get events(): readonly SimEvent[] {
    return this.engine.log;
  }

  /** Names of every operation `call` accepts ("ecs.RunTask", "sim.LaunchInstances", …). */
  static operations(): string[] {
    return Object.entries(NAMESPACES).flatMap(([ns, ops]) => Object.keys(ops).map((o) => `${ns}.${o}`));
  }

  static hasOperation(name: string): boolean {
    const dot = name.indexOf('.');
    const ops = NAMESPACES[name.slice(0, dot)];
    return ops !== undefined && Object.hasOwn(ops, name.slice(dot + 1));
  }

  /**
   * Calls an operation. Never throws: bad input and refused requests come back as
   * `{ error: { code, message } }` with AWS's error type and message.
   */
  call(operation: string, input: unknown = {}): CallResult {
    const [ns, op] = operation.split('.', 2) as [string, string | undefined];
    try {
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw new ApiError('ParamValidationError', `Parameter validation failed:\nInvalid type for parameter input, value: ${JSON.stringify(input)}, valid types: <class 'dict'>`);
      }
      const args = input as Record<string, unknown>;
      const ops = NAMESPACES[ns];
      if (ops && op && Object.hasOwn(ops, op)) {
        if (ns === 'ecs' && ecsInputShape(op)) validateParams(op, args);
        return { output: ops[op]!(this, structuredClone(args)) };
      }
      throw new ApiError('UnknownOperationException', `Unknown operation '${operation}'. Known operations: ${Sim.operations().join(', ')}.`);
    } catch (e) {
      if (e instanceof ApiError) return { error: { code: e.code, message: e.message } };
      // A defect in the simulator: report it as AWS reports its own failures, never throw.
      const message = e instanceof Error ? e.message : String(e);
      return { error: { code: 'ServerException', message: `Internal simulator error: ${message}` } };
    }
  }

  /** Advances the clock to `ms`, processing every event due by then. */
  runUntil(ms: number): void {
    this.engine.runUntil(ms);
  }

  /** Processes the next pending event; false when nothing is pending. */
  step(): boolean {
    return this.engine.step();
  }

  snapshot(): SimSnapshot {
    return { engine: this.engine.snapshot(), world: cloneData(this.world), log: this.engine.log.slice() };
  }

  restore(s: SimSnapshot): void {
    this.engine.restore(s.engine, s.log);
    this.world = cloneData(s.world);
  }

  // ---- helpers shared by the controllers ----

  arn(resource: string): string {
    return arn(this.world, resource);
  }

  /** Random lowercase hex from the "ids" stream. */
  hex(n: number): string {
    const r = this.engine.rng.stream('ids');
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
    return s;
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  emit(type: string, message: string, data?: Record<string, unknown>): void {
    this.engine.emit(type, message, data);
  }

  /** API timestamp (epoch seconds) of a simulated time. */
  ts(ms: number | undefined): number | undefined {
    return ms === undefined ? undefined : this.world.epochSeconds + ms / 1000;
  }

  /** Finds a cluster by name or ARN ("default" when omitted). */
  cluster(ref: unknown): Cluster {
    const name = typeof ref === 'string' && ref !== '' ? ref : 'default';
    const key = name.startsWith('arn:') ? name : this.arn(`cluster/${name}`);
    const c = this.world.clusters[key];
    if (!c || c.status !== 'ACTIVE') throw new ApiError('ClusterNotFoundException', 'Cluster not found.');
    return c;
  }
}
