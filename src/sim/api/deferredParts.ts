import generated from './apiShapes.generated.json';
import ecsShapes from './ecsShapes.json';
import { DOCKER_MODEL, SIM_MODEL } from './simShapes';
import type { AnyOperation } from './operation';
import type { Model } from './shape';
import { AAS_OPERATIONS } from './applicationautoscaling';
import { CLOUDWATCH_OPERATIONS } from './cloudwatch';
import { AUTOSCALING_OPERATIONS } from './autoscaling';
import { EC2_OPERATIONS } from './ec2';
import { ELBV2_OPERATIONS } from './elbv2';
import { SERVICEDISCOVERY_OPERATIONS } from './servicediscovery';
import { EVENTS_OPERATIONS } from './events';
import { ECR_OPERATIONS } from './ecr';
import { ECS_OPERATIONS } from './ecs/index';
import { SIM_OPERATIONS } from './sim';
import { DOCKER_OPERATIONS } from './docker';
import { registerEventHandlers } from './events';
import { registerExpressHandlers } from './ecs/express';
import { registerDockerHandlers } from '../controllers/docker';
import type { SimContext } from '../model/context';

/**
 * Every namespace's operations and request tables, each whole. Node has them from the start (api/deferred.ts); the page
 * starts with the few operations its first view calls (sim.ts) and loads these as one piece before it hands
 * the engine anything beyond what `Sim.loadedFor` accepts (sim.ts, loadOperations).
 * With them come the handlers of the pending work only they schedule (EventBridge's schedule, Express Mode's
 * cleanup, the Docker host's containers): a Sim registers those before it runs the first of them (sim.ts).
 * The listeners and every other handler are not here: the engine registers those for every Sim, so the clock
 * never waits on this piece.
 */
export interface DeferredParts {
  operations: Record<string, Record<string, AnyOperation>>;
  models: Record<string, Model>;
  late: ((sim: SimContext) => void)[];
}

const { '//': _note, ...aws } = generated as unknown as Record<string, Model>;

/** Every namespace's request table, in the order the engine has always listed them. */
const models: Record<string, Model> = { ecs: ecsShapes as unknown as Model, ...aws, sim: SIM_MODEL, docker: DOCKER_MODEL };

export const DEFERRED_PARTS: DeferredParts = {
  operations: {
    ecs: ECS_OPERATIONS,
    applicationautoscaling: AAS_OPERATIONS,
    cloudwatch: CLOUDWATCH_OPERATIONS,
    ec2: EC2_OPERATIONS,
    autoscaling: AUTOSCALING_OPERATIONS,
    elbv2: ELBV2_OPERATIONS,
    servicediscovery: SERVICEDISCOVERY_OPERATIONS,
    events: EVENTS_OPERATIONS,
    ecr: ECR_OPERATIONS,
    sim: SIM_OPERATIONS,
    docker: DOCKER_OPERATIONS,
  },
  models,
  late: [registerEventHandlers, registerExpressHandlers, registerDockerHandlers],
};
