import { describe, expect, it } from 'vitest';
import type { ArgValue } from '../../../../src/content/console/aws/argparse';
import { inputShape, memberShape, serviceModel } from '../../../../src/content/console/aws/model';
import { PyFloat } from '../../../../src/content/console/aws/python';
import { ParamError, PythonError, paramFile, unpackArgument } from '../../../../src/content/console/aws/unpack';

// Each expected value is the request body the AWS CLI 2.9.19 sends for the same argument (read from its --debug
// log), or the error it prints.
const FILES = { 'svc.txt': 'abc', 'svc.json': '["x", "y"]', 'ov.txt': 'cpu=512' };

function unpack(service: string, operation: string, member: string, raw: ArgValue, option = '--x'): unknown {
  const svc = serviceModel(service)!;
  const shape = memberShape(svc, inputShape(svc, operation)!, member)!;
  return unpackArgument(svc, shape, raw, option, FILES);
}
const ecs = (operation: string, member: string, raw: ArgValue, option?: string) => unpack('ecs', operation, member, raw, option);

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('nothing thrown');
}

describe('scalars', () => {
  it('reads an integer as int() does, and says what int() says of anything else (a Python error, status 255)', () => {
    expect(ecs('UpdateService', 'desiredCount', ' 7 ')).toBe(7);
    expect(ecs('UpdateService', 'desiredCount', '１２')).toBe(12);
    const e = thrown(() => ecs('UpdateService', 'desiredCount', '1.5'));
    expect(e).toBeInstanceOf(PythonError);
    expect(e.message).toBe("invalid literal for int() with base 10: '1.5'");
  });

  it('keeps a double a Python float, so that it prints as 75.0', () => {
    expect(unpack('cloudwatch', 'PutMetricAlarm', 'Threshold', 75)).toEqual(new PyFloat(75));
    expect(unpack('cloudwatch', 'PutMetricAlarm', 'Threshold', '0.5')).toEqual(new PyFloat(0.5));
  });

  it('passes strings and flags through as they are', () => {
    expect(ecs('RunTask', 'taskDefinition', 'web:3')).toBe('web:3');
    expect(ecs('UpdateService', 'forceNewDeployment', true)).toBe(true);
  });
});

describe('lists', () => {
  it('takes a list of scalars as the words given, or as JSON when its one word is a JSON list', () => {
    expect(ecs('DescribeServices', 'services', ['a', 'b'])).toEqual(['a', 'b']);
    expect(ecs('DescribeServices', 'services', ['["a","b"]'])).toEqual(['a', 'b']);
    expect(ecs('CreateCluster', 'capacityProviders', [])).toEqual([]);
    // Several words are never JSON, whichever of them looks like it.
    expect(ecs('DescribeServices', 'services', ['["b"]', 'a'])).toEqual(['["b"]', 'a']);
  });

  it("refuses a JSON list it cannot read in the CLI's words", () => {
    const e = thrown(() => ecs('DescribeServices', 'services', ['[a'], '--services'));
    expect(e).toBeInstanceOf(ParamError);
    expect(e.message).toBe("Error parsing parameter '--services': Invalid JSON: Expecting value: line 1 column 2 (char 1)\nJSON received: [a");
  });

  it('takes a list of structures as one shorthand value a word, or as JSON', () => {
    expect(ecs('RunTask', 'tags', ['key=a,value=b', 'key=c,value=d'])).toEqual([
      { key: 'a', value: 'b' },
      { key: 'c', value: 'd' },
    ]);
    expect(ecs('PutAttributes', 'attributes', ['name=a', 'name=b,value=c'])).toEqual([{ name: 'a' }, { name: 'b', value: 'c' }]);
    expect(ecs('PutAttributes', 'attributes', ['[{"name":"a"}]'])).toEqual([{ name: 'a' }]);
  });

  it("reads a file's text in place of the value: a string where a list was expected is its characters, as Python iterates it", () => {
    expect(ecs('DescribeServices', 'services', ['file://svc.json'])).toEqual(['x', 'y']);
    expect(ecs('DescribeServices', 'services', ['file://svc.txt'])).toEqual(['a', 'b', 'c']);
  });
});

