import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../src/content/console';
import { Sim } from '../../src/sim';

describe('copilot jobs and logs in the console', () => {
  it('job init writes a Scheduled Job manifest, job deploy makes the EventBridge rule, and the rule runs the task on Fargate', () => {
    const sim = new Sim({ seed: 'jobs' });
    const session = newSession();
    const run = (l: string) => runCommand(sim, l, session);
    for (const l of ['copilot app init shop', 'copilot env init --name test', 'copilot env deploy --name test']) expect(run(l).exitCode).toBe(0);
    expect(run('copilot job init --name report --schedule "@every 2h" --image busybox').exitCode).toBe(0);
    expect(run('copilot job init --name nightly --schedule sometimes --image busybox').output).toContain('--schedule must be');
    expect(session.files['copilot/report/manifest.yml']).toContain('type: Scheduled Job');
    expect(run('copilot svc deploy --name report --env test').output).toBe('✘ report is a Scheduled Job: deploy it with copilot job deploy');
    const deployed = run('copilot job deploy --name report --env test');
    expect(deployed.output).toContain('EventBridge rule shop-test-report (rate(2 hours)) running the task');
    expect(deployed.output).toMatch(/✔ Deployed job report\.$/);
    run('sleep 4h');
    const runs = sim.events.filter((e) => e.type === 'ScheduledTaskRun');
    expect(runs.map((e) => e.t)).toEqual([7_200_000, 14_400_000]);
    expect(sim.events.filter((e) => e.type === 'ScheduledTaskFailed')).toEqual([]);
  });

  it('svc logs prints the service containers\' lifecycle as copilot/<service>/<task> lines', () => {
    const sim = new Sim({ seed: 'logs' });
    const session = newSession({ 'copilot/web/manifest.yml': 'name: web\ntype: Backend Service\nimage:\n  location: nginx\n  port: 80\ncount: 2\n' });
    const run = (l: string) => runCommand(sim, l, session);
    for (const l of ['copilot app init shop', 'copilot env init --name test', 'copilot env deploy --name test', 'copilot svc deploy --name web --env test']) expect(run(l).exitCode).toBe(0);
    expect(run('copilot svc logs --name web').output).toBe('No log events for web in test yet.');
    run('sleep 2m');
    const lines = run('copilot svc logs --name web').output.split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^copilot\/web\/[0-9a-f]{8} 2025-01-01T00:0\d:\d\d\.\d{3}Z web: started$/);
    expect(run('copilot svc logs --name nope').output).toBe('✘ service nope is not deployed');
  });
});
