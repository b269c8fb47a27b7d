import { describe, expect, it } from 'vitest';
import { tableText } from '../../../../src/content/console/aws/table';
import { DESCRIBE_CLUSTERS, shapedEcs } from '../../../support/awsConsoleResponses';

// Each table is what the AWS CLI 2.9.19's own table formatter prints for the same data (80 columns).
describe('the table format', () => {
  it('prints a table as the CLI does, turning a table wider than 80 columns into rows of key and value', () => {
    const { data, floats } = shapedEcs('DescribeClusters', DESCRIBE_CLUSTERS);
    // aws ecs describe-clusters --clusters demo --output table
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
  });

  it('prints only the title of an empty list, and nothing for an empty response', () => {
    // aws ecs list-clusters --region eu-west-1 --output table
    expect(tableText('ListClusters', { clusterArns: [] })).toBe('--------------\n|ListClusters|\n+------------+');
    expect(tableText('ListClusters', {})).toBe('');
  });

  it("heads a list of structures with every scalar key, sorted, leaving a member's cell empty where it has none", () => {
    expect(
      tableText('DescribeServices', {
        services: [
          { serviceName: 'web', desiredCount: 2, running: true },
          { serviceName: 'api', status: null },
        ],
        failures: [],
      }),
    ).toBe(`--------------------------------------------------------
|                   DescribeServices                   |
+------------------------------------------------------+
||                      services                      ||
|+---------------+----------+---------------+---------+|
|| desiredCount  | running  |  serviceName  | status  ||
|+---------------+----------+---------------+---------+|
||  2            |  True    |  web          |         ||
||               |          |  api          |  None   ||
|+---------------+----------+---------------+---------+|`);
  });

  it('repeats the section of a list of structures for each element that has nested members', () => {
    expect(
      tableText('DescribeServices', {
        services: [
          { serviceName: 'web', events: [{ id: '1', message: 'm1' }] },
          {
            serviceName: 'api',
            events: [
              { id: '2', message: 'm2' },
              { id: '3', message: 'm3' },
            ],
          },
        ],
      }),
    ).toBe(`-----------------------
|  DescribeServices   |
+---------------------+
||     services      ||
|+-------------------+|
||    serviceName    ||
|+-------------------+|
||  web              ||
|+-------------------+|
|||     events      |||
||+-----+-----------+||
||| id  |  message  |||
||+-----+-----------+||
|||  1  |  m1       |||
||+-----+-----------+||
||     services      ||
|+-------------------+|
||    serviceName    ||
|+-------------------+|
||  api              ||
|+-------------------+|
|||     events      |||
||+-----+-----------+||
||| id  |  message  |||
||+-----+-----------+||
|||  2  |  m2       |||
|||  3  |  m3       |||
||+-----+-----------+||`);
  });

  it('scales the columns of a table of several rows to 80 columns rather than turning it', () => {
    const task = (id: string, lastStatus: string) => ({ taskArn: `arn:aws:ecs:us-east-1:123456789012:task/demo/${id}`, lastStatus, group: 'service:web' });
    expect(tableText('DescribeTasks', { tasks: [task('0123456789abcdef0123456789abcdef', 'RUNNING'), task('fedcba9876543210fedcba9876543210', 'PENDING')] }))
      .toBe(`------------------------------------------------------------------------------------------------------------------
|                                                  DescribeTasks                                                 |
+----------------------------------------------------------------------------------------------------------------+
||                                                     tasks                                                    ||
|+-------------+-------------+----------------------------------------------------------------------------------+|
||    group    | lastStatus  |                                     taskArn                                      ||
|+-------------+-------------+----------------------------------------------------------------------------------+|
||  service:web|  RUNNING    |  arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef   ||
||  service:web|  PENDING    |  arn:aws:ecs:us-east-1:123456789012:task/demo/fedcba9876543210fedcba9876543210   ||
|+-------------+-------------+----------------------------------------------------------------------------------+|`);
  });

  it('counts a wide East Asian character as two columns', () => {
    expect(tableText('Op', { name: '日本語のクラスター', x: 'y' })).toBe(`-----------------------------
|            Op             |
+----------------------+----+
|         name         | x  |
+----------------------+----+
|  日本語のクラスター  |  y |
+----------------------+----+`);
  });

  it('prints a list of lists as rows, a structure of one scalar as a row of key and value, and a top-level list under the title', () => {
    expect(
      tableText('Op', {
        m: [
          [1, 2],
          [3, 4],
        ],
        one: { only: 'value' },
      }),
    ).toBe(`---------------------
|        Op         |
+-------------------+
||        m        ||
|+-------+---------+|
||  1    |  2      ||
||  3    |  4      ||
|+-------+---------+|
||       one       ||
|+-------+---------+|
||  only |  value  ||
|+-------+---------+|`);
    expect(tableText('Op', [{ a: 1 }, { a: 2 }])).toBe(`-------
| Op  |
+-----+
|  a  |
+-----+
|  1  |
|  2  |
+-----+`);
    expect(tableText('Op', { xs: [{ k: 'v', inner: { p: 1, q: 2 } }] })).toBe(`----------------
|      Op      |
+--------------+
||     xs     ||
|+------------+|
||      k     ||
|+------------+|
||  v         ||
|+------------+|
|||   inner  |||
||+----+-----+||
|||  p |  q  |||
||+----+-----+||
|||  1 |  2  |||
||+----+-----+||`);
  });

  it('prints a double as Python prints a float', () => {
    const { data, floats } = shapedEcs('DescribeContainerInstances', { containerInstances: [{ remainingResources: [{ name: 'CPU', type: 'DOUBLE', doubleValue: 2 }] }] });
    expect(tableText('DescribeContainerInstances', data, floats)).toBe(`---------------------------------------
|     DescribeContainerInstances      |
+-------------------------------------+
||        containerInstances         ||
|||       remainingResources        |||
||+--------------+-------+----------+||
|||  doubleValue | name  |  type    |||
||+--------------+-------+----------+||
|||  2.0         |  CPU  |  DOUBLE  |||
||+--------------+-------+----------+||`);
  });
});
