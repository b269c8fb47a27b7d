import type { SimContext } from '../../model/context';
import type { EcsInputs } from './inputs.generated';

/** An ECS operation, its request typed as the ECS API model declares it (and api/params.ts has checked it). */
export type EcsOperation<K extends keyof EcsInputs> = (sim: SimContext, input: EcsInputs[K]) => unknown;

/** A table of ECS operations: each entry is named as its operation and takes that operation's request. */
export type EcsOperations = { [K in keyof EcsInputs]?: EcsOperation<K> };
