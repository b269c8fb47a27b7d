import { describe, expect, it } from 'vitest';
import { complete, runCommand } from '../../../src/content/console';
import { Sim } from '../../../src/sim';

describe('tab completion', () => {
  it("completes commands, services, operations and an ECS operation's options from the parser's tables", () => {
    expect(complete('aw')).toEqual({ line: 'aws ', candidates: ['aws'] });
    expect(complete('aws ecs run')).toEqual({ line: 'aws ecs run-task ', candidates: ['run-task'] });
    expect(complete('aws ecs describe-t')).toEqual({ line: 'aws ecs describe-task', candidates: ['describe-task-definition', 'describe-tasks'] });
    expect(complete('aws ecs run-task --clu').line).toBe('aws ecs run-task --cluster ');
    expect(complete('aws ecs run-task --cluster demo --co').candidates).toEqual(['--color', '--count']);
    expect(complete('aws ecs run-task --cluster demo --cl').candidates).toEqual(['--cli-auto-prompt', '--cli-binary-format', '--cli-connect-timeout', '--cli-input-json', '--cli-input-yaml', '--cli-read-timeout', '--client-token']);
    expect(complete('aws ecs list-clusters --output t').candidates).toEqual(['table', 'text']);
    expect(complete('aws --region us-east-1 ecs list-cl').line).toBe('aws --region us-east-1 ecs list-clusters ');
    expect(complete('aws ecs wait services-s').line).toBe('aws ecs wait services-stable ');
    expect(complete('aws ecs wait services-stable --ser').line).toBe('aws ecs wait services-stable --services ');
    // The command being typed is the one after the last operator, or inside $(…).
    expect(complete('export C=demo && aws ecs list-t').candidates).toEqual(['list-tags-for-resource', 'list-task-definition-families', 'list-task-definitions', 'list-tasks']);
    expect(complete('TASK=$(aws ecs list-tas').line).toBe('TASK=$(aws ecs list-task');
    expect(complete('copilot svc d').line).toBe('copilot svc deploy ');
    expect(complete('kubectl ').candidates).toEqual([]);
    expect(complete('copilot __proto__ ').candidates).toEqual([]);
    expect(complete('aws __proto__ x').candidates).toEqual([]);
    expect(runCommand(new Sim(), 'aws __proto__ list')).toMatchObject({ exitCode: 252, output: expect.stringContaining('aws: error: argument command: Invalid choice, valid choices are:') });
  });
});
