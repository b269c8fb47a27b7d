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
import { FIRST_OPERATIONS } from './api/first';
import { LOADED, NAMES } from './api/deferred';
import type { DeferredParts, LateListeners } from './api/deferredParts';
import type { ExpandOptions } from './placement/traces';
import type { PlacementTrace, Service, Task } from './model/types';
import { installModels } from './api/models';
import { registerInstanceHandlers } from './controllers/instances';
import { publishBillingMetrics, publishMetrics, registerMetricHandlers } from './controllers/metrics';
import { deregisterInstance, taskChangedDiscovery, updateInstanceHealth } from './controllers/discovery';
import { meterMinute } from './controllers/cost';

export type { CallResult, Operation };

export interface SimOptions extends WorldOptions {
  seed?: string | number;
}

/** The prefixes a scenario calls by (`ecs.RunTask`, `sim.LaunchInstances`, …), in the order `operations` lists them. */
const ORDER = ['ecs', 'applicationautoscaling', 'cloudwatch', 'ec2', 'autoscaling', 'elbv2', 'servicediscovery', 'events', 'sim', 'docker', 'ecr'];

/**
 * The APIs a scenario can call, by prefix. In Node every namespace is complete from the start
 * (api/deferredParts.ts, all of each table). The page starts with the operations the scenario it opens with
 * calls (api/first.ts) and the rest arrives with `loadOperations`, each namespace's whole table in its own
 * order. Until then every name is known (NAMES) and a call to one not loaded is refused as a defect.
 */
const NAMESPACES: Record<string, Record<string, AnyOperation>> = Object.fromEntries(Object.entries(FIRST_OPERATIONS).map(([ns, ops]) => [ns, { ...ops }]));

/** Whether every namespace's operations are loaded. */
let complete = false;
/** The handlers of the pending work only the loaded operations schedule (api/deferredParts.ts, `late`). */
let late: DeferredParts['late'] = [];
/** The listeners of the controllers that arrive with the rest (api/deferredParts.ts, `listeners`). */
let listeners: LateListeners | undefined;
/** The reads of what only those controllers make (api/deferredParts.ts, `reads`). */
let reads: DeferredParts['reads'] | undefined;
function install(parts: DeferredParts): void {
  Object.assign(NAMESPACES, parts.operations);
  installModels(parts.models);
  late = parts.late;
  listeners = parts.listeners;
  reads = parts.reads;
  complete = true;
}

/** The modules whose pending work only operations the page starts without schedule (model/pending.ts names each kind's module). */
const LATE_MODULES = new Set(['controllers/tasks', 'controllers/services', 'controllers/autoscaling', 'controllers/asg', 'controllers/cas', 'controllers/elb', 'api/events', 'api/ecs/express', 'controllers/docker']);

/**
 * Whether the world holds nothing the controllers that arrive with the rest act on: no task (nor one waiting),
 * service, alarm, scaling target or scheduled action, Auto Scaling group, capacity provider with instances of
 * its own, target group, Express service or EventBridge rule. Only operations the page starts without make
 * one, so until they load this holds, and each of those controllers' listeners then does nothing: the slot
 * that stands for it (subscribeListeners) does nothing too, and says so if this ever fails to hold.
 */
function nothingForLaterControllers(w: WorldState): boolean {
  const none = (t: object) => Object.keys(t).length === 0;
  return (
    none(w.tasks) &&
    w.waiting.length === 0 &&
    none(w.services) &&
    none(w.alarms) &&
    none(w.scalableTargets) &&
    none(w.scheduledActions) &&
    none(w.autoScalingGroups) &&
    Object.values(w.capacityProviders).every((cp) => cp.autoScalingGroupName === undefined && !cp.managedInstances) &&
    none(w.targetGroups) &&
    none(w.expressServices) &&
    none(w.eventRules)
  );
}
if (LOADED) install(LOADED);

let loading: Promise<void> | undefined = complete ? Promise.resolve() : undefined;

