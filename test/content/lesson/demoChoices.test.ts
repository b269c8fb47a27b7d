import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeChoices, parseDemo, parsePredicateText, LessonError } from '../../../src/content/lesson';
import { Timeline } from '../../../src/content/timeline';

const demoFile = (id: string) => readFileSync(resolve(import.meta.dirname, `../../../lessons/demos/${id}.yaml`), 'utf8');
const read = (text: string) => parseDemo({ 'demos/d.yaml': text }, 'd');
const problems = (text: string): string[] => {
  try {
    read(text);
    return [];
  } catch (e) {
    if (!(e instanceof LessonError)) throw e;
    return e.message.split('\n');
  }
};

/** A small world: a cluster of two instances, asked for three tasks of which no two may share an instance. */
const WORLD = `name: choices
seed: 3
durations: { instanceBoot: 0 }
actions:
  - { call: ecs.CreateCluster, input: { clusterName: a } }
  - { call: sim.LaunchInstances, input: { cluster: a, instanceType: m5.large, availabilityZone: us-east-1a, ec2InstanceIds: [i-a1, i-a2] } }
  - { call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: w, image: busybox, memory: 512 } ] } }
  - { at: 10s, call: ecs.RunTask, input: { cluster: a, taskDefinition: worker, count: 3, placementConstraints: [ { type: distinctInstance } ] } }
`;

