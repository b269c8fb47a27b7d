/** The container agent the simulated EC2 instances run, and the capabilities it registers with. */

export const AGENT_VERSION = '1.87.1';

export const CAPABILITIES = [
  'com.amazonaws.ecs.capability.docker-remote-api.1.17',
  'com.amazonaws.ecs.capability.docker-remote-api.1.18',
  'com.amazonaws.ecs.capability.docker-remote-api.1.19',
  'com.amazonaws.ecs.capability.docker-remote-api.1.44',
  'com.amazonaws.ecs.capability.ecr-auth',
  'com.amazonaws.ecs.capability.task-iam-role',
  'com.amazonaws.ecs.capability.logging-driver.awslogs',
  'ecs.capability.task-eni',
  'ecs.capability.container-health-check',
  'ecs.capability.container-ordering',
  'ecs.capability.execution-role-awslogs',
  'ecs.capability.execution-role-ecr-pull',
];
