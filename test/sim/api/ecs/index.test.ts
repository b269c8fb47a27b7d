import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { ECS_OPERATIONS } from '../../../../src/sim/api/ecs';
import { ACCOUNT_SETTING_OPERATIONS } from '../../../../src/sim/api/ecs/accountSettings';
import { ATTRIBUTE_OPERATIONS } from '../../../../src/sim/api/ecs/attributes';
import { CAPACITY_PROVIDER_OPERATIONS } from '../../../../src/sim/api/ecs/capacityProviders';
import { CLUSTER_OPERATIONS } from '../../../../src/sim/api/ecs/clusters';
import { CONTAINER_INSTANCE_OPERATIONS } from '../../../../src/sim/api/ecs/containerInstances';
import { EXECUTE_OPERATIONS } from '../../../../src/sim/api/ecs/execute';
import { EXPRESS_OPERATIONS } from '../../../../src/sim/api/ecs/express';
import { NAMESPACE_OPERATIONS } from '../../../../src/sim/api/ecs/namespaces';
import { SERVICE_DEPLOYMENT_OPERATIONS } from '../../../../src/sim/api/ecs/serviceDeployments';
import { SERVICE_OPERATIONS } from '../../../../src/sim/api/ecs/services';
import { TAG_OPERATIONS } from '../../../../src/sim/api/ecs/tags';
import { TASK_DEFINITION_OPERATIONS } from '../../../../src/sim/api/ecs/taskDefinitions';
import { TASK_PROTECTION_OPERATIONS } from '../../../../src/sim/api/ecs/taskProtection';
import { TASK_OPERATIONS } from '../../../../src/sim/api/ecs/tasks';
import { modelOf } from '../../../../src/sim/api/params';

const TABLES = {
  ACCOUNT_SETTING_OPERATIONS,
  ATTRIBUTE_OPERATIONS,
  CAPACITY_PROVIDER_OPERATIONS,
  CLUSTER_OPERATIONS,
  CONTAINER_INSTANCE_OPERATIONS,
  EXECUTE_OPERATIONS,
  EXPRESS_OPERATIONS,
  NAMESPACE_OPERATIONS,
  SERVICE_DEPLOYMENT_OPERATIONS,
  SERVICE_OPERATIONS,
  TAG_OPERATIONS,
  TASK_DEFINITION_OPERATIONS,
  TASK_PROTECTION_OPERATIONS,
  TASK_OPERATIONS,
};

describe('ECS_OPERATIONS', () => {
  it('is every table of the ECS resources, none of them naming an operation another one names', () => {
    const owners = new Map<string, string[]>();
    for (const [table, ops] of Object.entries(TABLES)) for (const op of Object.keys(ops)) owners.set(op, [...(owners.get(op) ?? []), table]);
    expect([...owners].filter(([, t]) => t.length > 1)).toEqual([]);
    expect(Object.keys(ECS_OPERATIONS).sort()).toEqual([...owners.keys()].sort());
  });

  it('is what Sim.call runs under ecs., each an operation of the ECS API model', () => {
    const ecs = Sim.operations()
      .filter((o) => o.startsWith('ecs.'))
      .map((o) => o.slice(4));
    expect(ecs.sort()).toEqual(Object.keys(ECS_OPERATIONS).sort());
    const model = Object.keys(modelOf('ecs')!.operations);
    expect(ecs.filter((o) => !model.includes(o))).toEqual([]);
  });
});
