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

export type Handler = (ev: Pending) => void;

export interface EngineSnapshot {
  now: number;
  seq: number;
  queue: [number, number, Pending][];
  rng: RngState;
  seed: string;
}

/**
 * The discrete-event core: an integer-millisecond clock, a (time, seq) event queue, named seeded
 * random streams and a typed event log. It knows nothing of ECS; the world registers handlers.
 */
export class Engine {
  now = 0;
  private seq = 0;
  private heap = new EventHeap<Pending>();
  private handlers: Record<string, Handler> = Object.create(null);
  rng: RngStreams;
  readonly log: SimEvent[] = [];
  /** Pending events processed so far (for throughput figures). */
  processed = 0;
  private listeners: ((e: SimEvent) => void)[] = [];

  constructor(readonly seed: string) {
    this.rng = new RngStreams(seed);
  }

  /** Registers the handler for one kind of pending event. */
  on(kind: string, handler: Handler): void {
    this.handlers[kind] = handler;
  }

  /** Schedules `ev` at absolute time `time` (ms); times in the past run now. */
  at(time: number, ev: Pending): void {
    const t = time < this.now ? this.now : Math.round(time);
    this.heap.push(t, this.seq++, ev);
  }

  /** Schedules `ev` after `delay` ms. */
  after(delay: number, ev: Pending): void {
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
    }
    if (time > this.now) this.now = time;
  }

  snapshot(): EngineSnapshot {
    const queue = this.heap.entries().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return { now: this.now, seq: this.seq, queue: structuredClone(queue), rng: this.rng.state(), seed: this.seed };
  }

  /** Restores the clock, queue and streams; `log` is the timeline up to the snapshot. */
  restore(s: EngineSnapshot, log: readonly SimEvent[]): void {
    this.now = s.now;
    this.seq = s.seq;
    this.heap.clear();
    for (const [t, q, ev] of structuredClone(s.queue)) this.heap.push(t, q, ev);
    this.rng = new RngStreams(s.seed, s.rng);
    this.log.length = 0;
    for (const e of log) this.log.push(e);
  }
}
