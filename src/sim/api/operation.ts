import type { SimContext } from '../model/context';

/**
 * One API operation: it reads its request and acts on the simulation, returning the response or
 * throwing an ApiError (which `Sim.call` turns into `{ error: { code, message } }`).
 */
export type Operation<I = Record<string, unknown>> = (sim: SimContext, input: I) => unknown;

/** An operation of any request type, as the namespace table holds it. */
export type AnyOperation = (sim: SimContext, input: never) => unknown;
