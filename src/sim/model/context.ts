import { Engine } from '../core/engine';
import { ApiError, type MemberPath } from '../core/errors';
import { Notices } from '../core/notices';
import { arn, type WorldState } from './world';
import type { EventMap, EventType } from './events';
import type { FormOf, FreeText, Said } from './narration';
import type { NoticeMap } from './notices';
import type { PendingEvent } from './pending';
import type { Cluster } from './types';

/**
 * What a call answers: its output, or AWS's error type and message. A refusal about one member of the
 * request also says which (`errorPath`, for the editor's marker): the API's responses never carry it.
 */
export type CallResult = { output: unknown; error?: undefined; errorPath?: undefined } | { error: { code: string; message: string }; errorPath?: MemberPath; output?: undefined };

/**
 * What the queries, the controllers and the API act on: the engine (clock, queue, random streams,
 * event log), the world, the notices the controllers tell each other, and the small helpers they
 * share (ARNs, ids, timestamps, cluster lookup). `Sim` is the one implementation; it adds the
 * composition (which handlers and listeners exist) and the public surface (`call`, `runUntil`, …).
 */
export abstract class SimContext {
  readonly notices = new Notices<NoticeMap>();

  constructor(
    readonly engine: Engine<PendingEvent>,
    public world: WorldState,
  ) {}

  /** Simulated time in milliseconds. */
  get now(): number {
    return this.engine.now;
  }

  /** Calls an API or simulator operation as a learner would (`ecs.RunTask`); never throws. */
  abstract call(operation: string, input?: unknown): CallResult;

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

  /**
   * Appends an event to the timeline: its type, the sentence a learner reads, and the fields of its type. The
   * sentence is said from a form of the narration table (`say(form, values)`), kept on the event beside its
   * English; only the types of ECS's own words (FREE_TEXT) take the text as it is.
   */
  emit<T extends EventType>(type: T, message: T extends FreeText ? string : Said<FormOf<T>>, data: EventMap[T]): void {
    if (typeof message === 'string') this.engine.emit(type, message, data);
    else this.engine.emit(type, message.message, data, message);
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
