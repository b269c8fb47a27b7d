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

  it('in a lesson, help lists the commands the lesson lets through, with sleep and help, and says the others are off', () => {
    // L4's allowed list.
    const allowed = ['docker push', 'docker tag', 'docker login', 'docker images', 'aws ecr', 'aws ecs', 'sim launch-instances', 'translate', 'editor.register', 'editor.translate'];
    const r = runCommand(new Sim(), 'help', undefined, allowed);
    expect(r.exitCode).toBe(0);
    const lines = r.output.split('\n');
    expect(lines[0]).toBe('This lesson’s commands (help <command> for more):');
    expect(lines.at(-1)).toBe('The other commands are off in this lesson.');
    expect(lines.slice(1, -1).map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['docker push', 'docker tag', 'docker login', 'docker images', 'aws ecr', 'aws ecs', 'sim launch-instances', 'translate', 'sleep', 'help']);
    expect(r.output).toMatch(/^ {2}docker push +docker push <image>$/m);
    expect(r.output).toMatch(/^ {2}aws ecs +aws ecs …$/m);
    for (const off of ['copilot', 'process', 'curl', 'traffic', 'docker run', 'docker build']) expect(r.output).not.toContain(`  ${off} `);
    // A lesson's prefixes take the part of a usage line they name.
    const l3 = runCommand(new Sim(), 'help', undefined, ['docker compose', 'docker ps', 'docker logs', 'curl', 'traffic', 'editor.composeUp']).output;
    expect(l3).toMatch(/^ {2}docker ps +docker ps \[-a\]$/m);
    expect(l3).toMatch(/^ {2}docker compose +docker compose \[-f file\] \[-p project\] up \| down \| ps \[-a\]/m);
    expect(l3).toMatch(/^ {2}curl +curl http:\/\/localhost:<port>\/<path>$/m);
    // help <command> still says what any command does.
    expect(runCommand(new Sim(), 'help copilot', undefined, allowed).output).toMatch(/^usage: copilot /);
  });

  it('outside a lesson (or in one without console commands), help lists every command', () => {
    const r = runCommand(new Sim(), 'help', undefined, ['editor.register']).output;
    expect(r.split('\n')[0]).toBe('Commands (help <command> for more):');
    for (const c of COMMANDS) expect(r).toContain(`  ${c.name}`);
  });
});
