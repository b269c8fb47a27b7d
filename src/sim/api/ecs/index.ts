import type { EcsOperations } from './operation';
import { ACCOUNT_SETTING_OPERATIONS } from './accountSettings';
import { ATTRIBUTE_OPERATIONS } from './attributes';
import { CAPACITY_PROVIDER_OPERATIONS } from './capacityProviders';
import { CLUSTER_OPERATIONS } from './clusters';
import { CONTAINER_INSTANCE_OPERATIONS } from './containerInstances';
import { SERVICE_OPERATIONS } from './services';
import { SERVICE_DEPLOYMENT_OPERATIONS } from './serviceDeployments';
import { TASK_DEFINITION_OPERATIONS } from './taskDefinitions';
import { TASK_OPERATIONS } from './tasks';
import { TAG_OPERATIONS } from './tags';
import { TASK_PROTECTION_OPERATIONS } from './taskProtection';
import { EXECUTE_OPERATIONS } from './execute';
import { NAMESPACE_OPERATIONS } from './namespaces';
import { EXPRESS_OPERATIONS } from './express';

/** Amazon ECS (`ecs.`), one table per resource; a new resource is one file and one line here. */
export const ECS_OPERATIONS = {
  ...CLUSTER_OPERATIONS,
  ...CAPACITY_PROVIDER_OPERATIONS,
  ...TASK_DEFINITION_OPERATIONS,
  ...TASK_OPERATIONS,
  ...CONTAINER_INSTANCE_OPERATIONS,
  ...ATTRIBUTE_OPERATIONS,
  ...ACCOUNT_SETTING_OPERATIONS,
  ...SERVICE_OPERATIONS,
  ...TAG_OPERATIONS,
  ...TASK_PROTECTION_OPERATIONS,
  ...EXECUTE_OPERATIONS,
  ...NAMESPACE_OPERATIONS,
  ...SERVICE_DEPLOYMENT_OPERATIONS,
  ...EXPRESS_OPERATIONS,
} satisfies EcsOperations;
