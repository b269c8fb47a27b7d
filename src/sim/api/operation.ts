import type { SimContext } from '../model/context';

/**
 * One API operation: it reads its request and acts on the simulation, returning the response or
 * throwing an ApiError (which `Sim.call` turns into `{ error: { code, message } }`).
 */
export type Operation<I = Record<string, unknown>> = (sim: SimContext, input: I) => unknown;