describe('structures and maps', () => {
  it("reads shorthand with the model's types: integers, booleans and nested lists", () => {
    expect(ecs('RunTask', 'overrides', 'cpu=256,containerOverrides=[{name=a,command=[x,y]}]')).toEqual({ cpu: '256', containerOverrides: [{ name: 'a', command: ['x', 'y'] }] });
    expect(ecs('CreateService', 'deploymentConfiguration', 'maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=false}')).toEqual({
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: false },
    });
    // A boolean that is neither true nor false stays a string, for the request's validation to refuse.
    expect(ecs('CreateService', 'deploymentConfiguration', 'deploymentCircuitBreaker={enable=maybe,rollback=false}')).toEqual({ deploymentCircuitBreaker: { enable: 'maybe', rollback: false } });
    // A single value where the model has a list becomes a list.
    expect(ecs('RunTask', 'networkConfiguration', 'awsvpcConfiguration={subnets=a,assignPublicIp=ENABLED}')).toEqual({ awsvpcConfiguration: { subnets: ['a'], assignPublicIp: 'ENABLED' } });
  });

  it('says what int() says of a shorthand integer it cannot read', () => {
    const e = thrown(() => ecs('CreateService', 'deploymentConfiguration', 'maximumPercent=abc'));
    expect(e).toBeInstanceOf(PythonError);
    expect(e.message).toBe("invalid literal for int() with base 10: 'abc'");
  });

  it('reads JSON for a value that starts with {, and refuses bad JSON with what it received', () => {
    expect(ecs('RunTask', 'overrides', ' {"cpu": "256", "memory": "1024"}')).toEqual({ cpu: '256', memory: '1024' });
    expect(thrown(() => ecs('RunTask', 'overrides', '{bad', '--overrides')).message).toBe(
      "Error parsing parameter '--overrides': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {bad",
    );
  });

  it("points at where shorthand went wrong, as the CLI's parser does", () => {
    expect(thrown(() => ecs('RunTask', 'overrides', 'hello', '--overrides')).message).toBe("Error parsing parameter '--overrides': Expected: '=', received: 'EOF' for input:\nhello\n     ^");
    expect(thrown(() => ecs('PutAttributes', 'attributes', [''], '--attributes')).message).toBe("Error parsing parameter '--attributes': Expected: '=', received: 'EOF' for input:\n\n^");
  });

  it('reads a map from shorthand or JSON', () => {
    expect(unpack('servicediscovery', 'DiscoverInstances', 'QueryParameters', 'a=b,c=d')).toEqual({ a: 'b', c: 'd' });
    expect(unpack('servicediscovery', 'DiscoverInstances', 'QueryParameters', '{"a": "b"}')).toEqual({ a: 'b' });
  });

  it("reads a file's shorthand as if it were typed", () => {
    expect(ecs('RunTask', 'overrides', 'file://ov.txt')).toEqual({ cpu: '512' });
  });
});

describe('paramfiles', () => {
  it("reads file:// and fileb:// from the editor's files, and names a missing one as Python does", () => {
    expect(paramFile('file://svc.txt', '--x', FILES)).toBe('abc');
    expect(paramFile('fileb://svc.txt', '--x', FILES)).toBe('abc');
    expect(paramFile('svc.txt', '--x', FILES)).toBeUndefined();
    expect(thrown(() => paramFile('file://nope.json', '--cli-input-json', FILES)).message).toBe("Error parsing parameter '--cli-input-json': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'");
    // Only the editor's own files: not what every object has.
    expect(() => paramFile('file://constructor', '--x', FILES)).toThrow(ParamError);
  });
});