/**
 * Loads the operations and request tables of the namespaces the engine starts without (nothing to load in
 * Node). The page awaits it before it hands the engine any call or scenario `Sim.loadedFor` does not accept.
 */
export function loadOperations(): Promise<void> {
  loading ??= import('./api/deferredParts').then((m) => install(m.DEFERRED_PARTS));
  return loading;
}

/**
 * A placement trace in its readable form (placement/traces.ts). A world has traces only once a task has been
 * placed, which only the controllers that arrive with the rest do, so the placement code comes with them too.
 */
export function expandTrace(w: WorldState, t: PlacementTrace, opts?: ExpandOptions): PlacementTrace {
  if (!reads) throw new Error('the placement code has not loaded');
  return reads.expandTrace(w, t, opts);
}

/**
 * A service and a task as DescribeServices and DescribeTasks return them (queries/describeService.ts,
 * queries/describeTask.ts). Only the operations that arrive with the rest make services and tasks, so these
 * reads come with them too.
 */
export function describeService(sim: SimContext, s: Service): Record<string, unknown> {
  if (!reads) throw new Error('the service reads have not loaded');
  return reads.describeService(sim, s);
}

export function describeTask(sim: SimContext, t: Task): Record<string, unknown> {
  if (!reads) throw new Error('the task reads have not loaded');
  return reads.describeTask(sim, t);
}

/** The operations of a namespace by name, in its table's order: its handlers' once all are loaded, else the names they will have. */
function namesOf(ns: string): readonly string[] | undefined {
  if (!complete) return Object.hasOwn(NAMES, ns) ? NAMES[ns] : undefined;
  return Object.hasOwn(NAMESPACES, ns) ? Object.keys(NAMESPACES[ns]!) : undefined;
}

/**
 * Operations of a loaded namespace that call other namespaces on the caller's behalf (Express Mode makes
 * its load balancer, listener rules and scaling through elbv2 and applicationautoscaling, api/ecs/expressIngress.ts).
 * The engine's only other call of its own is EventBridge's RunTask, from a rule only `events.PutRule` makes.
 */
