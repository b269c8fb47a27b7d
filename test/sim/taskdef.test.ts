import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../src/sim';
import { parseCpu, parseMemory } from '../../src/sim/api/ecs/taskDefinitionRules';

const register = (input: unknown) => new Sim().call('ecs.RegisterTaskDefinition', input);
const base = () => ({ family: 'app', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] as Record<string, unknown>[] });

describe('RegisterTaskDefinition', () => {
  it('reads the unit forms AWS accepts', () => {
    expect([parseCpu('1 vCPU'), parseCpu('0.25 vcpu'), parseCpu('256'), parseCpu('lots')]).toEqual([1024, 256, 256, undefined]);
    expect([parseMemory('2 GB'), parseMemory('0.5gb'), parseMemory('512'), parseMemory('2 TB')]).toEqual([2048, 512, 512, undefined]);
  });

  it('rejects what describe-task-definition returns with the SDK message', () => {
    const r = register({ ...base(), taskDefinitionArn: 'arn:x', revision: 3, status: 'ACTIVE' });
    expect(r.error?.code).toBe('ParamValidationError');
    expect(r.error?.message).toContain('Unknown parameter in input: "taskDefinitionArn", must be one of: family, taskRoleArn');
    expect(r.error?.message).toContain('Unknown parameter in input: "revision"');
  });

  it('enforces container rules', () => {
    const no = (mut: (d: ReturnType<typeof base>) => void) => {
      const d = base();
      mut(d);
      return register(d).error;
    };
    expect(
      no((d) => {
        d.containerDefinitions[0]!.essential = false;
      })?.message,
    ).toBe('At least one container in the task definition must be essential.');
    expect(
      no((d) => {
        d.containerDefinitions = Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: 'x', memory: 8 }));
      })?.message,
    ).toMatch(/at most 10 containers/);
    expect(
      no((d) => {
        d.containerDefinitions.push({ name: 'app', image: 'y', memory: 8 });
      })?.message,
    ).toMatch(/Duplicate container name 'app'/);
    expect(
      no((d) => {
        d.containerDefinitions[0]!.dependsOn = [{ containerName: 'ghost', condition: 'START' }];
      })?.message,
    ).toMatch(/'ghost'/);
    expect(
      no((d) => {
        d.containerDefinitions.push({ name: 'init', image: 'y', memory: 8, dependsOn: [{ containerName: 'app', condition: 'SUCCESS' }] });
      })?.message,
    ).toMatch(/cannot target an essential container/);
    expect(
      no((d) => {
        d.containerDefinitions.push({ name: 'b', image: 'y', memory: 8, dependsOn: [{ containerName: 'app', condition: 'HEALTHY' }] });
      })?.message,
    ).toMatch(/has no health check/);
    expect(
      no((d) => {
        d.containerDefinitions[0]!.dependsOn = [{ containerName: 'b', condition: 'START' }];
        d.containerDefinitions.push({ name: 'b', image: 'y', memory: 8, dependsOn: [{ containerName: 'app', condition: 'START' }] });
      })?.message,
    ).toMatch(/Circular container dependency: app -> b -> app/);
    expect(
      no((d) => {
        Object.assign(d, { networkMode: 'awsvpc' });
        d.containerDefinitions[0]!.portMappings = [{ containerPort: 80, hostPort: 8080 }];
      })?.message,
    ).toBe('When networkMode=awsvpc, the host ports and container ports in port mappings must match.');
    expect(
      no((d) => {
        Object.assign(d, { placementConstraints: [{ type: 'distinctInstance' }] });
      })?.message,
    ).toMatch(/Only memberOf/);
    expect(
      no((d) => {
        Object.assign(d, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:x ==' }] });
      })?.message,
    ).toMatch(/at position 14/);
    expect(
      no((d) => {
        Object.assign(d, { networkMode: 'awsvpc' });
        d.containerDefinitions[0]!.hostname = 'web';
      })?.message,
    ).toMatch(/hostname is not supported when networkMode=awsvpc/);
    expect(
      no((d) => {
        d.containerDefinitions[0]!.memoryReservation = 256;
      })?.message,
    ).toMatch(/'memory' must be greater than or equal to 'memoryReservation'/);
  });

  it('counts revisions per family and keeps numbers after deregistration', () => {
    const sim = new Sim();
    sim.call('ecs.RegisterTaskDefinition', base());
    sim.call('ecs.RegisterTaskDefinition', base());
    sim.call('ecs.DeregisterTaskDefinition', { taskDefinition: 'app:2' });
    const r = sim.call('ecs.RegisterTaskDefinition', base());
    expect((r.output as { taskDefinition: { revision: number } }).taskDefinition.revision).toBe(3);
    expect(sim.call('ecs.DescribeTaskDefinition', { taskDefinition: 'app' }).output).toMatchObject({ taskDefinition: { revision: 3 } });
    expect(sim.call('ecs.DescribeTaskDefinition', { taskDefinition: 'nope' }).error).toEqual({ code: 'ClientException', message: 'Unable to describe task definition.' });
  });

  it('answers any input with a result or an API error, never an exception', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = register(input);
        expect(r.error?.code).not.toBe('ServerException');
      }),
      { numRuns: 1500 },
    );
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -10, max: 70000 }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('awsvpc', 'bridge', 'FARGATE', '1 vCPU', '2 GB', 'CMD', 'START', 'HEALTHY', 'memberOf'),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const taskMembers = ['networkMode', 'cpu', 'memory', 'requiresCompatibilities', 'executionRoleArn', 'placementConstraints', 'pidMode', 'ipcMode', 'volumes', 'runtimePlatform'];
    const ctrMembers = ['cpu', 'memory', 'memoryReservation', 'essential', 'portMappings', 'healthCheck', 'dependsOn', 'links', 'image', 'name', 'stopTimeout', 'startTimeout', 'logConfiguration'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...taskMembers), value, { maxKeys: 4 }), fc.dictionary(fc.constantFrom(...ctrMembers), value, { maxKeys: 4 }), (t, c) => {
        const d = base();
        Object.assign(d, t);
        Object.assign(d.containerDefinitions[0]!, c);
        const r = register(d);
        expect(r.error?.code).not.toBe('ServerException');
      }),
      { numRuns: 3000 },
    );
  });
});
