import { describe, expect, it } from 'vitest';
import { epochSeconds, jsonBody, jsonInputProblem } from '../../../src/cli/serve/json';
import type { ServiceModel } from '../../../src/cli/serve/model';

/** A small service model of the kinds of shape the wire formats know. */
const svc: ServiceModel = {
  name: 'ecs',
  namespace: 'ecs',
  protocols: ['json'],
  apiVersion: '2014-11-13',
  signingName: 'ecs',
  operations: {},
  shapes: {
    Task: { t: 'structure', m: { taskArn: 'String', cpu: 'Integer', load: 'Double', createdAt: 'Timestamp', healthy: 'Boolean', tags: 'Tags', labels: 'Labels', overrides: 'Doc', group: { s: 'String', n: 'groupName' } } },
    Tags: { t: 'list', e: 'Tag' },
    Tag: { t: 'structure', m: { key: 'String', value: 'String' } },
    Labels: { t: 'map', k: 'String', v: 'Integer' },
    Doc: { t: 'structure', doc: true },
    String: { t: 'string' },
    Integer: { t: 'integer' },
    Double: { t: 'double' },
    Timestamp: { t: 'timestamp' },
    Boolean: { t: 'boolean' },
  },
};

describe('a JSON response written by its output shape', () => {
  it("keeps only the model's members, in the model's order", () => {
    expect(jsonBody(svc, 'Task', { healthy: true, extra: 'dropped', cpu: 256, taskArn: 'arn:t' })).toBe('{"taskArn":"arn:t","cpu":256,"healthy":true}');
  });

  it('writes timestamps as epoch seconds, doubles with a decimal point and integers whole', () => {
    expect(jsonBody(svc, 'Task', { createdAt: '2025-01-01T00:00:01.500Z', load: 50, cpu: 256.9 })).toBe('{"cpu":256,"load":50.0,"createdAt":1735689601.5}');
    expect(jsonBody(svc, 'Task', { createdAt: 1735689601, load: 0.25 })).toBe('{"load":0.25,"createdAt":1735689601}');
    expect(jsonBody(svc, 'Task', { load: 1e20 })).toBe('{"load":100000000000000000000}');
  });

  it('writes lists and maps by their members, leaving out what does not fit', () => {
    const out = jsonBody(svc, 'Task', { tags: [{ key: 'team', value: 'web' }, 'loose', null], labels: { a: 1, b: 'two' } });
    expect(out).toBe('{"tags":[{"key":"team","value":"web"}],"labels":{"a":1}}');
  });

  it('sends a document as it is, and a value of the wrong type not at all', () => {
    expect(jsonBody(svc, 'Task', { overrides: { anything: [1, { deep: true }] } })).toBe('{"overrides":{"anything":[1,{"deep":true}]}}');
    expect(jsonBody(svc, 'Task', { cpu: '256', healthy: 'yes', load: Number.NaN, createdAt: 'not a date', tags: {}, labels: [] })).toBe('{}');
  });

  it('writes a scalar string member from a number or a boolean as a string', () => {
    expect(jsonBody(svc, 'Task', { taskArn: 42, group: true })).toBe('{"taskArn":"42","group":"true"}');
  });

  it('is {} for an operation without an output shape, a missing output or an output that is not a structure', () => {
    expect(jsonBody(svc, undefined, { taskArn: 'x' })).toBe('{}');
    expect(jsonBody(svc, 'Task', undefined)).toBe('{}');
    expect(jsonBody(svc, 'Task', ['x'])).toBe('{}');
    expect(jsonBody(svc, 'NoSuchShape', { taskArn: 'x' })).toBe('{}');
  });
});

describe('epoch seconds of an engine timestamp', () => {
  it('reads numbers as they are and ISO 8601 strings, and nothing else', () => {
    expect(epochSeconds(12.5)).toBe(12.5);
    expect(epochSeconds('1970-01-01T00:01:00Z')).toBe(60);
    expect(epochSeconds('yesterday')).toBeUndefined();
    expect(epochSeconds(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(epochSeconds(null)).toBeUndefined();
  });
});

describe('the type check of a JSON request', () => {
  it('passes a request whose members all fit, and members outside the model', () => {
    expect(jsonInputProblem(svc, 'Task', { taskArn: 'a', cpu: 1, load: 0.5, createdAt: '2025-01-01T00:00:00Z', healthy: false, tags: [{ key: 'k' }], labels: { x: 1 }, overrides: { free: 'form' }, unknown: [1] })).toBeUndefined();
    expect(jsonInputProblem(svc, 'Task', { createdAt: 1735689600, cpu: null })).toBeUndefined();
  });

  it('names the first member that does not fit, by its path, as the SerializationException says it', () => {
    expect(jsonInputProblem(svc, 'Task', { cpu: '256' })).toBe('cpu: expected a number, found string.');
    expect(jsonInputProblem(svc, 'Task', { tags: [{ key: 'k' }, { key: 7 }] })).toBe('tags[1].key: expected a string, found number.');
    expect(jsonInputProblem(svc, 'Task', { labels: { a: 1, b: true } })).toBe('labels.b: expected a number, found boolean.');
    expect(jsonInputProblem(svc, 'Task', { tags: { key: 'k' } })).toBe('tags: expected a list, found object.');
    expect(jsonInputProblem(svc, 'Task', { labels: [] })).toBe('labels: expected a map, found a list.');
    expect(jsonInputProblem(svc, 'Task', { healthy: 'true' })).toBe('healthy: expected a boolean, found string.');
    expect(jsonInputProblem(svc, 'Task', { createdAt: true })).toBe('createdAt: expected a timestamp, found boolean.');
    expect(jsonInputProblem(svc, 'Task', { overrides: 'x' })).toBe('overrides: expected a structure, found string.');
    // Of two that do not fit, the first in the model's order (not the request's).
    expect(jsonInputProblem(svc, 'Task', { tags: [{ value: 1 }], cpu: 'x' })).toBe('cpu: expected a number, found string.');
  });

  it('says "The request" when the request itself is not a structure', () => {
    expect(jsonInputProblem(svc, 'Task', [1, 2])).toBe('The request: expected a structure, found a list.');
    expect(jsonInputProblem(svc, 'Task', 'text')).toBe('The request: expected a structure, found string.');
  });
});
