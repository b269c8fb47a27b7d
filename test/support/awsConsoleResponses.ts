import { outputShape, serviceModel } from '../../src/content/console/aws/model';
import { newFloats, shapeResponse } from '../../src/content/console/aws/shapeOutput';

/** A response of the ECS engine shaped as the console's AWS CLI prints it: the data and where its doubles are. */
export function shapedEcs(operation: string, response: unknown) {
  const ecs = serviceModel('ecs')!;
  const floats = newFloats();
  return { data: shapeResponse(ecs, outputShape(ecs, operation), response, floats), floats };
}

/** The engine's DescribeClusters answer in its own order, with a member no model has. */
export const DESCRIBE_CLUSTERS = {
  clusters: [
    {
      status: 'ACTIVE',
      clusterName: 'demo',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      statistics: [],
      tags: [],
      settings: [{ name: 'containerInsights', value: 'disabled' }],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      internalNote: 'x',
    },
  ],
  failures: [],
};
