import { cloneData } from './clone';
import { EventHeap } from './heap';
import { RngStreams, type RngState } from './rng';

/** A pending activity in the queue: plain data, never a closure, so runs can be snapshotted. */
export interface Pending {
  k: string;
  [field: string]: unknown;
}

/** One entry of the typed timeline that the UI, the event log, the checker and replay all read. */
export interface SimEvent {
  /** Simulated time in milliseconds. */
  t: number;
  type: string;
  /** The event in words, as a learner reads it in the event log. */
  message: string;
  /** The form of the sandbox's narration `message` says (`<type>.<form>`, a key of src/sim/model/narration.ts), when it is one. */
  form?: string;
  /** The values the form's slots hold in `message`. */
  values?: Readonly<Record<string, string>>;
  [field: string]: unknown;
}

/** The form and values an event's message was said from. */
export interface Narrated {
  readonly form: string;
  readonly values: Readonly<Record<string, string>>;
}

/** The pending events of kind `K` among `P` (any pending event when `P` is the open `Pending`). */
export type PendingOfKind<P extends { k: string }, K extends string> = string extends P['k'] ? P : Extract<P, { k: K }>;

export type Handler<P extends { k: string } = Pending> = (ev: P) => void;

/**
 * What the engine writes to the timeline when a handler throws, or when one instant holds more
 * events than `maxEventsPerInstant`: the event type, and the fields it carries beside `message`.
 */
export const FAULT_EVENT = 'sim.fault';
export type FaultFields = {
  /** The kind of the pending event whose handler failed. */
  pendingKind: string;
  /** The exception's message (or why the engine stopped the activity). */
  error: string;
  /** The pending event that was stopped, as data. */
  pending: Record<string, unknown>;
};

export interface EngineSnapshot<P extends { k: string } = Pending> {
  now: number;
  seq: number;
  queue: [number, number, P][];
  rng: RngState;
  seed: string;
}

/**
 * The discrete-event core: an integer-millisecond clock, a (time, seq) event queue, named seeded
 * random streams and a typed event log. It knows nothing of ECS; the world registers one handler
 * per kind of pending event (`P` says which kinds exist and what each carries).
 */
export class Engine<P extends { k: string } = Pending> {
  /**
   * What happens to a pending event whose kind has no handler: counted in `unhandled` (a restored
   * run never stops the page), or, when strict, an error. The tests make every engine strict.
   */
  static strict = false;

  /**
   * The most pending events processed at one instant: past it, the rest of that instant's events are
   * dropped with a fault (an activity that schedules itself with no delay would otherwise hold the clock
   * forever). The world sets it from its limits; this default is the same figure.
   */
  maxEventsPerInstant = 1_000_000;
  /** Faults written so far (handlers that threw, instants that overflowed). */
  faults = 0;
  private instant = -1;
  private atInstant = 0;
  private overflowed: Set<string> | undefined;

  now = 0;
  private seq = 0;
  private heap = new EventHeap<P>();
  private handlers: Record<string, Handler<P>> = Object.create(null);
  rng: RngStreams;
  /** The timeline: only ever appended to (a restore gives the engine a new array), so a snapshot can share it. */
  private events: SimEvent[] = [];
  /** Pending events processed so far (for throughput figures). */
  processed = 0;
  /** Pending events that found no handler, by kind. */
  readonly unhandled: Record<string, number> = Object.create(null);
  private listeners: ((e: SimEvent) => void)[] = [];

  constructor(readonly seed: string) {
    this.rng = new RngStreams(seed);
  }

  /** Registers the handler of one kind of pending event; a second handler for the same kind is refused. */
  on<K extends P['k']>(kind: K, handler: (ev: PendingOfKind<P, K>) => void): void {
    if (this.handlers[kind] !== undefined) throw new Error(`The pending kind '${kind}' already has a handler.`);
    this.handlers[kind] = handler as Handler<P>;
  }

  /** Whether a kind of pending event has its handler. */
  handles(kind: string): boolean {
    return this.handlers[kind] !== undefined;
  }

  /** Schedules `ev` at absolute time `time` (ms); times in the past run now. A time that is not a finite number is refused. */
  at(time: number, ev: P): void {
    if (!Number.isFinite(time)) throw new Error(`Cannot schedule '${ev.k}' at ${String(time)} ms: the time is not a finite number.`);
    const t = time < this.now ? this.now : Math.round(time);
    this.heap.push(t, this.seq++, ev);
  }

