import { describe, expect, it } from 'vitest';
import { tableText, textLines } from '../../../../src/content/console/aws/format';
import { outputShape, serviceModel } from '../../../../src/content/console/aws/model';
import { newFloats, shapeResponse } from '../../../../src/content/console/aws/shapeOutput';
import { yamlText } from '../../../../src/content/console/aws/yamlOut';
import { pyJsonDumps } from '../../../../src/content/console/aws/format';

const ecs = serviceModel('ecs')!;
const shaped = (op: string, response: unknown) => {
  const floats = newFloats();
  return { data: shapeResponse(ecs, outputShape(ecs, op), response, floats), floats };
};

// The engine's answer in its own order, with a member no model has, epoch-second times and a whole double.
const CLUSTER = {
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

describe('a response as the CLI prints it', () => {
  it("keeps the model's members in the model's order, drops others and nulls, and prints times and doubles as the CLI v2 does", () => {
    const { data, floats } = shaped('DescribeClusters', CLUSTER);
    expect(Object.keys((data as typeof CLUSTER).clusters[0]!)).toEqual([
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
    const ci = shaped('DescribeContainerInstances', {
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

  it('prints text as the CLI does: tab-separated, keys sorted, nested lists under their upper-cased name', () => {
    const { data, floats } = shaped('DescribeClusters', CLUSTER);
    // aws ecs describe-clusters --clusters demo --output text (AWS CLI 2.9.19)
    expect(textLines(data, floats)).toEqual(['CLUSTERS\t0\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\tdemo\t0\t0\t0\tACTIVE', 'SETTINGS\tcontainerInsights\tdisabled']);
    expect(textLines({ clusterArns: ['a', 'b'] })).toEqual(['CLUSTERARNS\ta', 'CLUSTERARNS\tb']);
    expect(textLines(['web', 1, true, null])).toEqual(['web\t1\tTrue\tNone']);
  });

  it('prints a table as the CLI does, turning a table wider than 80 columns into rows of key and value', () => {
    const { data, floats } = shaped('DescribeClusters', CLUSTER);
    // aws ecs describe-clusters --clusters demo --output table (AWS CLI 2.9.19)
    expect(tableText('DescribeClusters', data, floats)).toBe(`--------------------------------------------------------------------------------------------
|                                     DescribeClusters                                     |
+------------------------------------------------------------------------------------------+
||                                        clusters                                        ||
|+------------------------------------+---------------------------------------------------+|
||  activeServicesCount               |  0                                                ||
||  clusterArn                        |  arn:aws:ecs:us-east-1:123456789012:cluster/demo  ||
||  clusterName                       |  demo                                             ||
||  pendingTasksCount                 |  0                                                ||
||  registeredContainerInstancesCount |  0                                                ||
||  runningTasksCount                 |  0                                                ||
||  status                            |  ACTIVE                                           ||
|+------------------------------------+---------------------------------------------------+|
|||                                       settings                                       |||
||+------------------------+-------------------------------------------------------------+||
|||  name                  |  containerInsights                                          |||
|||  value                 |  disabled                                                   |||
||+------------------------+-------------------------------------------------------------+||`);
    // aws ecs list-clusters --region eu-west-1 --output table: only the title of an empty list.
    expect(tableText('ListClusters', { clusterArns: [] })).toBe('--------------\n|ListClusters|\n+------------+');
    expect(tableText('ListClusters', {})).toBe('');
  });

  it("prints yaml as the CLI does (ruamel's safe dumper): keys sorted, times quoted, long strings folded", () => {
    const { data, floats } = shaped('DescribeClusters', CLUSTER);
    expect(yamlText(data, floats)).toBe(`clusters:
- activeServicesCount: 0
  capacityProviders: []
  clusterArn: arn:aws:ecs:us-east-1:123456789012:cluster/demo
  clusterName: demo
  defaultCapacityProviderStrategy: []
  pendingTasksCount: 0
  registeredContainerInstancesCount: 0
  runningTasksCount: 0
  settings:
  - name: containerInsights
    value: disabled
  statistics: []
  status: ACTIVE
  tags: []
failures: []`);
    // What ruamel.yaml 0.17 writes for these (as the CLI's YAMLDumper is set up).
    expect(
      yamlText({
        b: [{ x: 1, s: 'true' }, { y: '2025-01-01T00:00:00+00:00' }],
        a: 'hello world '.repeat(10),
        c: '',
        h: 'yes',
        i: '123',
        j: 'a: b',
        k: '-x',
        l: 'line1\nline2',
        q: "it's",
        r: '#x',
        s: 'x #y',
        t: '0x10',
        z: [[1, 2], []],
        ao: 'Null',
        as: '2025-01-01',
        at: '12:30',
      }),
    ).toBe(`a: 'hello world hello world hello world hello world hello world hello world hello
  world hello world hello world hello world '
ao: 'Null'
as: '2025-01-01'
at: 12:30
b:
- s: 'true'
  x: 1
- y: '2025-01-01T00:00:00+00:00'
c: ''
h: yes
i: '123'
j: 'a: b'
k: -x
l: 'line1

  line2'
q: it's
r: '#x'
s: 'x #y'
t: '0x10'
z:
- - 1
  - 2
- []`);
    expect(yamlText('demo')).toBe('"demo"');
  });
});