const CALLS_OTHERS = new Set(['ecs.CreateExpressGatewayService', 'ecs.UpdateExpressGatewayService', 'ecs.DeleteExpressGatewayService']);

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
    registerMetricHandlers(this);
    if (complete) this.registerLate();
    subscribeListeners(this);
    // A kind of pending work without its handler, or a notice nobody hears, is a wiring defect: refuse it here.
    // Until the rest has loaded, the kinds only its operations schedule wait for it (`call` registers them).
    const unhandled = (Object.keys(PENDING_HANDLERS) as (keyof typeof PENDING_HANDLERS)[]).filter((k) => !this.engine.handles(k) && (complete || !LATE_MODULES.has(PENDING_HANDLERS[k])));
    if (unhandled.length) throw new Error(`Pending kinds without a handler: ${unhandled.join(', ')}.`);
    const unheard = NOTICE_KINDS.filter((k) => this.notices.count(k) === 0);
    if (unheard.length) throw new Error(`Notices without a listener: ${unheard.join(', ')}.`);
  }

  /** Whether the handlers of `late` are registered: at once once everything is loaded, else before the first call after it. */
  private lateRegistered = false;

  /**
   * Registers the handlers of the pending work that only the operations loaded later, and the controllers they
   * give work to, schedule (api/deferredParts.ts, `late`). Each is keyed by its kind, so when it is registered
   * changes nothing in what runs: nothing can schedule such work before the first call of one of those
   * operations, and `call` registers them before it runs one.
   */
  private registerLate(): void {
    for (const register of late) register(this);
    this.lateRegistered = true;
  }

  get events(): readonly SimEvent[] {
    return this.engine.log;
  }

  /** Names of every operation `call` accepts ("ecs.RunTask", "sim.LaunchInstances", …). */
  static operations(): string[] {
    return ORDER.flatMap((ns) => (namesOf(ns) ?? []).map((o) => `${ns}.${o}`));
  }

  static hasOperation(name: string): boolean {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    const ops = complete ? NAMESPACES[ns] : undefined;
    if (ops !== undefined) return Object.hasOwn(ops, name.slice(dot + 1));
    return namesOf(ns)?.includes(name.slice(dot + 1)) ?? false;
  }

  /**
   * Whether the engine as loaded runs these operations, and all the clock then does, as the complete one
   * does: everything is loaded, or each is loaded and calls no other namespace itself. The
   * clock calls nothing a world made only by such operations lacks: EventBridge's RunTask and Express Mode's
   * calls come from a rule or a service that only their own operations make, and the controllers (alarms,
   * scaling policies, metrics) act on the world directly, without a call.
   */
  static loadedFor(operations: Iterable<string>): boolean {
    if (complete) return true;
    for (const name of operations) {
      const dot = name.indexOf('.');
      const ops = NAMESPACES[name.slice(0, dot)];
      if (!ops || !Object.hasOwn(ops, name.slice(dot + 1)) || CALLS_OTHERS.has(name)) return false;
    }
    return true;
  }

  /**
   * Calls an operation. Never throws: bad input and refused requests come back as
   * `{ error: { code, message } }` with AWS's error type and message, and `errorPath`, the member of
   * the input the refusal is about, where the check knows it.
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
        if (complete && !this.lateRegistered) this.registerLate();
        // The SDK's check, then the service's: a request that reaches the operation has its model's members,
        // types and bounds. It is copied as data (a member named "__proto__" stays a member, never a prototype).
        validateClient(ns, op, args);
        validateService(ns, op, args);
        return { output: (ops[op] as Operation)(this, copyInput(args)) };
      }
      // A known operation the page has not loaded: the caller skipped loadOperations.
      if (op && !complete && namesOf(ns)?.includes(op)) throw new Error(`the ${ns} operations have not loaded`);
      throw new ApiError('UnknownOperationException', `Unknown operation '${operation}'. Known operations: ${Sim.operations().join(', ')}.`);
    } catch (e) {
      if (e instanceof ApiError) return { error: { code: e.code, message: e.message }, ...(e.path ? { errorPath: e.path } : {}) };
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
 * (writes events, schedules work) before the next one, exactly as the calls it replaces did. A listener
 * of a controller that arrives with the rest (`later`) keeps its place: its slot is subscribed here, in
 * every Sim, and calls it once loaded; until then the world holds nothing it acts on.
 */
function subscribeListeners(sim: Sim): void {
  const n = sim.notices;
  const on =
    <T>(f: (s: Sim, payload: T) => void) =>
    (payload: T) =>
      f(sim, payload);
  const later =
    <K extends keyof LateListeners>(name: K) =>
    (payload: Parameters<LateListeners[K]>[1]) => {
      if (listeners) (listeners[name] as (s: Sim, p: typeof payload) => void)(sim, payload);
      else if (!nothingForLaterControllers(sim.world)) throw new Error(`the listener ${name} has not loaded`);
    };
  n.on('taskChanged', later('taskChangedTargets'), on(taskChangedDiscovery), later('serviceTaskChanged'));
  n.on('taskHealthChanged', on(updateInstanceHealth));
  n.on('taskStopping', on(deregisterInstance), later('drainTargets'));
  n.on('taskKilled', later('removeTargets'), on(deregisterInstance));
  n.on('taskDrained', later('removeTargets'));
  n.on('hostLost', later('killTasksOnHost'));
  n.on('clusterChanged', later('placeWaiting'), later('clusterChanged'));
  n.on('instanceTerminated', later('asgInstanceGone'));
  n.on('desiredCountChanged', later('requestPass'));
  n.on('serviceEvent', later('serviceEventNotice'));
  n.on(
    'minuteTicked',
    () => publishMetrics(sim),
    () => meterMinute(sim),
    () => publishBillingMetrics(sim),
    later('evaluateAlarms'),
    later('checkDeploymentAlarms'),
    later('runClusterAutoScaling'),
  );
  n.on('forwardWeights', later('setForwardWeights'));
}
