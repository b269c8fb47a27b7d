import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, newSession, parseCommand, runCommand } from '../../../src/content/console';
import { Sim } from '../../../src/sim';

describe('running a line', () => {
  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        parseCommand(line);
        complete(line);
        complete(`copilot ${line}`);
        complete(`aws ${line}`);
        parseCommand(`aws ecs run-task ${line}`);
        parseCommand(`aws ecs create-service --network-configuration ${line}`);
      }),
      { numRuns: 500 },
    );
    const word = fc.constantFrom('aws', 'ecs', 'run-task', '--cluster', '--count', '--placement-strategy', 'type=spread', '[', '{', '"', "'", '=', ',', 'x', '--no-enable-execute-command', 'file://a');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
        const sim = new Sim();
        const r = runCommand(sim, ws.join(' '), newSession({ a: '{' }));
        expect(typeof r.exitCode).toBe('number');
      }),
      { numRuns: 300 },
    );
  });
});
