import { Sim, type SimSnapshot } from '../sim';
import type { Scenario } from './scenario';
import { orderedActions, simFor } from './world';
import { HORIZON_MS } from './bounds';
import { resolveRefs, type CallRecord } from './calls';
import { mergeStep, readLine, resumeStep, runLine, waitOf } from './console/onDemand';
import { newSession } from './console/session';
import type { CommandResult, ConsoleSession, Continuation } from './console';

/**
 * What a learner did, at the simulated time they did it. Replaying the same scenario, seed and
 * list of these gives the same world: this list is what undo, scrubbing and share links work on.
 */
export type NewAction = { kind: 'call'; call: string; input: Record<string, unknown>; label?: string } | { kind: 'command'; line: string; files?: Record<string, string> };

export type LearnerAction = NewAction & { at: number };

/** An applied learner action and what came back: the printed text, and as data the API response or error and the calls made. */
export type Outcome = { action: LearnerAction; command: string } & Omit<CommandResult, 'then'>;

/** The rest of a command's work, due at `at` (ms): kept as data, so it is snapshotted and replayed like everything else. */
interface PendingStep {
  at: number;
  command: string;
  then: Continuation;
  /** The outcome (in the transcript) the step's output is added to. */
  outcome: number;
}

interface Snapshot {
  t: number;
  sim: SimSnapshot;
  session: ConsoleSession;
  calls: CallRecord[];
  scenarioApplied: number;
  applied: number;
  outcomes: Outcome[];
  pending: PendingStep[];
}

/** A point on the charts that the metrics do not carry: sampled once a simulated minute. */
export interface Sample {
  t: number;
  instances: number;
  tasksRunning: number;
  tasksPending: number;
}

/**
 * Something that watches the world at a fixed interval (the live lesson checklist): told at each multiple of
 * `every` once what is due then has been applied, again if the learner acts at that same instant, and told to
 * forget what it saw from `from` on when the world goes back there (it is told again as the clock passes).
 */
export interface Ticker {
  every: number;
  tick(t: Timeline): void;
  rewind(from: number): void;
}

const SNAPSHOT_EVERY_MS = 60_000;
const MAX_SNAPSHOTS = 240;
const SAMPLE_EVERY_MS = 60_000;

/** How a learner action reads in the console: as the command they typed, or the call the editor made. */
export function actionText(a: LearnerAction): string {
  return a.kind === 'command' ? a.line : (a.label ?? `${a.call} ${JSON.stringify(a.input)}`);
}

/**
 * One scenario's world over time: the live Sim, the scenario's own actions applied at their times,
 * the learner's actions applied at theirs, and snapshots to travel back. Seeking back restores the
 * nearest snapshot and replays; acting while in the past replaces the future (a branch); undo and
 * redo rebuild from a snapshot. Every path gives the same world a straight run would.
 */
export class Timeline {
  sim: Sim;
  session: ConsoleSession;
  /** The learner's actions, in time order (each new one is at or after the last). */
  actions: LearnerAction[] = [];
  /** Undone actions, most recent last. */
  redoStack: LearnerAction[] = [];
  /** The furthest time this branch has reached (ms). */
  head = 0;
  samples: Sample[] = [];
  private readonly scenarioActions: Scenario['actions'];
  private calls: CallRecord[];
  private scenarioApplied = 0;
  private applied = 0;
  private outcomes: Outcome[] = [];
  /** Later steps of commands, in the order they are due. */
  private pending: PendingStep[] = [];
  private snapshots: Snapshot[] = [];
  private snapshotEvery = SNAPSHOT_EVERY_MS;
  /**
   * Asked at each snapshot mark whether to take one now. Skipping a mark only makes seeking back
   * replay further; the page uses it to keep snapshots of a large world from stalling frames.
   */
  snapshotGate: () => boolean = () => true;
  /** In a lesson, its `allowed` list: the console's `help` lists the commands it lets through. */
  allowed: readonly string[] = [];
  /** Called with how long each snapshot took (ms of wall time, as measured by the caller's clock). */
  onSnapshot?: (tookMs: number) => void;

  private ticker: Ticker | null = null;
  /** The time of the last tick given (ms); a tick is due at the next multiple of `ticker.every` after it. */
  private lastTick = -Infinity;

  /** Without history (the headless runner): no snapshots or chart samples are taken, so the world cannot be scrubbed back. */
  private readonly history: boolean;

