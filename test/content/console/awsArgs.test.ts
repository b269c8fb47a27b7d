import { describe, expect, it } from 'vitest';
import { kebab, parseCommand } from '../../../src/content/console';

describe('the AWS CLI argument model', () => {
  it('names options as the AWS CLI does', () => {
    expect(kebab('taskDefinition')).toBe('task-definition');
    expect(kebab('enableECSManagedTags')).toBe('enable-ecs-managed-tags');
    expect(kebab('healthCheckGracePeriodSeconds')).toBe('health-check-grace-period-seconds');
  });

  it('turns options into the request by the API model: numbers, lists of structures, booleans', () => {
    const p = parseCommand('aws ecs run-task --cluster demo --task-definition web:2 --count 3 --placement-strategy type=spread,field=instanceId type=binpack,field=memory --enable-execute-command');
    expect(p).toEqual({
      kind: 'aws', service: 'ecs', operation: 'RunTask', call: 'ecs.RunTask',
      input: { cluster: 'demo', taskDefinition: 'web:2', count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'binpack', field: 'memory' }], enableExecuteCommand: true },
    });
    const svc = parseCommand('aws ecs create-service --service-name web --task-definition web --desired-count 2 --network-configuration "awsvpcConfiguration={subnets=[subnet-us-east-1a],assignPublicIp=DISABLED}"');
    expect(svc).toMatchObject({ input: { desiredCount: 2, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'], assignPublicIp: 'DISABLED' } } } });
    expect(parseCommand('aws application-autoscaling register-scalable-target --service-namespace ecs --min-capacity 1 --max-capacity 4')).toMatchObject({ input: { ServiceNamespace: 'ecs', MinCapacity: 1, MaxCapacity: 4 } });
  });

  it('reads --cli-input-json from an editor file, options winning', () => {
    const p = parseCommand('aws ecs register-task-definition --cli-input-json file://td.json --family other', { 'td.json': '{"family": "web", "containerDefinitions": []}' });
    expect(p).toMatchObject({ input: { family: 'other', containerDefinitions: [] } });
    expect(parseCommand('aws ecs register-task-definition --cli-input-json file://nope.json')).toMatchObject({ kind: 'error', exitCode: 252, message: expect.stringContaining('Unable to load paramfile file://nope.json') });
  });

  it('gives the AWS CLI error text for bad input', () => {
    expect(parseCommand('aws ecs run-task --cluster demo')).toMatchObject({ exitCode: 252, message: expect.stringContaining('aws: error: the following arguments are required: --task-definition') });
    expect(parseCommand('aws ecs run-task --task-definition web --colour blue')).toMatchObject({ exitCode: 252, message: expect.stringContaining('Unknown options: --colour, blue') });
    expect(parseCommand('aws ecs run-tusk')).toMatchObject({ exitCode: 252, message: expect.stringContaining("Invalid choice: 'run-tusk'") });
    expect(parseCommand('aws ecs run-task --task-definition web --count many')).toMatchObject({ exitCode: 252, message: expect.stringContaining("invalid int value: 'many'") });
    expect(parseCommand('kubectl get pods')).toMatchObject({ exitCode: 127 });
  });
});
