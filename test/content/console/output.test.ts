import { describe, expect, it } from 'vitest';
import { cliTimestamps, runCommand } from '../../../src/content/console';
import { Sim } from '../../../src/sim';

describe('console output', () => {
  it('prints times in ISO 8601 as the AWS CLI v2 does, leaving other numbers alone', () => {
    expect(cliTimestamps({ tasks: [{ createdAt: 1735689612.5, cpu: '256', startedAt: 1735689700 }], count: 1735689700 })).toEqual({
      tasks: [{ createdAt: '2025-01-01T00:00:12.500000+00:00', cpu: '256', startedAt: '2025-01-01T00:01:40+00:00' }], count: 1735689700,
    });
    const r = runCommand(new Sim(), 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
    expect(r.output).toContain('"registeredAt": "2025-01-01T00:00:00+00:00"');
  });
});
