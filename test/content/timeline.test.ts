import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/content/scenario';
import { eventHash } from '../../src/content/runner';
import { Timeline, type LearnerAction, type NewAction } from '../../src/content/timeline';

const scenario = parseScenario(readFileSync(resolve(import.meta.dirname, '../../docs/examples/empty-cluster.yaml'), 'utf8'), 'empty-cluster.yaml');
const register: NewAction = { kind: 'call', call: 'ecs.RegisterTaskDefinition', input: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512, portMappings: [{ containerPort: 80, hostPort: 80 }] }] } };
const run = (count: number): NewAction => ({ kind: 'command', line: `aws ecs run-task --cluster demo --task-definition web --count ${count}` });

/** The world a straight run of the same actions gives, for comparison. */
function straight(actions: LearnerAction[], to: number): Timeline {
  const t = new Timeline(scenario, scenario.seed, actions);
  t.advanceTo(to);
  return t;
}

function fingerprint(t: Timeline): string {
  return `${t.now} ${eventHash(t.sim.events)} ${JSON.stringify(t.sim.world.tasks).length} ${t.transcript.map((o) => o.output).join('|').length}`;
}

describe('the timeline', () => {
  it('applies learner actions at the time they were done, and a replay of the log gives the same world', () => {
    const t = new Timeline(scenario);
    t.advanceTo(70_000);
    t.act(register);
    const out = t.act(run(2));
    expect(out.exitCode).toBe(0);
    expect(out.output).toContain('"lastStatus": "PENDING"');
    t.advanceTo(200_000);
    expect(Object.values(t.sim.world.tasks).filter((x) => x.lastStatus === 'RUNNING')).toHaveLength(2);
    expect(t.actions.map((a) => a.at)).toEqual([70_000, 70_000]);
    expect(fingerprint(straight(t.actions, 200_000))).toBe(fingerprint(t));
  });

  it('scrubs back to a moment and shows the world as it was, then forward again to the same state', () => {
    const t = new Timeline(scenario);
    t.advanceTo(70_000);
    t.act(register);
    t.act(run(3));
    t.advanceTo(600_000);
    const end = fingerprint(t);
    t.seek(65_000);
    expect(t.now).toBe(65_000);
    expect(Object.keys(t.sim.world.tasks)).toHaveLength(0);
    expect(t.transcript).toHaveLength(0);
    expect(t.head).toBe(600_000);
    t.seek(600_000);
    expect(fingerprint(t)).toBe(end);
  });

  it('acting in the past replaces the future, and undo and redo rebuild the same worlds', () => {
    const t = new Timeline(scenario);
    t.advanceTo(70_000);
    t.act(register);
    t.advanceTo(120_000);
    t.act(run(1));
    t.advanceTo(300_000);
    t.seek(100_000);
    t.act(run(2));
    expect(t.actions).toHaveLength(2);
    expect(t.head).toBe(100_000);
    t.advanceTo(300_000);
    const branched = fingerprint(t);
    expect(Object.values(t.sim.world.tasks).filter((x) => x.lastStatus === 'RUNNING')).toHaveLength(2);
    t.undo();
    expect(Object.keys(t.sim.world.tasks)).toHaveLength(0);
    expect(t.now).toBe(300_000);
    t.redo();
    expect(fingerprint(t)).toBe(branched);
  });

  it('any mix of playing, acting, scrubbing, undo and redo ends where a straight replay of the final log ends', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 400_000 }) }),
      fc.record({ op: fc.constant('act' as const), n: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ op: fc.constant('seek' as const), ms: fc.integer({ min: 0, max: 900_000 }) }),
      fc.record({ op: fc.constant('undo' as const) }),
      fc.record({ op: fc.constant('redo' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (ops, gate) => {
        const t = new Timeline(scenario);
        // Skipped snapshots (a busy page) must not change what scrubbing and undo produce.
        let g = 0;
        t.snapshotGate = () => gate[g++ % gate.length]!;
        for (const o of ops) {
          if (o.op === 'advance') t.advanceTo(t.now + o.ms);
          else if (o.op === 'act') t.act(o.n === 0 ? register : run(o.n));
          else if (o.op === 'seek') t.seek(o.ms);
          else if (o.op === 'undo') t.undo();
          else t.redo();
        }
        const applied = t.actions.filter((a) => a.at <= t.now);
        expect(fingerprint(t)).toBe(fingerprint(straight(applied, t.now)));
      }),
      { numRuns: 40 },
    );
  });

  it('a command that works in steps leaves its later step to the timeline, so what is due meanwhile happens at its time', () => {
    // A scenario action due 30 s after `copilot app delete`, which deletes the environment's cluster a minute later.
    const sc = parseScenario('name: steps\nactions:\n  - { at: 90s, call: ecs.CreateCluster, input: { clusterName: later } }\n', 'steps.yaml');
    const t = new Timeline(sc);
    t.act({ kind: 'command', line: 'copilot init --app kudos --name api --type "Backend Service" --image nginx --port 80 --deploy' });
    t.advanceTo(60_000);
    expect(t.act({ kind: 'command', line: 'copilot app delete' }).output).toBe('✔ Deleted service api from environment test.');
    t.advanceTo(200_000);
    const at = (message: string) => t.sim.events.find((e) => e.message === message)?.t;
    expect(at('Cluster later was created.')).toBe(90_000);
    expect(at('Cluster kudos-test was deleted.')).toBe(120_000);
    const done = t.transcript.at(-1)!;
    expect(done).toMatchObject({ exitCode: 0, output: '✔ Deleted service api from environment test.\n✔ Deleted environment test.\n✔ Deleted application kudos.' });
    expect(done.calls!.map((c) => c.call)).toEqual(['ecs.UpdateService', 'ecs.DeleteService', 'ecs.DeleteCluster']);
    const end = fingerprint(t);
    const replay = new Timeline(sc, sc.seed, t.actions);
    replay.advanceTo(200_000);
    expect(fingerprint(replay)).toBe(end);
    // Scrubbing into the wait shows the command half done; forward again, it finishes the same.
    t.seek(100_000);
    expect(t.transcript.at(-1)!.output).toBe('✔ Deleted service api from environment test.');
    expect(t.sim.world.clusters[Object.keys(t.sim.world.clusters).find((k) => k.endsWith('/kudos-test'))!]!.status).toBe('ACTIVE');
    t.seek(200_000);
    expect(fingerprint(t)).toBe(end);
  });

  it('yields between events when the frame budget runs out, and catches up without a difference', () => {
    const big = parseScenario(readFileSync(resolve(import.meta.dirname, '../../docs/examples/large-cluster.yaml'), 'utf8'), 'large-cluster.yaml');
    const sliced = new Timeline(big);
    let slices = 0;
    let calls = 0;
    while (!sliced.advanceTo(120_000, () => ++calls % 20 === 0)) slices++;
    expect(slices).toBeGreaterThan(3);
    const whole = new Timeline(big);
    whole.advanceTo(120_000);
    expect(eventHash(sliced.sim.events)).toBe(eventHash(whole.sim.events));
  });
});
