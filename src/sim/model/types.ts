/** Records of the simulated world. Plain data only (JSON-serializable) so a run can be snapshotted. */
export type * from './cluster';
export type * from './taskDefinition';
export type * from './task';
export type * from './service';
export type * from './scaling';
export type * from './network';
export type * from './express';
