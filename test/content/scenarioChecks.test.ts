import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';
import { HORIZON_MS } from '../../src/content/bounds';

const head = 'name: x\nactions:\n  - { id: c, call: ecs.CreateCluster, input: { clusterName: demo } }\n';

/** The problems a file has, one formatted line each; [] when it parses. */
function problems(text: string): string[] {
  try {
    parseScenario(text, 's.yaml');
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.message.split('\n');
  }
}

describe('references are checked before the run', () => {
  it('a ${call:…} to an id no action has names the id, the member and its line', () => {
    expect(problems(`${head}  - { call: ecs.DescribeClusters, input: { clusters: ['\${call:cc.cluster.clusterArn}'] } }\n`)).toEqual([
      expect.stringMatching(/^s\.yaml:4:\d+: actions\[1\]\.input\.clusters\[0\]: \$\{call:cc\.cluster\.clusterArn\}: no action has id 'cc'; the ids are c$/),
    ]);
  });

  it('a reference to a call that runs later, or at the same time further down, is refused', () => {
    expect(problems(`${head}  - { call: ecs.DescribeClusters, input: { clusters: ['\${call:b.cluster.clusterArn}'] } }\n  - { at: 5, id: b, call: ecs.CreateCluster, input: { clusterName: b } }\n`)).toEqual([
      expect.stringMatching(/actions\[1\]\.input\.clusters\[0\]: .*actions\[2\] \(id 'b'\) runs at 5 s, after this call at 0 s/),
    ]);
    expect(problems(`${head}  - { call: ecs.DescribeClusters, input: { clusters: ['\${call:2.cluster.clusterArn}'] } }\n  - { call: ecs.CreateCluster, input: { clusterName: b } }\n`)).toEqual([
      expect.stringMatching(/runs after this one \(both at 0 s; calls due together run in file order\)/),
    ]);
    expect(problems(`${head}  - { call: ecs.DescribeClusters, input: { clusters: ['\${call:9}'] } }\n`)).toEqual([expect.stringMatching(/there are only 2 requests/)]);
  });

  it('${task:N} and ${taskIp:N} take a number; ${ci:} an instance id', () => {
    const p = problems(`${head}  - { call: ecs.StopTask, input: { cluster: demo, task: '\${task:first}', reason: '\${taskIp:-1}', x: '\${ci:}' } }\n`);
    expect(p).toHaveLength(3);
    expect(p.join('\n')).toMatch(/input\.task: \$\{task:first\}: give \$\{task:<n>\}/);
    expect(p.join('\n')).toMatch(/input\.reason: \$\{taskIp:-1\}: give/);
    expect(p.join('\n')).toMatch(/input\.x: \$\{ci:\}: give \$\{ci:<ec2InstanceId>\}/);
  });

  it('other ${NAME} texts (shell variables in a command) are left alone', () => {
    expect(problems(`${head}  - { call: ecs.RegisterTaskDefinition, input: { family: w, containerDefinitions: [ { name: w, image: nginx, memory: 64, command: ['sh', '-c', 'echo \${HOME} \${PORT:-80}'] } ] } }\n`)).toEqual([]);
  });
});

