import type { ImageBehavior } from '../sim';

/** A scenario as the runner uses it (times in milliseconds). */
export interface Scenario {
  name: string;
  description?: string;
  seed: string;
  region?: string;
  availabilityZones?: string[];
  freeIpsPerSubnet?: number;
  durations: Record<string, number>;
  images: Record<string, ImageBehavior>;
  /** Requests in file order; `index` counts them after copilot actions are expanded, `source` is the entry in the file. */
  actions: { at: number; call: string; id?: string; input: Record<string, unknown>; index: number; source: number }[];
  until?: number;
  expect: Expectation[];
}

export interface Expectation {
  label?: string;
  at?: number;
  count?: string;
  where?: Record<string, unknown>;
  equals?: number;
  atLeast?: number;
  atMost?: number;
  event?: Record<string, unknown>;
  sequence?: Record<string, unknown>[];
  call?: number | string;
  ok?: boolean;
  output?: Record<string, unknown>;
  error?: Record<string, unknown>;
  index: number;
}
