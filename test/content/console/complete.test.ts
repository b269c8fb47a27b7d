import { describe, expect, it } from 'vitest';
import { complete, parseCommand } from '../../../src/content/console';

describe('tab completion', () => {
  it('completes commands, services, operations and an ECS operation\'s options from the parser\'s tables', () => {
    expect(complete('aw')).toEqual({ line: 'aws ', candidates: ['aws'] });
    expect(complete('aws ecs run')).toEqual({ line: 'aws ecs run-task ', candidates: ['run-task'] });
    expect(complete('aws ecs describe-t')).toEqual({ line: 'aws ecs describe-task', candidates: ['describe-task-definition', 'describe-tasks'] });
    expect(complete('aws ecs run-task --clu').line).toBe('aws ecs run-task --cluster ');
    expect(complete('aws ecs run-task --cluster demo --c').candidates).toEqual(['--capacity-provider-strategy', '--cli-input-json', '--client-token', '--count']);
    expect(complete('copilot svc d').line).toBe('copilot svc deploy ');
    expect(complete('kubectl ').candidates).toEqual([]);
    expect(complete('copilot __proto__ ').candidates).toEqual([]);
    expect(complete('aws __proto__ x').candidates).toEqual([]);
    expect(parseCommand('aws __proto__ list')).toMatchObject({ kind: 'error', exitCode: 252 });
  });
});