  constructor(
    readonly scenario: Scenario,
    readonly seed: string = scenario.seed,
    actions: LearnerAction[] = [],
    options: { history?: boolean } = {},
  ) {
    this.history = options.history ?? true;
    this.sim = simFor(scenario, seed);
    this.session = newSession();
    this.scenarioActions = orderedActions(scenario);
    this.calls = new Array(scenario.actions.length);
    this.takeSnapshot(true);
    this.actions = actions.slice().sort((a, b) => a.at - b.at);
    // What the scenario does at time 0 is the world the learner first sees.
    this.advanceTo(0);
  }

  get now(): number {
    return this.sim.now;
  }

  /** The scenario's requests so far, by their index in the scenario (what `${call:…}` and an expectation's `call` name). */
  get callRecords(): readonly CallRecord[] {
    return this.calls;
  }

  /** The scenario's requests so far, in the order they ran. */
  get callLog(): CallRecord[] {
    return this.scenarioActions.slice(0, this.scenarioApplied).map((a) => this.calls[a.index]!);
  }

  /** Learner actions applied so far, with what they printed. */
  get transcript(): readonly Outcome[] {
    return this.outcomes;
  }

  /**
   * Watches the world with `ticker` from now on (null: stops). Ticks already due at or before now are taken
   * as given: a ticker attached late learns the past by a replay of its own.
   */
  setTicker(ticker: Ticker | null): void {
    this.ticker = ticker;
    this.lastTick = ticker ? Math.floor(this.sim.now / ticker.every) * ticker.every : -Infinity;
  }

  private nextTickAt(): number {
    if (!this.ticker) return Infinity;
    const every = this.ticker.every;
    return Math.floor(this.lastTick / every) * every + every;
  }

  /** Tells the ticker about the world now, when now is a tick (again, if something changed at the same instant). */
  private tickIfDue(stop: number, changed: boolean): void {
    if (!this.ticker) return;
    if (stop === this.nextTickAt() || (changed && this.sim.now === this.lastTick)) {
      this.lastTick = this.sim.now;
      this.ticker.tick(this);
    }
  }

  /** The time of the next pending event, or Infinity. */
  nextEventTime(): number {
    return Math.min(this.sim.engine.nextTime(), this.nextActionTime());
  }

  private nextActionTime(): number {
    const sa = this.scenarioApplied < this.scenarioActions.length ? this.scenarioActions[this.scenarioApplied]!.at : Infinity;
    const la = this.applied < this.actions.length ? this.actions[this.applied]!.at : Infinity;
    const pa = this.pending.length ? this.pending[0]!.at : Infinity;
    return Math.min(sa, la, pa);
  }

  /**
   * Runs the world forward to `target` (ms), never past the horizon of simulated time (HORIZON_MS: a time beyond
   * it, or not a number, stops there or stays put). With `budget`, stops early once `budget()` says the slice is
   * used up (between events, never inside one) and returns false; true when it got there.
   */
  advanceTo(wanted: number, budget?: () => boolean): boolean {
    const sim = this.sim;
    const target = Number.isNaN(wanted) ? sim.now : Math.min(wanted, HORIZON_MS);
    let n = 0;
    for (;;) {
      const mark = Math.min(this.nextSnapshotAt(), this.nextSampleAt());
      const stop = Math.min(this.nextActionTime(), mark, this.nextTickAt(), target);
      if (budget) {
        // Step event by event so that a busy slice can yield between events.
        while (sim.engine.nextTime() <= stop) {
          sim.step();
          if ((++n & 63) === 0 && budget()) {
            this.head = Math.max(this.head, sim.now);
            return false;
          }
        }
      }
      sim.runUntil(stop);
      if (stop === mark) {
        if (stop === this.nextSampleAt()) this.sample();
        if (stop === this.nextSnapshotAt()) this.takeSnapshot();
      }
      this.tickIfDue(stop, this.applyDueActions());
      if (stop >= target) break;
    }
    this.head = Math.max(this.head, sim.now);
    return true;
  }

  /** Processes the next pending event (or due action); false when nothing is left. */
  stepEvent(): boolean {
    const t = this.nextEventTime();
    if (t === Infinity) return false;
    this.advanceTo(Math.max(t, this.sim.now));
    return true;
  }

