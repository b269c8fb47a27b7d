import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli';

function run(argv: string[], files: Record<string, string>): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = cli(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    read: (f) => {
      if (!(f in files)) throw new Error('no such file');
      return files[f]!;
    },
  });
  return { code, out, err };
}

const head = 'name: x\nactions:\n  - { id: c, call: ecs.CreateCluster, input: { clusterName: demo } }\n';

describe('the runner refuses what it cannot run, with exit 2 and one line per problem', () => {
  it.each([
    ['a misspelt ${call:…} id', `${head}  - { call: ecs.DescribeClusters, input: { clusters: ['\${call:cc.cluster.clusterArn}'] } }\n`, /^s\.yaml:4:\d+: actions\[1\]\.input\.clusters\[0\]: /],
    ['an expectation about a call never reached', `${head}  - { at: 50, id: late, call: ecs.CreateCluster, input: { clusterName: b } }\nuntil: 10\nexpect:\n  - { call: late }\n`, /^s\.yaml:7:13: expect\[0\]\.call: /],
    ['matches: "(["', `${head}expect:\n  - { count: clusters, where: { clusterName: { matches: '([' } }, equals: 1 }\n`, /^s\.yaml:5:\d+: expect\[0\]\.where\.clusterName\.matches: /],
    ['any: 5', `${head}expect:\n  - { count: clusters, where: { any: 5 }, equals: 1 }\n`, /^s\.yaml:5:\d+: expect\[0\]\.where\.any: /],
    ['until: 3650d', `${head}until: 3650d\n`, /^s\.yaml:4:8: until: '3650d' is beyond the horizon/],
    ['until: .inf', `${head}until: .inf\n`, /^s\.yaml:4:8: until: Infinity is not a finite number/],
  ])('%s', (_, text, message) => {
    const r = run(['run', 's.yaml', '--json'], { 's.yaml': text });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('--until beyond the horizon, or not a number, is refused', () => {
    for (const u of ['3650d', '1e400', '9'.repeat(400)]) {
      const r = run(['run', 's.yaml', '--until', u], { 's.yaml': head });
      expect(r.code, u).toBe(2);
      expect(r.err).toMatch(/^--until: .* (is beyond the horizon of simulated time, 400 days|is not a time)/);
    }
    expect(run(['run', 's.yaml', '--until', '400d', '--json'], { 's.yaml': head }).code).toBe(0);
  });

  it("a longer --until reaches a call the file's until does not", () => {
    const text = `${head}  - { at: 50, id: late, call: ecs.CreateCluster, input: { clusterName: b } }\nuntil: 10\nexpect:\n  - { call: late, ok: true }\n`;
    expect(run(['run', 's.yaml', '--until', '60'], { 's.yaml': text }).code).toBe(0);
  });
});
