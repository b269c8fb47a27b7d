import { describe, expect, it } from 'vitest';
import { printResponse, type Printable } from '../../../../src/content/console/aws/print';
import { compileQuery, type Query } from '../../../../src/content/console/aws/query';
import { newFloats } from '../../../../src/content/console/aws/shapeOutput';

const printable = (data: unknown, more: Partial<Printable> = {}): Printable => ({ operation: 'ListClusters', data, floats: newFloats(), ...more });
const query = (expression: string): Query => {
  const q = compileQuery(expression);
  if ('error' in q) throw new Error(q.error);
  return q;
};

describe('a response in the output format chosen', () => {
  const data = { clusterArns: ['a', 'b'] };

  it('prints each format as the CLI does', () => {
    expect(printResponse(printable(data), 'json', undefined)).toBe('{\n    "clusterArns": [\n        "a",\n        "b"\n    ]\n}');
    expect(printResponse(printable(data), 'text', undefined)).toBe('CLUSTERARNS\ta\nCLUSTERARNS\tb');
    expect(printResponse(printable(data), 'yaml', undefined)).toBe('clusterArns:\n- a\n- b');
    // yaml-stream: the response as one document of a stream, a list of one.
    expect(printResponse(printable(data), 'yaml-stream', undefined)).toBe('- clusterArns:\n  - a\n  - b');
    expect(printResponse(printable(data), 'table', undefined)).toBe('---------------\n|ListClusters |\n+-------------+\n||clusterArns||\n|+-----------+|\n||  a        ||\n||  b        ||\n|+-----------+|');
  });

  it('prints nothing for an empty response, in every format', () => {
    for (const format of ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const) expect(printResponse(printable({}), format, undefined), format).toBe('');
  });

  it('prints what the query selects', () => {
    expect(printResponse(printable(data), 'json', query('clusterArns[0]'))).toBe('"a"');
    expect(printResponse(printable(data), 'text', query('clusterArns'))).toBe('a\tb');
    expect(printResponse(printable(data), 'yaml', query('length(clusterArns)'))).toBe('2');
  });

  it("prints a queried double, or a list of them, with a decimal point, as the model's type says", () => {
    const weights = { weights: [1, 2.5], total: 3 };
    expect(printResponse(printable(weights, { queryFloats: 0 }), 'json', query('total'))).toBe('3.0');
    expect(printResponse(printable(weights, { queryFloats: 0 }), 'yaml-stream', query('total'))).toBe('- 3.0');
    expect(printResponse(printable(weights, { queryFloats: 1 }), 'json', query('weights'))).toBe('[\n    1.0,\n    2.5\n]');
    expect(printResponse(printable(weights), 'json', query('total'))).toBe('3');
  });

  it('prints text page by page, the query on each, and the token to resume from last', () => {
    const paged = printable({ clusterArns: ['a', 'b', 'c'] }, { pages: [{ clusterArns: ['a', 'b'] }, { clusterArns: ['c'] }], resumeToken: 'eyJ0' });
    expect(printResponse(paged, 'text', undefined)).toBe('CLUSTERARNS\ta\nCLUSTERARNS\tb\nCLUSTERARNS\tc\nNEXTTOKEN\teyJ0');
    // The CLI runs the query on the resume token's line too, which prints None here.
    expect(printResponse(paged, 'text', query('clusterArns'))).toBe('a\tb\nc\nNone');
    expect(printResponse(paged, 'text', query('NextToken'))).toBe('None\nNone\neyJ0');
    // The other formats print the whole result.
    expect(printResponse(paged, 'json', query('clusterArns'))).toBe('[\n    "a",\n    "b",\n    "c"\n]');
  });
});
