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
import { killTasksOnHost, registerTaskHandlers } from '../controllers/tasks';
import { checkDeploymentAlarms, clusterChanged, registerServiceHandlers, requestPass, serviceEventNotice, serviceTaskChanged } from '../controllers/services';
import { evaluateAlarms, registerAutoscalingHandlers } from '../controllers/autoscaling';
import { asgInstanceGone, registerAsgHandlers } from '../controllers/asg';
import { placeWaiting, registerCasHandlers, runClusterAutoScaling } from '../controllers/cas';
import { drainTargets, registerElbHandlers, removeTargets, setForwardWeights, taskChangedTargets } from '../controllers/elb';
import type { SimContext } from '../model/context';
import { expandTrace } from '../placement/traces';
import { describeService } from '../queries/describeService';
import { describeTask } from '../queries/describeTask';

/**
 * Every namespace's operations and request tables, each whole, and the controllers only they give work to.
 * Node has them from the start (api/deferred.ts); the page starts with the few operations its first view calls
 * (api/first.ts) and loads all this as one piece before it hands the engine anything beyond what
 * `Sim.loadedFor` accepts (sim.ts, loadOperations).
 * - `late`: the handlers of the pending work only these operations and controllers schedule (tasks, services and
 *   their deployments, cluster auto scaling, load balancer checks, Auto Scaling groups, scheduled scaling,
 *   EventBridge's schedule, Express Mode's cleanup, the Docker host's containers). Each is keyed by its kind, so
 *   a Sim registers them whenever they are there before it needs them: at once, or before its first call.
 * - `listeners`: those controllers' listeners. Every Sim subscribes a slot for each in its fixed place among the
 *   others (sim.ts, subscribeListeners), so the order they hear notices in is the same whenever they load.
 * - `reads`: the reads of what only they make (a placement trace's readable form, a service's and a task's
 *   Describe shapes, sim.ts).
 */
export interface DeferredParts {
  operations: Record<string, Record<string, AnyOperation>>;
  models: Record<string, Model>;
  late: ((sim: SimContext) => void)[];
  listeners: LateListeners;
  reads: { expandTrace: typeof expandTrace; describeService: typeof describeService; describeTask: typeof describeTask };
}

const LISTENERS = {
  taskChangedTargets,
  serviceTaskChanged,
  drainTargets,
  removeTargets,
  killTasksOnHost,
  placeWaiting,
  clusterChanged,
  asgInstanceGone,
  requestPass,
  serviceEventNotice,
  evaluateAlarms,
  checkDeploymentAlarms,
  runClusterAutoScaling,
  setForwardWeights,
};

export type LateListeners = typeof LISTENERS;

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
  late: [registerTaskHandlers, registerServiceHandlers, registerAutoscalingHandlers, registerAsgHandlers, registerCasHandlers, registerElbHandlers, registerEventHandlers, registerExpressHandlers, registerDockerHandlers],
  listeners: LISTENERS,
  reads: { expandTrace, describeService, describeTask },
};
