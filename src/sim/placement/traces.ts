import type { PlacementTrace } from '../model/types';
import { MAX_TRACES, type WorldState } from '../model/world';

/** Keeps a placement decision's trace in the world's ring of recent traces. */
export function recordTrace(w: WorldState, trace: PlacementTrace): void {
  const traces = w.traces;
  traces.push(trace);
  if (traces.length > MAX_TRACES) traces.splice(0, traces.length - MAX_TRACES);
}