  /** Applies what is due now: the scenario's actions, then commands' later steps, then the learner's; true if any was. */
  private applyDueActions(): boolean {
    const sim = this.sim;
    const t = sim.now;
    let n = 0;
    while (this.scenarioApplied < this.scenarioActions.length && this.scenarioActions[this.scenarioApplied]!.at <= t) {
      const a = this.scenarioActions[this.scenarioApplied++]!;
      const input = resolveRefs(sim, a.input, this.calls) as Record<string, unknown>;
      const r = sim.call(a.call, input);
      this.calls[a.index] = { at: t / 1000, call: a.call, ...(a.id ? { id: a.id } : {}), input, ...(r.error ? { error: r.error } : { output: r.output }) };
      sim.runUntil(t);
      n++;
    }
    // Then the steps of commands that were waiting for this moment, in the order they were scheduled.
    while (this.pending.length && this.pending[0]!.at <= t) {
      this.resume(this.pending.shift()!);
      sim.runUntil(t);
      n++;
    }
    while (this.applied < this.actions.length && this.actions[this.applied]!.at <= t) {
      this.apply(this.actions[this.applied++]!);
      sim.runUntil(t);
      n++;
    }
    return n > 0;
  }

  private apply(a: LearnerAction): void {
    const wait = a.kind === 'command' ? waitOf(a.line) : undefined;
    if (wait) {
      // Kept where it was typed, printing nothing as sleep does (or why it cannot wait). Time passes between
      // actions (their `at`), never inside one: the page's clock ran on after it, and a replay reaches the next
      // action's time the same way.
      const said = 'message' in wait ? { output: wait.message, ...(wait.pieces ? { pieces: wait.pieces } : {}), exitCode: 1 } : { output: '', exitCode: 0 };
      this.outcomes.push({ action: a, command: actionText(a), ...said });
      return;
    }
    if (a.kind === 'command') {
      if (a.files) Object.assign(this.session.files, a.files);
      const l = readLine(a.line, this.session.files);
      const { then, ...done } = runLine(l, { sim: this.sim, session: this.session, allowed: this.allowed });
      this.outcomes.push({ action: a, command: a.line, ...done });
      if (then && 'command' in l && l.command) this.schedule(l.command.name, then, this.outcomes.length - 1);
    } else {
      const r = this.sim.call(a.call, a.input);
      const call: CallRecord = { at: this.sim.now / 1000, call: a.call, input: a.input, ...(r.error ? { error: r.error } : { output: r.output }) };
      const output = r.error ? `An error occurred (${r.error.code}) when calling the ${a.call.split('.')[1]} operation: ${r.error.message}` : JSON.stringify(r.output, null, 4);
      this.outcomes.push({ action: a, command: actionText(a), output, exitCode: r.error ? 254 : 0, ...(r.error ? { error: r.error } : { response: r.output }), calls: [call] });
    }
  }

  /** Keeps a command's continuation until its time, after steps already due then. */
  private schedule(command: string, then: Continuation, outcome: number): void {
    const at = this.sim.now + Math.max(0, Math.round(then.afterMs));
    let i = this.pending.length;
    while (i > 0 && this.pending[i - 1]!.at > at) i--;
    this.pending.splice(i, 0, { at, command, then, outcome });
  }

  /** Runs a command's later step and adds what it printed and did to the command's outcome. */
  private resume(p: PendingStep): void {
    const r = resumeStep(p.command, p.then, { sim: this.sim, session: this.session, allowed: this.allowed });
    const before = this.outcomes[p.outcome]!;
    const { then, ...merged } = mergeStep(before, r);
    // A new object: snapshots share the earlier outcome.
    this.outcomes[p.outcome] = { ...merged, action: before.action, command: before.command };
    if (then) this.schedule(p.command, then, p.outcome);
  }

  /**
   * Does a learner action now. In the past (after scrubbing back) it first drops the future:
   * the branch replaces what came after. Returns what it printed.
   */
  act(action: NewAction): Outcome {
    const now = this.sim.now;
    // Finish whatever is due at this instant first, exactly as a replay would before applying it.
    this.advanceTo(now);
    if (this.applied < this.actions.length || now < this.head) this.branchAt(now);
    const a: LearnerAction = { ...action, at: now };
    this.actions.push(a);
    this.redoStack = [];
    this.applied++;
    this.apply(a);
    this.sim.runUntil(now);
    this.tickIfDue(Infinity, true);
    return this.outcomes[this.outcomes.length - 1]!;
  }

  /** Drops every learner action after `t` and what was derived from them. */
  private branchAt(t: number): void {
    this.actions = this.actions.slice(0, this.applied);
    this.snapshots = this.snapshots.filter((s) => s.t <= t);
    this.samples = this.samples.filter((s) => s.t <= t);
    this.head = t;
    this.skippedUntil = Math.min(this.skippedUntil, t);
  }

  /** Moves the world to time `t` (ms): forward by running, backward by restoring and replaying. */
  seek(t: number): void {
    const target = Number.isNaN(t) ? this.sim.now : Math.min(Math.max(0, Math.round(t)), HORIZON_MS);
    if (target >= this.sim.now) {
      this.advanceTo(target);
      return;
    }
    this.restoreBefore(target, this.applied);
    this.advanceTo(target);
  }

