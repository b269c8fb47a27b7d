import { describe, expect, it } from 'vitest';
import { loadHelp } from '../../../../src/content/console/aws/helpData';
import { jsonSyntax, shorthandExample } from '../../../../src/content/console/aws/helpSyntax';
import { inputShape, memberShape, serviceModel, shapeOf, type ServiceModel } from '../../../../src/content/console/aws/model';

/** An input member's shape, its enums and where they are, as `aws <service> <operation> help` reads them. */
async function member(service: string, operation: string, name: string) {
  const docs = await loadHelp();
  const svc = serviceModel(service)!;
  const input = inputShape(svc, operation)!;
  return { svc, shape: memberShape(svc, input, name)!, enums: docs.services[service]!.enums, where: `${input.ref}.${name}` };
}

// Each block is what `aws … help` (AWS CLI 2.9.19) prints for the option, less its indentation.
describe('the syntax blocks of an option', () => {
  it('writes a structure of structures and lists: shorthand on one line, JSON with enums as their values', async () => {
    const { svc, shape, enums, where } = await member('ecs', 'UpdateService', 'networkConfiguration');
    expect(shorthandExample(svc, shape)).toBe('awsvpcConfiguration={subnets=[string,string],securityGroups=[string,string],assignPublicIp=string}');
    expect(jsonSyntax(svc, shape, enums, where)).toBe(['{', '  "awsvpcConfiguration": {', '    "subnets": ["string", ...],', '    "securityGroups": ["string", ...],', '    "assignPublicIp": "ENABLED"|"DISABLED"', '  }', '}'].join('\n'));
  });

  it('writes a list of structures as one element and then ...', async () => {
    const { svc, shape, enums, where } = await member('ecs', 'UpdateService', 'placementStrategy');
    expect(shorthandExample(svc, shape)).toBe('type=string,field=string ...');
    expect(jsonSyntax(svc, shape, enums, where)).toBe(['[', '  {', '    "type": "random"|"spread"|"binpack",', '    "field": "string"', '  }', '  ...', ']'].join('\n'));
    const tags = await member('ecs', 'RunTask', 'tags');
    expect(shorthandExample(tags.svc, tags.shape)).toBe('key=string,value=string ...');
  });

  it('writes a map with two example keys in shorthand, one in JSON', async () => {
    const { svc, shape, enums, where } = await member('servicediscovery', 'DiscoverInstances', 'QueryParameters');
    expect(shorthandExample(svc, shape)).toBe('KeyName1=string,KeyName2=string');
    expect(jsonSyntax(svc, shape, enums, where)).toBe('{"string": "string"\n  ...}');
  });

  it('gives no shorthand for a shape too deep for it (the CLI prints none), nor for a list of scalars', async () => {
    const overrides = await member('ecs', 'RunTask', 'overrides');
    expect(shorthandExample(overrides.svc, overrides.shape)).toBe('');
    expect(jsonSyntax(overrides.svc, overrides.shape, overrides.enums, overrides.where).split('\n').slice(0, 5)).toEqual(['{', '  "containerOverrides": [', '    {', '      "name": "string",', '      "command": ["string", ...],']);
    const include = await member('ecs', 'DescribeServices', 'include');
    expect(shorthandExample(include.svc, include.shape)).toBeUndefined();
  });

  it('cuts recursion short and writes a document as {...}', () => {
    // A hand-built model: a structure that holds itself, a document, and a structure of one string Value.
    const svc: ServiceModel = {
      ns: 'x',
      protocol: 'json',
      operations: [],
      ops: {},
      waiters: {},
      shapes: [
        { t: 'S', m: { name: 's', next: 0, doc: 1, on: 'b' } },
        { t: 'S', m: {}, doc: 1 },
        { t: 'S', m: { Value: 's' } },
      ],
    };
    const node = shapeOf(svc, 0);
    expect(jsonSyntax(svc, node, {})).toBe('{\n  "name": "string",\n  "next": { ... recursive ... },\n  "doc": {...},\n  "on": true|false\n}');
    // As the CLI's ParamShorthandDocGen: the top structure is not on its stack, so the first level repeats once.
    expect(shorthandExample(svc, node)).toBe('name=string,next={name=string,next=( ... recursive ... ),on=boolean},on=boolean');
    expect(shorthandExample(svc, shapeOf(svc, 1))).toBeUndefined();
    expect(shorthandExample(svc, shapeOf(svc, 2))).toBeUndefined();
    expect(shorthandExample(svc, shapeOf(svc, 's'))).toBeUndefined();
  });
});
