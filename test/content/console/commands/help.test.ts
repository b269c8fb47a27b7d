import { describe, expect, it } from 'vitest';
import { COMMANDS, runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

describe('help', () => {
  it('help lists every command with its usage, and explains one', () => {
    const all = runCommand(new Sim(), 'help');
    expect(all.exitCode).toBe(0);
    for (const c of COMMANDS) expect(all.output).toContain(`  ${c.name}`);
    const sleep = runCommand(new Sim(), 'help sleep');
    expect(sleep.output).toMatch(/^usage: sleep <duration>/);
    expect(sleep.output).toContain('Lets simulated time pass');
    expect(runCommand(new Sim(), 'help kubectl')).toMatchObject({ exitCode: 1, output: expect.stringContaining("help: no command 'kubectl'") });
  });
});
