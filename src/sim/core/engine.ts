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
  [field: string]: unknown;
}

/** The pending events of kind `K` among `P` (any pending event when `P` is the open `Pending`). */
export type PendingOfKind<P extends { k: string }, K extends string> = string extends P['k'] ? P : Extract<P, { k: K }>;

export type Handler<P extends { k: string } = Pending> = (ev: P) => void;

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

  now = 0;
  private seq = 0;
  private heap = new EventHeap<P>();
  private handlers: Record<string, Handler<P>> = Object.create(null);
  rng: RngStreams;
  readonly log: SimEvent[] = [];
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

  /** Schedules `ev` at absolute time `time` (ms); times in the past run now. */
  at(time: number, ev: P): void {
    const t = time < this.now ? this.now : Math.round(time);
    this.heap.push(t, this.seq++, ev);
  }

  /** Schedules `ev` after `delay` ms. */
  after(delay: number, ev: P): void {
    this.at(this.now + delay, ev);
  }

  /** Appends a typed event to the timeline. */
  emit(type: string, message: string, data?: Record<string, unknown>): SimEvent {
    const e: SimEvent = { t: this.now, type, message, ...data };
    this.log.push(e);
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
    this.processed++;
    const h = this.handlers[ev.k];
    if (h) h(ev);
    else this.noHandler(ev);
    return true;
  }

  /** Processes every event due at or before `time`, then sets the clock to `time`. */
  runUntil(time: number): void {
    const heap = this.heap;
    const handlers = this.handlers;
    while (heap.size > 0 && heap.peekTime() <= time) {
      const ev = heap.pop()!;
      this.now = heap.lastTime;
      this.processed++;
      const h = handlers[ev.k];
      if (h) h(ev);
      else this.noHandler(ev);
    }
    if (time > this.now) this.now = time;
  }

  private noHandler(ev: P): void {
    if (Engine.strict) throw new Error(`No handler for the pending kind '${ev.k}' (at ${this.now} ms).`);
    this.unhandled[ev.k] = (this.unhandled[ev.k] ?? 0) + 1;
  }

  snapshot(): EngineSnapshot<P> {
    const queue = this.heap.entries().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return { now: this.now, seq: this.seq, queue: structuredClone(queue), rng: this.rng.state(), seed: this.seed };
  }

  /** Restores the clock, queue and streams; `log` is the timeline up to the snapshot. */
  restore(s: EngineSnapshot<P>, log: readonly SimEvent[]): void {
    this.now = s.now;
    this.seq = s.seq;
    this.heap.clear();
    for (const [t, q, ev] of structuredClone(s.queue)) this.heap.push(t, q, ev);
    this.rng = new RngStreams(s.seed, s.rng);
    this.log.length = 0;
    for (const e of log) this.log.push(e);
  }
}
