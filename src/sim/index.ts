/** The engine's public surface: everything outside src/sim imports from here. */
export { Sim, type CallResult, type SimOptions, type SimSnapshot } from './sim';
export type { SimEvent, Pending } from './core/engine';
export { Engine } from './core/engine';
export { EventHeap } from './core/heap';
export { RngStreams } from './core/rng';
export { log, exponential } from './core/math';
export { parseDuration, formatClock, SECOND, MINUTE, HOUR } from './core/time';
export { parseClq, evalClq, ClqError } from './placement/clq';
export { INSTANCE_TYPES } from './model/instanceTypes';
export { DEFAULT_DURATIONS, type Durations } from './model/durations';
export type * from './model/types';
export { EVENT_CATEGORIES, EVENT_CATEGORY, eventCategory, type EventCategory, type EventMap, type EventType, type TypedSimEvent } from './model/events';
export type { PendingEvent, PendingKind, PendingMap } from './model/pending';
export type { NoticeMap } from './model/notices';
export type { WorldState } from './model/world';
export { describeCluster, describeContainerInstance, describeService, describeTask, describeTaskDefinition } from './queries/describe';
export { ecsInputShape, ecsShape, inputShape, shapeOf } from './api/params';
export { expandTrace } from './placement/place';
