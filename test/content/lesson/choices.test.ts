import { describe, expect, it } from 'vitest';
import { judgeChoices } from '../../../src/content/lesson/choices';
import { parseScenario } from '../../../src/content/scenario';
import { Timeline } from '../../../src/content/timeline';
import type { Demo, DemoPause, Goal } from '../../../src/content/lesson/types';

/** Two instances; at 10 s two tasks of `worker` start (RUNNING at 22.5 s). */
const scenario = parseScenario(
  `name: choices
seed: 3
durations: { instanceBoot: 0 }
actions:
  - { call: ecs.CreateCluster, input: { clusterName: a } }
  - { call: sim.LaunchInstances, input: { cluster: a, instanceType: m5.large, availabilityZone: us-east-1a, ec2InstanceIds: [i-a1, i-a2] } }
  - { call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: w, image: busybox, memory: 512 } ] } }
  - { at: 10s, call: ecs.RunTask, input: { cluster: a, taskDefinition: worker, count: 2 } }
`,
  'choices.yaml',
);

const running = (n: number) => ({ index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, equals: n });
const choice = (label: string, predicate: Omit<Goal, 'id' | 'label'>) => ({ label, when: {}, predicate: { id: label, label, ...predicate } });

function demo(pauses: DemoPause[]): Demo {
  return { id: 'd', title: 'D', summary: '', scenario, text: '', pauses, variants: [] };
}

describe('judgeChoices', () => {
  it('says whether each choice holds in the world at the timeline’s moment', () => {
    const pause: DemoPause = { at: 5_000, prompt: 'How many run?', reveal: '', choices: [choice('None', { check: running(0) }), choice('Two', { check: running(2) })] };
    const d = demo([pause]);
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    t.advanceTo(5_000);
    expect(judgeChoices(t, d, pause)).toEqual([true, false]);
    t.advanceTo(30_000);
    expect(judgeChoices(t, d, pause)).toEqual([false, true]);
  });

  it('a choice over time is judged from samples of the whole run on that timeline', () => {
    const steady = choice('Two for 20 s', { check: { index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, atLeast: 2 }, holdsFor: 20_000 });
    const pause: DemoPause = { at: 0, prompt: '?', reveal: '', choices: [steady, choice('Two', { check: running(2) })] };
    const d = demo([pause]);
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    t.advanceTo(30_000);
    // True since 22.5 s: not yet for 20 s.
    expect(judgeChoices(t, d, pause)).toEqual([false, true]);
    t.advanceTo(50_000);
    expect(judgeChoices(t, d, pause)).toEqual([true, true]);
  });

  it('a never choice is judged on its own, not after the other choices', () => {
    const calm = choice('Nothing stops', { check: { index: 0, count: 'tasks', where: { lastStatus: 'STOPPED' }, atLeast: 1 }, never: true });
    const pause: DemoPause = { at: 0, prompt: '?', reveal: '', choices: [choice('Five', { check: running(5) }), calm] };
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    t.advanceTo(30_000);
    expect(judgeChoices(t, demo([pause]), pause)).toEqual([false, true]);
  });

  it('a question without choices judges none', () => {
    const pause: DemoPause = { at: 0, prompt: '?', reveal: '' };
    expect(judgeChoices(new Timeline(scenario, scenario.seed, [], { history: false }), demo([pause]), pause)).toEqual([]);
  });
});