  /** Schedules `ev` after `delay` ms. */
  after(delay: number, ev: P): void {
    this.at(this.now + delay, ev);
  }

  /** The timeline so far. */
  get log(): readonly SimEvent[] {
    return this.events;
  }

  /** Appends a typed event to the timeline; `said`, when the message was said from a form, is kept beside it. */
  emit(type: string, message: string, data?: Record<string, unknown>, said?: Narrated): SimEvent {
    const e: SimEvent = said ? { t: this.now, type, message, form: said.form, values: said.values, ...data } : { t: this.now, type, message, ...data };
    this.events.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  subscribe(listener: (e: SimEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get pending(): number {
    return this.heap.size;
  }

  /** Time of the next pending event, or Infinity. */
  nextTime(): number {
    return this.heap.peekTime();
  }

  /** Processes the next pending event. Returns false when the queue is empty. */
  step(): boolean {
    const ev = this.heap.pop();
    if (ev === undefined) return false;
    this.now = this.heap.lastTime;
    this.dispatch(ev);
    return true;
  }

  /** Processes every event due at or before `time`, then sets the clock to `time`. */
  runUntil(time: number): void {
    const heap = this.heap;
    while (heap.size > 0 && heap.peekTime() <= time) {
      const ev = heap.pop()!;
      this.now = heap.lastTime;
      this.dispatch(ev);
    }
    if (time > this.now) this.now = time;
  }

  /**
   * Runs the handler of one pending event. An exception inside it never leaves the clock: it becomes a
   * fault event, that activity stops (the handler does not run on), and the clock goes on with the rest.
   */
  private dispatch(ev: P): void {
    this.processed++;
    if (this.now === this.instant) {
      if (++this.atInstant > this.maxEventsPerInstant) return this.overflow(ev);
    } else {
      this.instant = this.now;
      this.atInstant = 1;
      this.overflowed = undefined;
    }
    const h = this.handlers[ev.k];
    if (h === undefined) return this.noHandler(ev);
    try {
      h(ev);
    } catch (e) {
      this.fault(ev, e instanceof Error ? e.message : String(e));
    }
  }

  /** One instant has had too many events: this one is dropped, with one fault per kind and instant. */
  private overflow(ev: P): void {
    if (this.overflowed?.has(ev.k)) return;
    (this.overflowed ??= new Set()).add(ev.k);
    this.fault(ev, `more than ${this.maxEventsPerInstant} events at one instant: the activity schedules itself without letting time pass`);
  }

  private fault(ev: P, error: string): void {
    this.faults++;
    const fields: FaultFields = { pendingKind: ev.k, error, pending: { ...ev } };
    // The form 'sim.fault.stopped' of the narration table (src/sim/model/narration.ts), said here on the floor below it.
    const said = { form: `${FAULT_EVENT}.stopped`, values: { kind: ev.k, at: String(this.now), error } };
    this.emit(FAULT_EVENT, `The simulator stopped '${ev.k}' at ${this.now} ms: ${error}. The clock goes on.`, fields, said);
  }

  private noHandler(ev: P): void {
    if (Engine.strict) throw new Error(`No handler for the pending kind '${ev.k}' (at ${this.now} ms).`);
    this.unhandled[ev.k] = (this.unhandled[ev.k] ?? 0) + 1;
  }

  snapshot(): EngineSnapshot<P> {
    const queue = this.heap.entries().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const e of queue) e[2] = cloneData(e[2]);
    return { now: this.now, seq: this.seq, queue, rng: this.rng.state(), seed: this.seed };
  }

  /**
   * Restores the clock, queue and streams; the timeline becomes the first `length` events of `log` (a new
   * array: `log` itself is never changed, so every snapshot that shares it keeps its part).
   */
  restore(s: EngineSnapshot<P>, log: readonly SimEvent[], length = log.length): void {
    this.now = s.now;
    this.seq = s.seq;
    this.instant = -1;
    this.atInstant = 0;
    this.overflowed = undefined;
    this.heap.clear();
    for (const [t, q, ev] of s.queue) this.heap.push(t, q, cloneData(ev));
    this.rng = new RngStreams(s.seed, s.rng);
    this.events = log.slice(0, length);
  }
}