  /** Restores the latest snapshot at or before `t` that has at most `applied` learner actions in it. */
  private restoreBefore(t: number, applied: number): void {
    let s = this.snapshots[0]!;
    for (const x of this.snapshots) if (x.t <= t && x.applied <= applied) s = x;
    this.sim.restore(s.sim);
    this.session = structuredClone(s.session);
    this.calls = structuredClone(s.calls);
    this.scenarioApplied = s.scenarioApplied;
    this.applied = s.applied;
    this.outcomes = s.outcomes.slice();
    this.pending = structuredClone(s.pending);
    this.samples = this.samples.filter((x) => x.t <= s.t);
    this.skippedUntil = -1;
    if (this.ticker) {
      // The snapshot is the world before what was due at its time: the tick at that time is taken again.
      this.lastTick = s.t - 1;
      this.ticker.rewind(s.t);
    }
  }

  /** Takes back the most recent learner action, keeping the clock where it is. */
  undo(): LearnerAction | undefined {
    const a = this.actions.pop();
    if (!a) return undefined;
    this.redoStack.push(a);
    this.rebuildFrom(a.at, this.sim.now);
    return a;
  }

  /** Does the last undone action again, at the time it was first done. */
  redo(): LearnerAction | undefined {
    const a = this.redoStack.pop();
    if (!a) return undefined;
    const keep = this.redoStack;
    this.actions.push(a);
    this.rebuildFrom(a.at, Math.max(this.sim.now, a.at));
    this.redoStack = keep;
    return a;
  }

  private rebuildFrom(changedAt: number, to: number): void {
    this.snapshots = this.snapshots.filter((s) => s.t < changedAt || (s.t === changedAt && s.applied <= this.actions.length && s.applied <= this.actionsBefore(changedAt)));
    if (this.snapshots.length === 0) throw new Error('the first snapshot is never dropped');
    this.restoreBefore(changedAt, this.actions.length);
    this.head = this.sim.now;
    this.advanceTo(to);
  }

  private actionsBefore(t: number): number {
    let n = 0;
    while (n < this.actions.length && this.actions[n]!.at < t) n++;
    return n;
  }

  private skippedUntil = -1;

  private nextSnapshotAt(): number {
    if (!this.history) return Infinity;
    const last = Math.max(this.snapshots[this.snapshots.length - 1]!.t, this.skippedUntil);
    return Math.floor(last / this.snapshotEvery) * this.snapshotEvery + this.snapshotEvery;
  }

  private nextSampleAt(): number {
    if (!this.history) return Infinity;
    const last = this.samples.length ? this.samples[this.samples.length - 1]!.t : -SAMPLE_EVERY_MS;
    return Math.floor(last / SAMPLE_EVERY_MS) * SAMPLE_EVERY_MS + SAMPLE_EVERY_MS;
  }

  private takeSnapshot(force = false): void {
    const t = this.sim.now;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && last.t >= t) return;
    if (!force && last && !this.snapshotGate()) {
      // Skipped: the next mark comes one interval later.
      this.skippedUntil = t;
      return;
    }
    const started = performance.now();
    this.snapshots.push({
      t,
      sim: this.sim.snapshot(),
      session: structuredClone(this.session),
      calls: structuredClone(this.calls),
      scenarioApplied: this.scenarioApplied,
      applied: this.applied,
      outcomes: this.outcomes.slice(),
      pending: structuredClone(this.pending),
    });
    this.onSnapshot?.(performance.now() - started);
    if (this.snapshots.length > MAX_SNAPSHOTS) {
      // Thin out: keep the first and every other one, and take them half as often from now on.
      this.snapshots = this.snapshots.filter((_, i) => i === 0 || i % 2 === 0);
      this.snapshotEvery *= 2;
    }
  }

  private sample(): void {
    const w = this.sim.world;
    let running = 0;
    let pending = 0;
    for (const arn of w.taskOrder) {
      const s = w.tasks[arn]!.lastStatus;
      if (s === 'RUNNING') running++;
      else if (s !== 'STOPPED' && s !== 'DEPROVISIONING' && s !== 'STOPPING' && s !== 'DEACTIVATING') pending++;
    }
    let instances = 0;
    for (const ci of Object.values(w.containerInstances)) if (ci.status === 'ACTIVE' || ci.status === 'DRAINING') instances++;
    this.samples.push({ t: this.sim.now, instances, tasksRunning: running, tasksPending: pending });
  }
}
