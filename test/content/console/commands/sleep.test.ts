import { describe, expect, it } from 'vitest';
import { runCommand, waitOf } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

describe('sleep', () => {
  it('lets simulated time pass on a console of its own', () => {
    const sim = new Sim();
    expect(runCommand(sim, 'sleep 90s')).toEqual({ command: 'sleep 90s', output: '', exitCode: 0 });
    expect(sim.now).toBe(90_000);
    runCommand(sim, 'sleep 30');
    expect(sim.now).toBe(120_000);
  });

  it('says how long it waits, so a driver can move its clock instead', () => {
    expect(waitOf('sleep 5m')).toEqual({ ms: 300_000 });
    expect(waitOf('sleep soon')).toEqual({ message: "sleep: invalid time interval 'soon'; give a duration such as 30, 90s or 5m", pieces: [{ key: 'console.sleep.invalid', params: { words: 'soon' } }] });
    expect(waitOf('aws ecs list-clusters')).toBeUndefined();
    expect(runCommand(new Sim(), 'sleep')).toMatchObject({ exitCode: 1 });
  });
});
