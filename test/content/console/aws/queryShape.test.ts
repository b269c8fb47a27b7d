import { describe, expect, it } from 'vitest';
import { outputShape, serviceModel, shapeOf, type ServiceModel } from '../../../../src/content/console/aws/model';
import { queryFloats } from '../../../../src/content/console/aws/queryShape';

describe("a query's result in the model's terms", () => {
  const ecs = serviceModel('ecs')!;
  const out = outputShape(ecs, 'DescribeContainerInstances');
  const floats = (expression: string) => queryFloats(expression, ecs, out);

  it('finds a double member through fields, indexes, filters and pipes', () => {
    expect(floats('containerInstances[0].remainingResources[0].doubleValue')).toBe(0);
    expect(floats('containerInstances[0].remainingResources[?name==`CPU`].doubleValue | [0]')).toBe(0);
    expect(floats('max(containerInstances[0].remainingResources[].doubleValue)')).toBe(0);
  });

  it('finds a list of doubles through projections, flattens and slices', () => {
    expect(floats('containerInstances[0].remainingResources[].doubleValue')).toBe(1);
    expect(floats('containerInstances[].remainingResources[].doubleValue')).toBe(1);
    expect(floats('containerInstances[].remainingResources[][].doubleValue')).toBe(1);
    expect(floats('containerInstances[0].remainingResources[1:].doubleValue')).toBe(1);
  });

  it('finds doubles in a list of lists, and how deep', () => {
    expect(floats('containerInstances[*].remainingResources[*].doubleValue')).toBe(2);
    expect(floats('containerInstances[*].remainingResources[*].doubleValue[]')).toBe(1);
    expect(floats('[containerInstances[*].remainingResources[*].doubleValue]')).toBeUndefined();
  });

  it('says nothing of other members, of functions that make other types, and of expressions it cannot read', () => {
    expect(floats('containerInstances[0].remainingResources[0].integerValue')).toBeUndefined();
    expect(floats('containerInstances[0].remainingResources[0]')).toBeUndefined();
    expect(floats('length(containerInstances)')).toBeUndefined();
    expect(floats('[')).toBeUndefined();
    expect(queryFloats('x', undefined, out)).toBeUndefined();
    expect(queryFloats('x', ecs, undefined)).toBeUndefined();
  });

  it("reads a map's values and a value projection over it", () => {
    const svc: ServiceModel = {
      ns: 'x',
      protocol: 'json',
      operations: [],
      ops: {},
      waiters: {},
      shapes: [
        { t: 'S', m: { weights: 1 } },
        { t: 'M', k: 's', v: 'd' },
      ],
    };
    const shape = shapeOf(svc, 0);
    expect(queryFloats('weights.a', svc, shape)).toBe(0);
    expect(queryFloats('weights.*', svc, shape)).toBe(1);
  });
});
