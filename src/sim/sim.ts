import { copyInput } from './core/clone';
import { Engine, type EngineSnapshot, type SimEvent } from './core/engine';
import { ApiError } from './core/errors';
import { SimContext, type CallResult } from './model/context';
import { createWorld, nullPrototypeTables, type WorldOptions, type WorldState } from './model/world';
import { copyWorld } from './model/snapshot';
import { MAX_EVENTS_PER_INSTANT } from './model/limits';
import { NOTICE_KINDS } from './model/notices';
import { PENDING_HANDLERS, type PendingEvent } from './model/pending';
import type { AnyOperation, Operation } from './api/operation';
import { validateClient } from './api/params';
import { validateService } from './api/service';
import { ECS_OPERATIONS } from './api/ecs/index';
import { registerExpressHandlers } from './api/ecs/express';
import { SIM_OPERATIONS } from './api/sim';
import { AAS_OPERATIONS } from './api/applicationautoscaling';
import { CLOUDWATCH_OPERATIONS } from './api/cloudwatch';
import { AUTOSCALING_OPERATIONS } from './api/autoscaling';
import { EC2_OPERATIONS } from './api/ec2';
import { ELBV2_OPERATIONS } from './api/elbv2';
import { SERVICEDISCOVERY_OPERATIONS } from './api/servicediscovery';
import { EVENTS_OPERATIONS, registerEventHandlers } from './api/events';
import { DOCKER_OPERATIONS } from './api/docker';
import { ECR_OPERATIONS } from './api/ecr';
import { registerDockerHandlers } from './controllers/docker';
import { killTasksOnHost, registerTaskHandlers } from './controllers/tasks';
import { registerInstanceHandlers } from './controllers/instances';
import { checkDeploymentAlarms, clusterChanged, registerServiceHandlers, requestPass, serviceEventNotice, serviceTaskChanged } from './controllers/services';
import { publishBillingMetrics, publishMetrics, registerMetricHandlers } from './controllers/metrics';
import { evaluateAlarms, registerAutoscalingHandlers } from './controllers/autoscaling';
import { asgInstanceGone, registerAsgHandlers } from './controllers/asg';
import { placeWaiting, registerCasHandlers, runClusterAutoScaling } from './controllers/cas';
import { drainTargets, registerElbHandlers, removeTargets, setForwardWeights, taskChangedTargets } from './controllers/elb';
import { deregisterInstance, taskChangedDiscovery, updateInstanceHealth } from './controllers/discovery';
import { meterMinute } from './controllers/cost';

export type { CallResult, Operation };

export interface SimOptions extends WorldOptions {
  seed?: string | number;
}

/** The APIs a scenario can call, by the prefix it uses: `ecs.RunTask`, `sim.LaunchInstances`, … */
const NAMESPACES: Record<string, Record<string, AnyOperation>> = {
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
  ecr: ECR_OPERATIONS,
};

export interface SimSnapshot {
  engine: EngineSnapshot<PendingEvent>;
  world: WorldState;
  /**
   * The timeline up to the snapshot: its first `logLength` events. The array is shared with the engine (and
   * other snapshots) and may have grown since; events and the part before `logLength` never change.
   */
  log: readonly SimEvent[];
  logLength: number;
}

/**
 * One simulated AWS account and region: the engine, the world and the API. State changes only
 * through `call` (an API or simulator operation) and the clock (`runUntil`, `step`); every change
 * is written to the typed event log `events`. This is the composition root: it registers the
 * handlers of every pending kind and subscribes the listeners of every notice, in a fixed order.
 */
export class Sim extends SimContext {
  constructor(opts: SimOptions = {}) {
    super(new Engine(String(opts.seed ?? 1)), createWorld(opts));
    this.engine.maxEventsPerInstant = MAX_EVENTS_PER_INSTANT;
    registerInstanceHandlers(this);
    registerTaskHandlers(this);
    registerServiceHandlers(this);
    registerMetricHandlers(this);
    registerAutoscalingHandlers(this);
    registerAsgHandlers(this);
    registerCasHandlers(this);
    registerElbHandlers(this);
    registerEventHandlers(this);
    registerExpressHandlers(this);
    registerDockerHandlers(this);
    subscribeListeners(this);
    // A kind of pending work without its handler, or a notice nobody hears, is a wiring defect: refuse it here.
    const unhandled = Object.keys(PENDING_HANDLERS).filter((k) => !this.engine.handles(k));
    if (unhandled.length) throw new Error(`Pending kinds without a handler: ${unhandled.join(', ')}.`);
    const unheard = NOTICE_KINDS.filter((k) => this.notices.count(k) === 0);
    if (unheard.length) throw new Error(`Notices without a listener: ${unheard.join(', ')}.`);
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
        // The SDK's check, then the service's: a request that reaches the operation has its model's members,
        // types and bounds. It is copied as data (a member named "__proto__" stays a member, never a prototype).
        validateClient(ns, op, args);
        validateService(ns, op, args);
        return { output: (ops[op] as Operation)(this, copyInput(args)) };
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

  /** The whole state, to come back to with `restore`: a copy of the world and the queue; the timeline is shared. */
  snapshot(): SimSnapshot {
    const log = this.engine.log;
    return { engine: this.engine.snapshot(), world: copyWorld(this.world), log, logLength: log.length };
  }

  /** Puts the simulation back where `s` was taken; `s` stays as it was and can be restored again. */
  restore(s: SimSnapshot): void {
    this.engine.restore(s.engine, s.log, s.logLength);
    this.world = nullPrototypeTables(copyWorld(s.world));
  }
}

/**
 * Who hears what, in order. The order is part of the behaviour: a listener earlier in a list acts
 * (writes events, schedules work) before the next one, exactly as the calls it replaces did.
 */
function subscribeListeners(sim: Sim): void {
  const n = sim.notices;
  const on =
    <T>(f: (s: Sim, payload: T) => void) =>
    (payload: T) =>
      f(sim, payload);
  n.on('taskChanged', on(taskChangedTargets), on(taskChangedDiscovery), on(serviceTaskChanged));
  n.on('taskHealthChanged', on(updateInstanceHealth));
  n.on('taskStopping', on(deregisterInstance), on(drainTargets));
  n.on('taskKilled', on(removeTargets), on(deregisterInstance));
  n.on('taskDrained', on(removeTargets));
  n.on('hostLost', on(killTasksOnHost));
  n.on('clusterChanged', on(placeWaiting), on(clusterChanged));
  n.on('instanceTerminated', on(asgInstanceGone));
  n.on('desiredCountChanged', on(requestPass));
  n.on('serviceEvent', on(serviceEventNotice));
  n.on(
    'minuteTicked',
    () => publishMetrics(sim),
    () => meterMinute(sim),
    () => publishBillingMetrics(sim),
    () => evaluateAlarms(sim),
    () => checkDeploymentAlarms(sim),
    () => runClusterAutoScaling(sim),
  );
  n.on('forwardWeights', on(setForwardWeights));
}