describe("a demo's answer choices and callouts", () => {
  it('the shipped placement demo asks with three choices, and at the reveal only the one the world bears out is right', () => {
    const d = read(demoFile('placement-side-by-side'));
    const q = d.pauses[1]!;
    expect(q.choices!.map((c) => c.label)).toEqual(['All 4: one on each instance', '2: only two instances have 2 GiB free', 'None: binpack filled the cluster']);
    // Judged, as the page judges it, over the demo's first world (its binpack variant).
    const first = d.variants[0]!;
    expect(first.label).toBe('Binpack on memory');
    const t = new Timeline(first.scenario, first.seed, [], { history: false });
    // Asked at 0:40, before the RunTask at 0:45: none of the four has started, so the room cannot read the answer off the world.
    expect([q.at, q.revealAt]).toEqual([40_000, 50_000]);
    t.advanceTo(q.at);
    expect(t.sim.events.at(-1)!.t).toBeLessThan(45_000);
    expect(judgeChoices(t, d, q)).toEqual([false, false, true]);
    // Revealed at 0:50, after it: two started.
    t.advanceTo(q.revealAt!);
    expect(judgeChoices(t, d, q)).toEqual([false, true, false]);
    // A question without choices judges none.
    expect(judgeChoices(t, d, d.pauses[0]!)).toEqual([]);
  });

  it('a predicate over time (holdsFor) is judged from samples of the whole run, as a lesson goal is', () => {
    const d = read(demoFile('faults-tour'));
    const q = d.pauses[1]!;
    const t = new Timeline(d.scenario, d.scenario.seed, [], { history: false });
    t.advanceTo(q.at);
    expect(judgeChoices(t, d, q)).toEqual([false, true]);
    expect(d.callouts).toEqual([
      { at: 180_000, until: 281_000, node: 'instance:i-a1', text: 'Its agent lost its connection at 3:00: ECS reads it connected until the heartbeats go missing' },
      { at: 282_000, until: 300_000, node: 'instance:i-a1', text: 'ECS marked its agent disconnected at 4:41 (back at 5:00): watch its task' },
      { at: 535_000, until: 750_000, text: "Traffic is five times what it was: watch web's desired count on the Charts panel" },
    ]);
  });

  it('the answer is computed from the world, not taken from the reveal: a question whose author expected otherwise is judged by what happened', () => {
    const text = `${WORLD}presenter:
  pauses:
    - at: 30s
      prompt: "How many of the three tasks start?"
      reveal: "All three: there is room for them."
      choices:
        - { label: "All three", when: { count: tasks, where: { family: worker, desiredStatus: RUNNING }, equals: 3 } }
        - { label: "Two", when: { count: tasks, where: { family: worker, desiredStatus: RUNNING }, equals: 2 } }
`;
    const d = read(text);
    const t = new Timeline(d.scenario, d.scenario.seed, [], { history: false });
    t.advanceTo(30_000);
    // distinctInstance is binding: two instances, two tasks; the reveal's author was wrong, the judgement is not.
    expect(judgeChoices(t, d, d.pauses[0]!)).toEqual([false, true]);
  });

  it('a broken choice predicate is refused at its line and member', () => {
    const text = `${WORLD}presenter:
  pauses:
    - at: 30s
      prompt: "?"
      reveal: "!"
      choices:
        - { label: "one", when: { count: taks, equals: 1 } }
        - { label: "two", when: { count: tasks, equal: 2 } }
        - { label: "three", when: { count: tasks, equals: 3, holdsFor: soon } }
`;
    expect(problems(text)).toEqual([
      expect.stringMatching(/^demos\/d\.yaml:15:33: presenter\.pauses\[0\]\.choices\[0\]\.when\.count: unknown collection 'taks'; known: tasks, /),
      "demos/d.yaml:16:49: presenter.pauses[0].choices[1].when.equal: unknown member 'equal'; a condition has count, where, equals, atLeast, atMost, event, sequence, holdsFor, within, after, window, from, never, rate, since",
      'demos/d.yaml:16:33: presenter.pauses[0].choices[1].when: a count needs equals, atLeast or atMost',
      'demos/d.yaml:17:72: presenter.pauses[0].choices[2].when.holdsFor: expected a duration',
    ]);
    // The schema bounds the number of choices: one is not a choice.
    expect(problems(`${WORLD}presenter:\n  pauses:\n    - { at: 30s, prompt: "?", reveal: "!", choices: [ { label: one, when: { count: tasks, equals: 1 } } ] }\n`)[0]).toMatch(/^demos\/d\.yaml:11:53: presenter\.pauses\[0\]\.choices: /);
  });

  it('a broken callout is refused at its line and member: a reference to no node of the demo, a kind that is not one, an end before the start', () => {
    const text = `${WORLD}presenter:
  callouts:
    - { at: 5s, node: "instance:i-zz", text: "Watch this one" }
    - { at: 5s, node: "pod:web", text: "Watch" }
    - { at: 20s, until: 10s, text: "Now" }
    - { at: 20s, node: "cluster:a", text: "Fine" }
    - { at: 20s, node: "cluster:a" }
`;
    expect(problems(text)).toEqual(["demos/d.yaml:15:7: presenter.callouts[4]: missing required member 'text'"]);
    expect(problems(text.split('\n').slice(0, -2).join('\n'))).toEqual([
      "demos/d.yaml:11:23: presenter.callouts[0].node: no instance 'i-zz' in this demo (its requests name i-a1, i-a2)",
      "demos/d.yaml:12:23: presenter.callouts[1].node: 'pod:web' is not a node reference: write kind:name with kind one of instance, cluster, service, family, loadBalancer (instance:i-a1, service:web)",
      'demos/d.yaml:13:25: presenter.callouts[2].until: a callout ends after it begins',
    ]);
  });

  it('a question revealed later names a revealAt after it is asked and no later than the next question; anything else is refused at its member', () => {
    const pause = (at: string, revealAt: string) => `    - { at: ${at}, revealAt: ${revealAt}, prompt: "How many start?", reveal: "Two." }\n`;
    const file = (...ps: string[]) => `${WORLD}presenter:\n  pauses:\n${ps.join('')}    - { at: 40s, prompt: "And now?", reveal: "Still two." }\n`;
    expect(read(file(pause('5s', '20s'))).pauses.map((p) => [p.at, p.revealAt])).toEqual([
      [5_000, 20_000],
      [40_000, undefined],
    ]);
    expect(problems(file(pause('5s', '5s')))).toEqual(['demos/d.yaml:11:27: presenter.pauses[0].revealAt: the outcome is revealed after the question is asked: revealAt comes after at']);
    expect(problems(file(pause('5s', '1m')))).toEqual(['demos/d.yaml:11:27: presenter.pauses[0].revealAt: the reveal comes before the next question (at 40s)']);
    expect(problems(file(pause('5s', 'soon')))[0]).toMatch(/^demos\/d\.yaml:11:27: presenter\.pauses\[0\]\.revealAt: /);
  });

  it('a predicate typed in the Demos tool is read by the same reader, its problems named by member', () => {
    expect(parsePredicateText('{ count: tasks, where: { lastStatus: RUNNING }, equals: 2 }').problems).toEqual([]);
    expect(parsePredicateText('{"count": "tasks", "atLeast": 1, "holdsFor": "1m"}').goal).toMatchObject({ holdsFor: 60_000, check: { count: 'tasks', atLeast: 1 } });
    expect(parsePredicateText('count: tasks', 'pauses[0].choices[1].when').problems).toEqual(['1:1: pauses[0].choices[1].when: a count needs equals, atLeast or atMost']);
    expect(parsePredicateText('{ count: tasks, equals: 1, never: yes }').problems).toEqual(['1:35: when.never: expected true']);
    expect(parsePredicateText('{ count: [').problems[0]).toMatch(/^1:\d+: /);
  });
});
