import { describe, expect, it } from 'vitest';
import { pyJsonDumps, textLines } from '../../../../src/content/console/aws/format';
import { DESCRIBE_CLUSTERS, shapedEcs } from '../../../support/awsConsoleResponses';

// Each text is what the AWS CLI 2.9.19's own formatters print for the same data.
describe('the json format', () => {
  it("prints Python's json.dumps with four spaces, keeping the response's order and writing non-ASCII as it is", () => {
    expect(pyJsonDumps({ services: [{ serviceName: 'web', deployments: [{ id: 'd1', rolloutState: 'COMPLETED' }], tags: [], config: {} }], nextToken: null })).toBe(
      [
        '{',
        '    "services": [',
        '        {',
        '            "serviceName": "web",',
        '            "deployments": [',
        '                {',
        '                    "id": "d1",',
        '                    "rolloutState": "COMPLETED"',
        '                }',
        '            ],',
        '            "tags": [],',
        '            "config": {}',
        '        }',
        '    ],',
        '    "nextToken": null',
        '}',
      ].join('\n'),
    );
    expect(pyJsonDumps({ u: 'é日本\u2028', ctl: '\u0001\u001f\u007f', q: '"\\/' })).toBe('{\n    "u": "é日本\u2028",\n    "ctl": "\\u0001\\u001f\u007f",\n    "q": "\\"\\\\/"\n}');
  });

  it('prints a double with its decimal point, and NaN and Infinity as Python does', () => {
    const { data, floats } = shapedEcs('DescribeContainerInstances', { containerInstances: [{ remainingResources: [{ name: 'CPU', doubleValue: 2, integerValue: 2 }] }] });
    expect(pyJsonDumps(data, floats)).toContain('"doubleValue": 2.0,\n                    "integerValue": 2');
    expect(pyJsonDumps(2, undefined, true)).toBe('2.0');
    expect(pyJsonDumps([NaN, -Infinity, 1e21])).toBe('[\n    NaN,\n    -Infinity,\n    1e+21\n]');
  });
});

describe('the text format', () => {
  it('prints text as the CLI does: tab-separated, keys sorted, nested lists under their upper-cased name', () => {
    const { data, floats } = shapedEcs('DescribeClusters', DESCRIBE_CLUSTERS);
    // aws ecs describe-clusters --clusters demo --output text
    expect(textLines(data, floats)).toEqual(['CLUSTERS\t0\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\tdemo\t0\t0\t0\tACTIVE', 'SETTINGS\tcontainerInsights\tdisabled']);
    expect(textLines({ clusterArns: ['a', 'b'] })).toEqual(['CLUSTERARNS\ta', 'CLUSTERARNS\tb']);
    expect(textLines(['web', 1, true, null])).toEqual(['web\t1\tTrue\tNone']);
  });

  it("gives every element of a list of structures the same columns, the list's scalar keys in order", () => {
    expect(
      textLines({
        services: [
          { serviceName: 'web', desiredCount: 2, running: true },
          { serviceName: 'api', status: null },
        ],
        failures: [],
      }),
    ).toEqual(['SERVICES\t2\tTrue\tweb\t', 'SERVICES\t\t\tapi\tNone']);
    expect(
      textLines({
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
    ).toEqual(['SERVICES\tweb', 'EVENTS\t1\tm1', 'SERVICES\tapi', 'EVENTS\t2\tm2', 'EVENTS\t3\tm3']);
  });

  it("prints a response's own scalars first, without a name, then the rest by their sorted keys", () => {
    expect(textLines({ clusterArns: ['a', 'b'], n: 1 })).toEqual(['1', 'CLUSTERARNS\ta', 'CLUSTERARNS\tb']);
    expect(textLines({ b: 1, a: 2, d: { z: 1, y: 2 }, c: [{ y: 1, x: 2 }] })).toEqual(['2\t1', 'C\t2\t1', 'D\t2\t1']);
    expect(textLines({ services: [{ serviceName: 'web', tags: [] }], nextToken: null })).toEqual(['None', 'SERVICES\tweb']);
    expect(textLines({ a: [{ b: 1, c: [1, 2] }, { b: 2 }], z: 's', l: [[1, 2], ['x']] })).toEqual(['s', 'A\t1', 'C\t1', 'C\t2', 'A\t2', 'L\t1', 'L\t2', 'L\tx']);
    expect(
      textLines({
        m: [
          [1, 2],
          [3, 4],
        ],
        one: { only: 'value' },
      }),
    ).toEqual(['M\t1', 'M\t2', 'M\t3', 'M\t4', 'ONE\tvalue']);
  });
});
