import { describe, expect, it } from 'vitest';
import { COMMANDS, allowedEntryProblem, complete, parseCommand } from '../../../src/content/console';

describe('the command table', () => {
  it('gives every command a name, usage and help, once each', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect(c.name, c.name).toMatch(/^[a-z]+$/);
      expect(c.usage.length, c.name).toBeGreaterThan(0);
      for (const u of c.usage) expect(u.startsWith(`${c.name}`), `${c.name}: ${u}`).toBe(true);
      expect(c.help.length, c.name).toBeGreaterThan(20);
      expect(['none', 'wait', 'steps']).toContain(c.time);
      if (c.time === 'wait') expect(c.waits, c.name).toBeDefined();
      if (c.time === 'steps') expect(c.resume, c.name).toBeDefined();
    }
  });

  it('completion offers every top-level command, and nothing else', () => {
    expect(complete('').candidates).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const c of COMMANDS) expect(complete(c.name.slice(0, -1)).candidates, c.name).toContain(c.name);
  });

  it('a line whose first word is not in the table is not a command', () => {
    for (const c of COMMANDS) expect(parseCommand(c.name)).not.toMatchObject({ exitCode: 127 });
    expect(parseCommand('kubectl get pods')).toMatchObject({ kind: 'error', exitCode: 127, message: expect.stringContaining('kubectl: command not found') });
  });

  it("a lesson may allow exactly the table's commands, and prefixes of their subcommands", () => {
    for (const c of COMMANDS) expect(allowedEntryProblem(c.name), c.name).toBeUndefined();
    for (const a of ['aws ecs run-task', 'aws ecs describe-', 'docker build', 'docker compose up', 'copilot svc deploy', 'sim launch-instances', 'process st', 'editor.register']) {
      expect(allowedEntryProblem(a), a).toBeUndefined();
    }
    for (const a of ['kubectl', 'aws ecs launch-rocket', 'docker fly', 'copilot svc fly', 'sim nope']) expect(allowedEntryProblem(a), a).toMatch(/begins no console command/);
  });
});
