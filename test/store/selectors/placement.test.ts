import { describe, expect, it } from 'vitest';
import { expandTrace } from '../../../src/sim';
import { runAction } from '../../../src/store/actions';
import { placementRows } from '../../../src/store/selectors/placement';
import { selectInspection } from '../../../src/store/selectors/inspector';
import { sandbox, withTasks } from '../../support/sandbox';

/** The default sandbox's three instances with one RunTask per strategy list given. */
function traces(...runs: string[]) {
  const store = sandbox();
  runAction(store, 'clock.jump', '2m');
  runAction(store, 'console.run', 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
  for (const r of runs) runAction(store, 'console.run', `aws ecs run-task --cluster demo --task-definition web ${r}`);
  runAction(store, 'clock.jump', '3m');
  const w = store.getState().world.timeline!.sim.world;
  return w.traces.map((t) => placementRows(expandTrace(w, t, { forms: true })));
}

describe('why here', () => {
  it('names the filter that rejected a candidate, in words', () => {
    const rows = traces('--count 1 --placement-strategy type=binpack,field=memory', '--count 1 --placement-constraints type=memberOf,expression="attribute:ecs.availability-zone == us-east-1c"')[1]!;
    expect(rows.filter((r) => r.verdict === 'rejected').map((r) => r.rule)).toEqual(['memberOf constraint', 'memberOf constraint']);
    expect(rows.find((r) => r.verdict === 'rejected')!.why).toMatch(/^Does not match attribute:ecs\.availability-zone == us-east-1c\.$/);
  });

  it('says which strategy ranked a candidate out, with what it saw and what was kept', () => {
    const rows = traces('--count 2 --placement-strategy type=binpack,field=memory')[1]!;
    expect(rows.map((r) => r.verdict)).toEqual(['chosen', 'ranked out', 'ranked out']);
    expect(rows[1]).toMatchObject({ rule: 'strategy 1: binpack(memory)', why: '7987 MiB of memory left; the ones kept had 7731 MiB of memory left (binpack keeps the instances with the least left).' });
    expect(rows[0]).toMatchObject({ rule: 'strategy 1: binpack(memory)', why: 'Kept by the strategy (binpack(memory): 7731 MiB of memory left).' });
  });

  it('explains a tie in words: who tied, and how the sandbox broke it', () => {
    const rows = traces('--count 1 --placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory')[0]!;
    expect(rows.map((r) => r.verdict)).toEqual(['chosen', 'tied, not taken', 'tied, not taken']);
    expect(rows[0]!.rule).toBe('tie-break');
    expect(rows[0]!.why).toBe(
      'Kept by every strategy (spread(attribute:ecs.availability-zone): 0 tasks of the group in us-east-1a; binpack(memory): 7987 MiB of memory left), it tied with 2 others; the sandbox takes the instance registered first.',
    );
    expect(rows[2]!.why).toMatch(/as the chosen one was: a tie, and the sandbox takes the instance registered first; this one came later\.$/);
  });

  it('says what random did, never "random = -"', () => {
    const store = withTasks(4);
    const task = Object.values(store.getState().world.timeline!.sim.world.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    runAction(store, 'select', { kind: 'task', id: task.taskArn });
    const rows = placementRows(selectInspection(store.getState())!.trace!);
    expect(rows.find((r) => r.verdict === 'chosen')).toMatchObject({ rule: 'strategy: random', why: 'Passed every filter; random picked it from the 3 instances left.' });
    expect(rows.every((r) => !/-|NaN/.test(r.why.replace(/i-[0-9a-f]+|us-east-1\w/g, '')))).toBe(true);
  });

  it('shows every time of a Describe record as the AWS CLI prints it, in one format', () => {
    const store = withTasks(1);
    const ci = Object.values(store.getState().world.timeline!.sim.world.containerInstances)[0]!;
    runAction(store, 'select', { kind: 'instance', id: ci.containerInstanceArn });
    expect((selectInspection(store.getState())!.json as { registeredAt: string }).registeredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
    const task = Object.values(store.getState().world.timeline!.sim.world.tasks)[0]!;
    runAction(store, 'select', { kind: 'task', id: task.taskArn });
    const json = selectInspection(store.getState())!.json as Record<string, unknown>;
    for (const k of ['createdAt', 'startedAt', 'pullStartedAt']) expect(json[k], k).toMatch(/^\d{4}-\d\d-\d\dT.*\+00:00$/);
  });
});

describe('why here, in Spanish', () => {
  it("says the rules and reasons from the engine's codes and figures in the page's language", async () => {
    const { loadLocale, translator } = await import('../../../src/i18n');
    await loadLocale('es');
    const store = withTasks(4);
    const w = store.getState().world.timeline!.sim.world;
    const last = expandTrace(w, w.traces.at(-1)!, { forms: true });
    const en = placementRows(last);
    const es = placementRows(last, translator('es'));
    expect(en.find((r) => r.verdict === 'rejected')).toMatchObject({ rule: 'port filter', why: 'Host port 80/tcp is already in use.' });
    expect(es.find((r) => r.verdict === 'rejected')).toMatchObject({ rule: 'filtro de puertos', why: 'El puerto del host 80/tcp ya está en uso.' });
    // Every row is said in Spanish: none is left in the English words.
    expect(es.map((r) => r.why).filter((why, i) => why === en[i]!.why)).toEqual([]);
  });
});