describe('expectations are checked before the run', () => {
  it('an expectation about a call the run never reaches is refused at its line', () => {
    expect(problems(`${head}  - { at: 50, id: late, call: ecs.CreateCluster, input: { clusterName: b } }\nuntil: 10\nexpect:\n  - { call: late, ok: true }\n`)).toEqual([
      "s.yaml:7:13: expect[0].call: actions[1] (id 'late') runs at 50 s, after the run ends at 10 s",
    ]);
    expect(problems(`${head}  - { at: 50, id: late, call: ecs.CreateCluster, input: { clusterName: b } }\nexpect:\n  - { at: 20, call: late, ok: true }\n`)).toEqual([
      expect.stringMatching(/expect\[0\]\.call: .* runs at 50 s, after this check at 20 s/),
    ]);
  });

  it("the runner's --until is the end the check uses", () => {
    const text = `${head}  - { at: 50, id: late, call: ecs.CreateCluster, input: { clusterName: b } }\nuntil: 10\nexpect:\n  - { call: late, ok: true }\n`;
    expect(runScenario(parseScenario(text, 's.yaml', { until: 60_000 }), { until: 60_000 }).passed).toBe(true);
  });

  it('a checkpoint between two calls does not stumble over a call that has not run yet', () => {
    const text = `name: x\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: a } }\n  - { at: 50, call: ecs.CreateCluster, input: { clusterName: b } }\n  - { id: c, call: ecs.CreateCluster, input: { clusterName: c } }\nuntil: 60\nexpect:\n  - { at: 10, call: c, ok: true }\n`;
    expect(runScenario(parseScenario(text, 's.yaml')).expect[0]!.passed).toBe(true);
  });

  it.each([
    ['matches: "(["', "where: { clusterName: { matches: '([' } }", /expect\[0\]\.where\.clusterName\.matches: '\(\[' is not a regular expression .*missing closing \]/],
    ['matches: 5', 'where: { clusterName: { matches: 5 } }', /matches takes a regular expression as a string, not number 5/],
    ['any: 5', 'where: { any: 5 }', /expect\[0\]\.where\.any: any takes a list of conditions, not number 5/],
    ['all: {…}', 'where: { all: { clusterName: demo } }', /expect\[0\]\.where\.all: all takes a list of conditions, not an object/],
    ['not: 3', 'where: { not: 3 }', /where\.not: a condition is an object of field paths, not number 3/],
    ['in: "a"', 'where: { status: { in: ACTIVE } }', /where\.status\.in: in takes a list of values/],
    ['gt: "x"', 'where: { registeredContainerInstancesCount: { gt: lots } }', /gt takes a number/],
    ['countOf without numbers', 'where: { tags: { countOf: { where: { key: a }, equals: many } } }', /countOf\.equals: equals takes a whole number/],
    ['a lookahead', "where: { clusterName: { matches: '^(?!x)' } }", /no backreferences or lookaround/],
  ])('a matcher %s is refused with its member, not a stack trace', (_, where, message) => {
    const p = problems(`${head}expect:\n  - { count: clusters, ${where}, equals: 1 }\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^s\.yaml:5:\d+: /);
    expect(p[0]).toMatch(message);
  });

  it('conditions inside a sequence, an event and a call output are checked too', () => {
    const p = problems(`${head}expect:\n  - { sequence: [ { type: { matches: '(' } } ] }\n  - { event: { any: {} } }\n  - { call: c, output: { cluster: { all: 1 } } }\n`);
    expect(p.map((l) => l.replace(/^s\.yaml:\d+:\d+: /, '').split(':')[0])).toEqual(['expect[0].sequence[0].type.matches', 'expect[1].event.any', 'expect[2].output.cluster.all']);
  });
});

describe('times are bounded', () => {
  it.each([
    ['3650d', 'until: 3650d', /until: '3650d' is beyond the horizon of simulated time, 400 days \(34560000 s\)/],
    ['400 digits', `until: '${'9'.repeat(400)}'`, /until: '9{40}…' is beyond the horizon/],
    ['1e400', 'until: 1e400', /until: Infinity is not a finite number/],
    ['.inf', 'until: .inf', /until: Infinity is not a finite number/],
    ['.nan', 'until: .nan', /until: NaN is not a finite number/],
    ['40000000', 'until: 40000000', /until: must be <= 34560000/],
    ['-1', 'until: -1', /until: must be >= 0/],
  ])('until %s is refused at its line', (_, line, message) => {
    const p = problems(`${head}${line}\n`);
    expect(p[0]).toMatch(/^s\.yaml:4:8: /);
    expect(p.join('\n')).toMatch(message);
  });

  it('an action, a checkpoint and a duration beyond the horizon are refused too', () => {
    expect(problems('name: x\nactions:\n  - { at: 401d, call: ecs.ListClusters }\n')).toEqual([expect.stringMatching(/actions\[0\]\.at: '401d' is beyond the horizon/)]);
    expect(problems(`${head}expect:\n  - { at: 500d, count: clusters, equals: 1 }\n`)).toEqual([expect.stringMatching(/expect\[0\]\.at: '500d' is beyond/)]);
    expect(problems(`${head}durations: { instanceBoot: 9999d }\n`)).toEqual([expect.stringMatching(/durations\.instanceBoot: '9999d' is beyond/)]);
    expect(problems(`${head}images: { a: { pullSeconds: .inf } }\n`).join('\n')).toMatch(/images\.a\.pullSeconds: Infinity is not a finite number/);
  });

  it('the horizon itself is allowed', () => {
    const sc = parseScenario(`${head}until: 400d\n`, 's.yaml');
    expect(sc.until).toBe(HORIZON_MS);
  });
});

describe("a lesson's until", () => {
  it('is bounded by the same horizon', async () => {
    const { lessonFiles } = await import('../support/pins');
    const { parseLesson, LessonError } = await import('../../src/content/lesson');
    const files = lessonFiles();
    const broken = { ...files, 'L2/lesson.yaml': files['L2/lesson.yaml']!.replace('until: 2m', 'until: 3650d') };
    expect(() => parseLesson(broken, 'L2')).toThrow(LessonError);
    expect(() => parseLesson(broken, 'L2')).toThrow(/L2\/lesson\.yaml:\d+:\d+: until: '3650d' is beyond the horizon of simulated time, 400 days/);
  });
});

describe('the timeline', () => {
  it('never runs past the horizon, whatever it is asked for', async () => {
    const { Timeline } = await import('../../src/content/timeline');
    const t = new Timeline(parseScenario('name: x\nactions: []\n', 's.yaml'));
    t.advanceTo(Number.NaN);
    expect(t.now).toBe(0);
    t.seek(Number.POSITIVE_INFINITY);
    expect(t.now).toBe(HORIZON_MS);
    t.advanceTo(HORIZON_MS * 10);
    expect(t.now).toBe(HORIZON_MS);
  });
});
