import type { RangeName } from '../model/limits';
import { FIRST_MODELS, LOADED } from './deferred';
import type { Model } from './shape';

export type { Model, Shape } from './shape';

/**
 * The request tables of every namespace `Sim.call` speaks, in one compact form: ECS's and the other AWS
 * namespaces' derived from the published models (scripts/gen-ecs-shapes.mjs, scripts/gen-api-shapes.ts),
 * the simulator's and the Docker host's written by hand (api/simShapes.ts), all in api/deferredParts.ts. The
 * checks (api/params.ts, api/service.ts) and the fuzz generators read them. Node has them all from the start;
 * the page's first load has only the shapes of the operations it starts with (api/deferred.ts, FIRST_MODELS)
 * and the rest arrive with the operations (`installModels`).
 */

export const MODELS: Record<string, Model> = Object.assign(Object.create(null) as Record<string, Model>, LOADED?.models ?? FIRST_MODELS);

/** Adds the tables that arrive after the engine starts (api/deferredParts.ts), each namespace's whole. */
export function installModels(models: Record<string, Model>): void {
  Object.assign(MODELS, models);
}

/**
 * How each namespace's service refuses a request that breaks its model (a length, a value, an enum, a
 * pattern): the error code it answers with. ECS and the simulator answer InvalidParameterException; the
 * Coral services their validation exception; EC2 InvalidParameterValue; the Docker daemon its own error.
 */
export const SERVICE_ERROR: Record<string, string> = {
  ecs: 'InvalidParameterException',
  applicationautoscaling: 'ValidationException',
  autoscaling: 'ValidationError',
  cloudwatch: 'ValidationError',
  elbv2: 'ValidationError',
  events: 'ValidationException',
  servicediscovery: 'InvalidInput',
  ec2: 'InvalidParameterValue',
  ecr: 'InvalidParameterException',
  sim: 'InvalidParameterException',
  docker: 'DockerError',
};

/**
 * Documented ranges the models leave out, by namespace and `Structure.member`: each names its figure in
 * model/limits.ts. The service check applies them as if the model had them.
 */
export const RANGE_OF: Record<string, Record<string, RangeName>> = {
  ecs: {
    'CreateServiceRequest.desiredCount': 'ecsDesiredCount',
    'UpdateServiceRequest.desiredCount': 'ecsDesiredCount',
    'ListAttributesRequest.maxResults': 'ecsMaxResults',
    'ListClustersRequest.maxResults': 'ecsMaxResults',
    'ListContainerInstancesRequest.maxResults': 'ecsMaxResults',
    'ListServicesRequest.maxResults': 'ecsMaxResults',
    'ListServicesByNamespaceRequest.maxResults': 'ecsMaxResults',
    'ListTaskDefinitionFamiliesRequest.maxResults': 'ecsMaxResults',
    'ListTaskDefinitionsRequest.maxResults': 'ecsMaxResults',
    'ListTasksRequest.maxResults': 'ecsMaxResults',
    'ListServiceDeploymentsRequest.maxResults': 'ecsMaxResults',
    'ListDaemonsRequest.maxResults': 'ecsMaxResults',
    'ListDaemonDeploymentsRequest.maxResults': 'ecsMaxResults',
    'ListDaemonTaskDefinitionsRequest.maxResults': 'ecsMaxResults',
    'ListAccountSettingsRequest.maxResults': 'ecsMaxResults10',
    'DescribeCapacityProvidersRequest.maxResults': 'ecsMaxResults10',
    'Resource.integerValue': 'ecsRegisteredResource',
    'Resource.longValue': 'ecsRegisteredResource',
    'Resource.doubleValue': 'ecsRegisteredResource',
  },
  applicationautoscaling: {
    'RegisterScalableTargetRequest.MinCapacity': 'aasCapacity',
    'RegisterScalableTargetRequest.MaxCapacity': 'aasCapacity',
    'ScalableTargetAction.MinCapacity': 'aasCapacity',
    'ScalableTargetAction.MaxCapacity': 'aasCapacity',
    'TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown': 'aasCooldownSeconds',
    'TargetTrackingScalingPolicyConfiguration.ScaleInCooldown': 'aasCooldownSeconds',
    'StepScalingPolicyConfiguration.Cooldown': 'aasCooldownSeconds',
    'DescribeScalableTargetsRequest.MaxResults': 'aasMaxResults50',
    'DescribeScalingActivitiesRequest.MaxResults': 'aasMaxResults50',
    'DescribeScheduledActionsRequest.MaxResults': 'aasMaxResults50',
    'DescribeScalingPoliciesRequest.MaxResults': 'aasMaxResults10',
  },
  autoscaling: {
    'CreateAutoScalingGroupType.MinSize': 'asgSize',
    'CreateAutoScalingGroupType.MaxSize': 'asgSize',
    'CreateAutoScalingGroupType.DesiredCapacity': 'asgSize',
    'UpdateAutoScalingGroupType.MinSize': 'asgSize',
    'UpdateAutoScalingGroupType.MaxSize': 'asgSize',
    'UpdateAutoScalingGroupType.DesiredCapacity': 'asgSize',
    'SetDesiredCapacityType.DesiredCapacity': 'asgSize',
  },
  cloudwatch: {
    'PutMetricAlarmInput.EvaluationPeriods': 'cwEvaluationPeriods',
    'PutMetricAlarmInput.DatapointsToAlarm': 'cwEvaluationPeriods',
  },
};
