import { describe, expect, it } from 'vitest';
import { LessonError, parseDemo } from '../../src/content/lesson';
import { formatProblems } from '../../src/formats/problem';
import { Timeline } from '../../src/content/timeline';
import { eventHash } from '../../src/content/report';

function runTimeline(scenario: ConstructorParameters<typeof Timeline>[0], seed: string, to: number): Timeline {
  const t = new Timeline(scenario, seed);
  t.advanceTo(to);
  return t;
}

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

  /** A variant's world run to `to`, and what the API says of it then. */
  const run = (v: { scenario: Parameters<typeof runTimeline>[0]; seed: string }, to: number) => runTimeline(v.scenario, v.seed, to);

  it('a launch-type variant: the same tasks on EC2 instances in one world and on Fargate in the other, with what Fargate needs set', () => {
    // The instances register about a minute in: the tasks are run after that.
    const later = (text: string) => text.replace('at: 10s, id: place', 'at: 90s, id: place').replace('until: 1m', 'until: 3m');
    const r = readDemoFile(
      'v.yaml',
      later(
        demo(`    - { label: EC2 }
    - label: Fargate
      set:
        - { action: 0, path: requiresCompatibilities, value: [FARGATE] }
        - { action: 0, path: networkMode, value: awsvpc }
        - { action: 0, path: cpu, value: "256" }
        - { action: 0, path: memory, value: "512" }
        - { action: place, path: launchType, value: FARGATE }
        - { action: place, path: networkConfiguration, value: { awsvpcConfiguration: { subnets: [subnet-us-east-1a] } } }`),
      ),
    );
    expect(r.problems).toBeUndefined();
    const tasks = r.demo!.variants.map((v) => {
      const t = run(v, 150_000);
      const arns = (t.sim.call('ecs.ListTasks', { cluster: 'c' }).output as { taskArns: string[] }).taskArns;
      return (t.sim.call('ecs.DescribeTasks', { cluster: 'c', tasks: arns }).output as { tasks: { launchType: string; lastStatus: string; containerInstanceArn?: string }[] }).tasks.map((x) => [
        x.launchType,
        x.lastStatus,
        x.containerInstanceArn !== undefined,
      ]);
    });
    expect(tasks).toEqual([
      [
        ['EC2', 'RUNNING', true],
        ['EC2', 'RUNNING', true],
      ],
      [
        ['FARGATE', 'RUNNING', false],
        ['FARGATE', 'RUNNING', false],
      ],
    ]);
  });

  it('a deployment-setting variant: one service, rolled out with room for extra tasks in one world and none in the other', () => {
    const service = (extra: string) =>
      demo(extra)
        .replace(
          '  - { at: 10s, id: place, call: ecs.RunTask, input: { cluster: c, taskDefinition: worker, count: 2 } }',
          `  - { at: 90s, id: place, call: ecs.CreateService, input: { cluster: c, serviceName: web, taskDefinition: worker, desiredCount: 2 } }
  - { at: 100s, call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: worker, image: "busybox:2", cpu: 256, memory: 512 } ] } }
  - { at: 2m, call: ecs.UpdateService, input: { cluster: c, service: web, taskDefinition: "worker:2" } }`,
        )
        .replace('until: 1m', 'until: 3m');
    const r = readDemoFile(
      'v.yaml',
      service(`    - { label: Room for two more }
    - { label: No room, set: [ { action: place, path: deploymentConfiguration, value: { minimumHealthyPercent: 0, maximumPercent: 100 } } ] }`),
    );
    expect(r.problems).toBeUndefined();
    const seen = r.demo!.variants.map((v) => {
      const t = run(v, 150_000);
      const svc = (t.sim.call('ecs.DescribeServices', { cluster: 'c', services: ['web'] }).output as { services: { deploymentConfiguration: { minimumHealthyPercent: number; maximumPercent: number } }[] }).services[0]!;
      return [svc.deploymentConfiguration.minimumHealthyPercent, svc.deploymentConfiguration.maximumPercent, eventHash(t.sim.events)];
    });
    expect(seen.map((x) => x.slice(0, 2))).toEqual([
      [100, 200],
      [0, 100],
    ]);
    // The same scenario, another setting: the worlds part (other events).
    expect(seen[0]![2]).not.toBe(seen[1]![2]);
  });
});
