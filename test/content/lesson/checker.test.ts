import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../../src/content/lesson/checker';
import { eventHash } from '../../../src/content/report';
import { parseScenario } from '../../../src/content/scenario';
import { Timeline } from '../../../src/content/timeline';
import type { ActionLog, Goal } from '../../../src/content/lesson/types';
import { bareLesson } from '../../support/contentLesson';

/** A cluster with one instance and the family `worker`; the learner runs the tasks. */
const start = parseScenario(
  `name: checked
seed: 3
durations: { instanceBoot: 0 }
actions:
  - { call: ecs.CreateCluster, input: { clusterName: a } }
  - { call: sim.LaunchInstances, input: { cluster: a, instanceType: m5.large, availabilityZone: us-east-1a, ec2InstanceIds: [i-a1] } }
  - { call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: w, image: busybox, memory: 512 } ] } }
`,
  'checked.yaml',
);

const steady: Goal = { id: 'steady', label: 'Two run for 30 s', check: { index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, atLeast: 2 }, holdsFor: 30_000 };
const lesson = bareLesson([steady], {
  id: 'C',
  start,
  until: 90_000,
  predictions: [{ id: 'how-many', prompt: 'How many?', decided: { index: 0, count: 'tasks', atLeast: 1 }, choices: [{ label: 'Two', when: { index: 0, count: 'tasks', equals: 2 } }] }],
});
const solution: ActionLog = { actions: [{ at: 10_000, kind: 'command', line: 'aws ecs run-task --cluster a --task-definition worker --count 2' }], predictions: { 'how-many': 0 } };

describe('checkLesson', () => {
  it('replays the start with the log to the lesson’s until and judges it there, with the samples taken on the way', () => {
    const r = checkLesson(lesson, solution);
    expect(r).toMatchObject({ id: 'C', passed: true, clock: 90_000, checklist: [{ id: 'steady', passed: true }], predictions: [{ id: 'how-many', chosen: 'Two', correct: 'Two', right: true }] });
    const straight = new Timeline(start, start.seed, solution.actions, { history: false });
    straight.advanceTo(90_000);
    expect(r.eventHash).toBe(eventHash(straight.sim.events));
  });

  it('judges at the moment asked for: before the goal has held for long enough it is not met', () => {
    const r = checkLesson(lesson, solution, { to: 40_000 });
    expect(r.clock).toBe(40_000);
    expect(r.passed).toBe(false);
    expect(r.checklist[0]!.detail).toMatch(/^true since 0:00:2\d(\.\d)?; it must hold for 0:00:30/);
  });

  it('is passed only by what the actions do', () => {
    expect(checkLesson(lesson, { actions: [], predictions: { 'how-many': 0 } })).toMatchObject({ passed: false, checklist: [{ passed: false, detail: 'not true now (it must hold for 0:00:30)' }] });
  });

  it('replays with another seed when asked, and runs `after` on the replay at that moment', () => {
    let seen: number | undefined;
    const other = checkLesson(lesson, solution, { seed: 'other', after: (t) => (seen = t.now) });
    expect(seen).toBe(90_000);
    expect(other.passed).toBe(true);
    expect(other.eventHash).not.toBe(checkLesson(lesson, solution).eventHash);
  });
});
