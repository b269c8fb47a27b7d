import type { AnyOperation } from './operation';
import { CLUSTER_OPERATIONS } from './ecs/clusters';
import { LAUNCH_INSTANCES } from './simInstances';
import { DOCKER_BUILD_OPERATIONS } from './dockerBuild';

/**
 * The operations the page's engine starts with, by namespace: those the scenario its first view opens with
 * calls (a cluster, its instances, an image built on the Docker host). Everything else, each namespace's
 * whole table, arrives with `loadOperations` (api/deferredParts.ts); Node has it all from the start. The
 * production build also gives the page only these operations' request tables at first (api/deferred.ts, modelsFor).
 */
export const FIRST_OPERATIONS: Record<string, Record<string, AnyOperation>> = {
  ecs: CLUSTER_OPERATIONS,
  sim: { LaunchInstances: LAUNCH_INSTANCES },
  docker: DOCKER_BUILD_OPERATIONS,
};
