import { describe, expect, it } from 'vitest';
import { durationSeconds, parseYaml } from '../../src/formats/yamlDoc';

describe('parseYaml', () => {
  const text = 'a: 1\nlist:\n  - x: 1\n    y: 2\n  - z\nb: &r { c: 1 }\nd: *r\n<<: { m: 1 }\n';
  const y = parseYaml(text, 'f.yaml');

  it('is the data, with anchors, aliases and merge keys resolved', () => {
    expect(y.errors).toEqual([]);
    expect(y.data).toEqual({ a: 1, list: [{ x: 1, y: 2 }, 'z'], b: { c: 1 }, d: { c: 1 }, m: 1 });
  });

  it('places a member path at its value, or with key at its name; a path that goes further than the text stops at the nearest node', () => {
    expect(y.at(['list', 0, 'y'])).toEqual({ line: 4, column: 8 });
    expect(y.at(['list', 0, 'y'], true)).toEqual({ line: 4, column: 5 });
    expect(y.at(['list', 1])).toEqual({ line: 5, column: 5 });
    expect(y.at([])).toEqual({ line: 1, column: 1 });
    // No such member: the mapping (or list) that would hold it; below a scalar: the scalar.
    expect(y.at(['list', 9])).toEqual({ line: 3, column: 3 });
    expect(y.at(['missing'])).toEqual({ line: 1, column: 1 });
    expect(y.at(['a', 'deeper'])).toEqual({ line: 1, column: 4 });
  });

  it('says syntax errors and repeated keys as problems of the file, with no data', () => {
    const dup = parseYaml('a: 1\na: 2\n', 'dup.yaml');
    expect(dup.data).toBeUndefined();
    expect(dup.errors).toEqual([{ file: 'dup.yaml', line: 2, column: 1, member: '', message: 'Map keys must be unique', severity: 'error' }]);
    const broken = parseYaml('a: [1, 2\n', 'b.yaml');
    expect(broken.data).toBeUndefined();
    expect(broken.errors.length).toBeGreaterThan(0);
    expect(broken.errors[0]!.message).not.toContain('\n');
  });

  it('refuses a text whose aliases would expand beyond a thousand (a billion laughs), as a problem', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const r = parseYaml(bomb, 'bomb.yaml');
    expect(r.data).toBeUndefined();
    expect(r.errors).toEqual([{ file: 'bomb.yaml', line: 1, column: 1, member: '', message: 'Excessive alias count indicates a resource exhaustion attack', severity: 'error' }]);
  });
});

describe('durationSeconds', () => {
  it('reads Copilot’s durations and plain numbers as seconds', () => {
    expect(durationSeconds('2m30s')).toBe(150);
    expect(durationSeconds('60s')).toBe(60);
    expect(durationSeconds('1h')).toBe(3600);
    expect(durationSeconds('1.5m')).toBe(90);
    expect(durationSeconds(90)).toBe(90);
  });

  it('is undefined for anything else: no unit, trailing text, an empty string, not a string', () => {
    for (const v of ['10', 'abc', '5s ', '', '5 s', null, undefined, {}]) expect(durationSeconds(v), JSON.stringify(v)).toBeUndefined();
  });

  it('reads milliseconds and the other units of a Go duration, alone or after larger ones', () => {
    expect(durationSeconds('500ms')).toBe(0.5);
    expect(durationSeconds('1m500ms')).toBe(60.5);
    expect(durationSeconds('1h30m')).toBe(5400);
    expect(durationSeconds('1.5s')).toBe(1.5);
    expect(durationSeconds('250us')).toBe(0.00025);
    expect(durationSeconds('250µs')).toBe(0.00025);
    expect(durationSeconds('2s500000ns')).toBe(2.0005);
    for (const v of ['500 ms', '5msx', '5mss', '1d']) expect(durationSeconds(v), v).toBeUndefined();
  });
});
