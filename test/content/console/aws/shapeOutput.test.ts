import { describe, expect, it } from 'vitest';
import { pyJsonDumps } from '../../../../src/content/console/aws/format';
import { shapeOf, type ServiceModel } from '../../../../src/content/console/aws/model';
import { newFloats, shapeResponse } from '../../../../src/content/console/aws/shapeOutput';
import { DESCRIBE_CLUSTERS, shapedEcs } from '../../../support/awsConsoleResponses';

describe('a response as botocore parses it', () => {
  it("keeps the model's members in the model's order, drops others and nulls, and prints times and doubles as the CLI v2 does", () => {
    const { data, floats } = shapedEcs('DescribeClusters', DESCRIBE_CLUSTERS);
    expect(Object.keys((data as typeof DESCRIBE_CLUSTERS).clusters[0]!)).toEqual([
      'clusterArn',
      'clusterName',
      'status',
      'registeredContainerInstancesCount',
      'runningTasksCount',
      'pendingTasksCount',
      'activeServicesCount',
      'statistics',
      'tags',
      'settings',
      'capacityProviders',
      'defaultCapacityProviderStrategy',
    ]);
    expect(pyJsonDumps(data, floats)).not.toContain('internalNote');
    const ci = shapedEcs('DescribeContainerInstances', {
      containerInstances: [{ registeredAt: 1735689612.5, remainingResources: [{ name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 }], agentUpdateStatus: null }],
    });
    expect(pyJsonDumps(ci.data, ci.floats)).toBe(
      [
        '{',
        '    "containerInstances": [',
        '        {',
        '            "remainingResources": [',
        '                {',
        '                    "name": "CPU",',
        '                    "type": "INTEGER",',
        '                    "doubleValue": 0.0,',
        '                    "longValue": 0,',
        '                    "integerValue": 2048',
        '                }',
        '            ],',
        '            "registeredAt": "2025-01-01T00:00:12.500000+00:00"',
        '        }',
        '    ]',
        '}',
      ].join('\n'),
    );
  });

  it('reads a time the engine gives as ISO text as a time too, and leaves other text alone', () => {
    const { data } = shapedEcs('DescribeContainerInstances', { containerInstances: [{ registeredAt: '2025-01-01T00:00:00.000Z' }, { registeredAt: 'soon' }] });
    expect(data).toEqual({ containerInstances: [{ registeredAt: '2025-01-01T00:00:00+00:00' }, { registeredAt: 'soon' }] });
  });

  it('keeps a response without an output shape as it is, and makes no response an empty one', () => {
    const raw = { anything: [1, null] };
    expect(shapeResponse(undefined, undefined, raw, newFloats())).toBe(raw);
    expect(shapedEcs('ListClusters', null).data).toEqual({});
  });
});

describe('where the doubles are', () => {
  // A hand-built model: a map of doubles, a list of doubles, a document, a list of strings.
  const svc: ServiceModel = {
    ns: 'x',
    protocol: 'json',
    operations: [],
    ops: {},
    waiters: {},
    shapes: [
      { t: 'S', m: { weights: 1, samples: 2, doc: 3, names: 4 } },
      { t: 'M', k: 's', v: 'd' },
      { t: 'L', e: 'd' },
      { t: 'S', m: {}, doc: 1 },
      { t: 'L', e: 's' },
    ],
  };

  it("notes a map's and a list's doubles for printing, keeps a document whole and a list's nulls", () => {
    const floats = newFloats();
    const data = shapeResponse(svc, shapeOf(svc, 0), { weights: { a: 1, b: null }, samples: [2, 3], doc: { free: [null, 1] }, names: ['x', null] }, floats) as Record<string, object>;
    expect(data).toEqual({ weights: { a: 1 }, samples: [2, 3], doc: { free: [null, 1] }, names: ['x', null] });
    expect(floats.members.get(data.weights!)).toEqual(new Set(['a']));
    expect(floats.lists.has(data.samples!)).toBe(true);
    expect(floats.lists.has(data.names!)).toBe(false);
    expect(pyJsonDumps(data, floats)).toBe(
      [
        '{',
        '    "weights": {',
        '        "a": 1.0',
        '    },',
        '    "samples": [',
        '        2.0,',
        '        3.0',
        '    ],',
        '    "doc": {',
        '        "free": [',
        '            null,',
        '            1',
        '        ]',
        '    },',
        '    "names": [',
        '        "x",',
        '        null',
        '    ]',
        '}',
      ].join('\n'),
    );
  });
});
