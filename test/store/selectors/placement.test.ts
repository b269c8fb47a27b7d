import { describe, expect, it } from 'vitest';
import { expandTrace, type PlacementDetailForm, type PlacementTrace } from '../../../src/sim';
import { runAction } from '../../../src/store/actions';
import { placementDetail, placementRows } from '../../../src/store/selectors/placement';
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

describe('a detail from its form', () => {
  const forms: [PlacementDetailForm, string, string][] = [
    [{ code: 'status', values: { status: 'DRAINING' } }, 'instance is DRAINING', 'la instancia está DRAINING'],
    [{ code: 'agent', values: {} }, 'the container agent is disconnected', 'el agente de contenedores está desconectado'],
    [{ code: 'attribute', values: { name: 'ecs.os-type=windows' } }, 'missing required attribute ecs.os-type=windows', 'falta el atributo requerido ecs.os-type=windows'],
    [{ code: 'subnet', values: { zone: 'us-east-1b' } }, "instance is in us-east-1b, not in the task's subnets", 'la instancia está en us-east-1b, no en las subredes de la tarea'],
    [{ code: 'cpu', values: { need: '2048', left: '1024' } }, 'needs 2048 CPU units, 1024 remaining', 'necesita 2048 unidades de CPU, quedan 1024'],
    [{ code: 'memory', values: { need: '2048', left: '1024' } }, 'needs 2048 MiB, 1024 MiB remaining', 'necesita 2048 MiB, quedan 1024 MiB'],
    [{ code: 'gpu', values: { need: '1', left: '0' } }, 'needs 1 GPU, 0 remaining', 'necesita 1 GPU, quedan 0'],
    [{ code: 'port', values: { port: '53/udp' } }, 'host port 53/udp is already in use', 'el puerto del host 53/udp ya está en uso'],
    [{ code: 'eni', values: { count: '2', type: 't3.medium' } }, 'all 2 task ENIs of t3.medium are in use', 'las 2 ENI de tarea de t3.medium están en uso'],
    [{ code: 'memberOf', values: { expression: 'attribute:tier == db' } }, 'does not match attribute:tier == db', 'no cumple attribute:tier == db'],
    [{ code: 'distinct', values: { group: 'service:web' } }, 'already runs a task of service:web', 'ya ejecuta una tarea de service:web'],
    [{ code: 'subnetFull', values: { subnet: 'subnet-1' } }, 'subnet subnet-1 has no free IP addresses', 'la subred subnet-1 no tiene direcciones IP libres'],
    [{ code: 'noSubnet', values: {} }, 'no subnet has a free IP address', 'ninguna subred tiene una dirección IP libre'],
  ];

  it('says every form in English and in Spanish, whatever English the trace kept beside it', async () => {
    const { loadLocale, translator } = await import('../../../src/i18n');
    await loadLocale('es');
    const es = translator('es');
    for (const [detailForm, english, spanish] of forms) {
      expect(placementDetail({ detail: english, detailForm })).toBe(english);
      expect(placementDetail({ detail: english, detailForm }, es)).toBe(spanish);
      // The words come from the form: an English detail of another shape is not read.
      expect(placementDetail({ detail: 'something else', detailForm })).toBe(english);
    }
    // A figure stays as the engine wrote it, not in the locale's number format.
    expect(placementDetail({ detailForm: { code: 'memory', values: { need: '16384', left: '1024' } } }, es)).toBe('necesita 16384 MiB, quedan 1024 MiB');
  });

  it('shows a detail without a form (AWS words) as it is', () => {
    expect(placementDetail({ detail: 'No Container Instances were found in your cluster.' })).toBe('No Container Instances were found in your cluster.');
    expect(placementDetail({})).toBe('');
  });
});

describe('what a strategy saw, from its type and field', () => {
  /** Two instances that passed the filters; the second is ranked out by the strategy. */
  function trace(strategy: string, type: string, field: string | undefined, values: [number, number]): PlacementTrace {
    const rank = (value: number, kept: boolean) => ({ strategy, value, kept, type, ...(field !== undefined ? { field } : {}) });
    return {
      id: 1,
      atMs: 0,
      group: 'family:web',
      strategies: [strategy],
      constraints: [],
      chosen: 'arn:a',
      candidates: [
        { containerInstanceArn: 'arn:a', ec2InstanceId: 'i-a', availabilityZone: 'us-east-1a', ranks: [rank(values[0], true)], chosen: true },
        { containerInstanceArn: 'arn:b', ec2InstanceId: 'i-b', availabilityZone: 'us-east-1b', ranks: [rank(values[1], false)] },
      ],
    };
  }

  it('says binpack on cpu in CPU units and spread over instances per instance, in English and Spanish', async () => {
    const { loadLocale, translator } = await import('../../../src/i18n');
    await loadLocale('es');
    const cpu = trace('binpack(cpu)', 'binpack', 'cpu', [256, 1024]);
    expect(placementRows(cpu)[1]).toEqual({
      candidate: 'i-b',
      zone: 'us-east-1b',
      verdict: 'ranked out',
      rule: 'strategy 1: binpack(cpu)',
      why: '1024 CPU units left; the ones kept had 256 CPU units left (binpack keeps the instances with the least left).',
    });
    expect(placementRows(cpu, translator('es'))[1]!.why).toBe('Quedan 1024 unidades de CPU; las que se mantuvieron tenían quedan 256 unidades de CPU (binpack se queda con las instancias a las que menos les queda).');
    const host = trace('spread(host)', 'spread', 'host', [0, 1]);
    expect(placementRows(host)[1]!.why).toBe('1 task of the group on this instance; the ones kept had 0 tasks of the group on this instance (spread keeps those with the fewest).');
    // The name is shown as the trace lists it; what is said of it comes from the type and field alone.
    const named = trace('my strategy', 'binpack', 'memory', [512, 2048]);
    expect(placementRows(named)[1]).toMatchObject({ rule: 'strategy 1: my strategy', why: '2048 MiB of memory left; the ones kept had 512 MiB of memory left (binpack keeps the instances with the least left).' });
  });
});
