import { describe, expect, it } from 'vitest';
import { LessonError, parseDemo } from '../../src/content/lesson';
import { formatProblems } from '../../src/formats/problem';

/** Reads a demo file as the page does (its reader is the lesson parser's): the demo, or its problems one a line. */
function readDemoFile(_name: string, text: string) {
  try {
    return { demo: parseDemo({ 'demos/v.yaml': text }, 'v') };
  } catch (e) {
    if (e instanceof LessonError) return { demo: undefined, problems: formatProblems(e.problems) };
    throw e;
  }
}

/** A demo of one cluster and one RunTask (action 3, id `place`), with the variants given (YAML lines under `variants:`). */
const demo = (variants: string, more = '') => `name: Variants
seed: 7
presenter:
  summary: Two worlds.${more}
  variants:
${variants}
actions:
  - { call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: worker, image: busybox, cpu: 256, memory: 512 } ] } }
  - { call: ecs.CreateCluster, input: { clusterName: c } }
  - { call: sim.LaunchInstances, input: { cluster: c, instanceType: m5.large, count: 2 } }
  - { at: 10s, id: place, call: ecs.RunTask, input: { cluster: c, taskDefinition: worker, count: 2 } }
until: 1m
`;

const problems = (text: string) => readDemoFile('v.yaml', text).problems?.split('\n') ?? [];
// Lines: the first variant is on line 6 of the file.

describe("a demo's variants: separate worlds, each the scenario with its own seed and overrides", () => {
  it('a variant overrides an action by its id or index, a path inside its input, or a member of the scenario; each has its own seed', () => {
    const r = readDemoFile(
      'v.yaml',
      demo(`    - { label: Spread }
    - { label: Binpack, seed: 9, set: [ { action: place, path: placementStrategy, value: [ { type: binpack, field: memory } ] }, { action: 0, path: containerDefinitions.0.memory, value: 1024 } ] }
    - { label: Slow boot, set: [ { path: durations.instanceBoot, value: 30s }, { action: 0, path: containerDefinitions.1, value: { name: side, image: busybox, memory: 64 } } ] }`),
    );
    expect(r.problems).toBeUndefined();
    const [a, b, c] = r.demo!.variants;
    expect([a!.label, a!.seed, b!.label, b!.seed, c!.seed]).toEqual(['Spread', '7', 'Binpack', '9', '7']);
    // The first is the scenario as written.
    expect(a!.scenario.actions).toEqual(r.demo!.scenario.actions);
    const place = (v: typeof a) => v!.scenario.actions.find((x) => x.id === 'place')!.input;
    expect(place(a).placementStrategy).toBeUndefined();
    expect(place(b).placementStrategy).toEqual([{ type: 'binpack', field: 'memory' }]);
    expect(b!.scenario.actions[0]!.input.containerDefinitions).toEqual([{ name: 'worker', image: 'busybox', cpu: 256, memory: 1024 }]);
    // A list item one past the end is added; a scenario member is set.
    expect((c!.scenario.actions[0]!.input.containerDefinitions as unknown[]).length).toBe(2);
    expect(c!.scenario.durations).toEqual({ instanceBootMs: 30_000 });
    expect(a!.scenario.durations).toEqual({});
  });

  it('an override that names no action, no member of it, or what a variant may not set is refused at its line and member, naming the variant', () => {
    const text = demo(`    - { label: A }
    - { label: B, set: [ { action: 9, path: count, value: 1 } ] }
    - { label: C, set: [ { action: plaec, path: count, value: 1 } ] }`);
    expect(problems(text)).toEqual(['demos/v.yaml:7:36: presenter.variants[1].set[0].action: there is no action 9: the scenario has 4 (0 to 3)', "demos/v.yaml:8:36: presenter.variants[2].set[0].action: no action has the id 'plaec'"]);
    expect(
      problems(
        demo(`    - { label: A }
    - { label: B, set: [ { action: place, path: overrides.containerOverrides, value: [] }, { action: 0, path: containerDefinitions.first.memory, value: 1 } ] }`),
      ),
    ).toEqual([
      "demos/v.yaml:7:49: presenter.variants[1].set[0].path: action 3's input has no member 'overrides'",
      "demos/v.yaml:7:111: presenter.variants[1].set[1].path: containerDefinitions is a list: its items are named by index (0, 1, …), not 'first'",
    ]);
    expect(
      problems(
        demo(`    - { label: A, set: [ { path: actions.3.input.count, value: 1 } ] }
    - { label: B, set: [ { path: seed, value: 1 }, { action: 0, path: containerDefinitions.5, value: {} } ] }`),
      ),
    ).toEqual([
      "demos/v.yaml:6:34: presenter.variants[0].set[0].path: an action's input is changed with `action` (its index or id) and a path inside its input",
      "demos/v.yaml:7:34: presenter.variants[1].set[0].path: a variant's seed is its own member: seed",
      'demos/v.yaml:7:71: presenter.variants[1].set[1].path: containerDefinitions has 1 item (0 to 0); there is no item 5',
    ]);
  });

  it('a variant whose overrides make a scenario that cannot run is refused at its set, with what the scenario refuses', () => {
    expect(
      problems(
        demo(`    - { label: A }
    - { label: B, set: [ { path: durations.instanceBoot, value: soon } ] }`),
      ),
    ).toEqual(['demos/v.yaml:7:24: presenter.variants[1].set: with these overrides the scenario is refused: durations.instanceBoot: must be number']);
  });

  it('two or three variants, each labelled once, and never beside presenter.panes', () => {
    expect(problems(demo('    - { label: A }'))).toEqual(['demos/v.yaml:6:5: presenter.variants: must NOT have fewer than 2 items']);
    expect(
      problems(
        demo(`    - { label: A }
    - { label: A, sed: 3 }`),
      ),
    ).toEqual(["demos/v.yaml:7:19: presenter.variants[1].sed: unknown member 'sed'"]);
    expect(
      problems(
        demo(`    - { label: A }
    - { label: A }`),
      ),
    ).toEqual(["demos/v.yaml:7:16: presenter.variants[1].label: another variant is labelled 'A': each pane needs its own label"]);
    expect(
      problems(
        demo(
          `    - { label: A }
    - { label: B }`,
          '\n  panes: [ { cluster: c, label: A }, { cluster: c, label: B } ]',
        ),
      ),
    ).toEqual(['demos/v.yaml:6:3: presenter.variants: a demo shows clusters of one world (presenter.panes) or separate worlds (presenter.variants), not both']);
  });
});
