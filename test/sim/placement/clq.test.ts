import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClqError, evalClq, parseClq, type ClqSubject } from '../../../src/sim/placement/clq';

const subject = (attrs: Record<string, string>, extra: Partial<ClqSubject> = {}): ClqSubject => ({
  attributes: new Map(Object.entries(attrs)),
  agentConnected: true,
  agentVersion: '1.87.1',
  ec2InstanceId: 'i-abcd1234',
  registeredAt: Date.UTC(2018, 5, 18) / 1000,
  runningTasksCount: 1,
  taskGroups: new Set(['service:production']),
  ...extra,
});
const ev = (e: string, s: ClqSubject) => evalClq(parseClq(e), s);

describe('cluster query language', () => {
  const t2 = subject({ 'ecs.instance-type': 't2.small', 'ecs.availability-zone': 'us-east-1a' });
  it('evaluates the documented examples', () => {
    expect(ev('attribute:ecs.instance-type == t2.small', t2)).toBe(true);
    expect(ev('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', t2)).toBe(true);
    expect(ev('attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', t2)).toBe(false);
    expect(ev('attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone != us-east-1d', t2)).toBe(true);
    expect(ev('task:group == service:production', t2)).toBe(true);
    expect(ev('not(task:group == database)', t2)).toBe(true);
    expect(ev('runningTasksCount == 1', t2)).toBe(true);
    expect(ev('agentVersion < 1.14.5', t2)).toBe(false);
    expect(ev('registeredAt < 2018-02-13', t2)).toBe(false);
    expect(ev("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", t2)).toBe(true);
  });
  it('gives not > and > or precedence and honours parentheses', () => {
    const s = subject({ a: '1' });
    expect(ev('attribute:a == 1 or attribute:a == 2 and attribute:a == 3', s)).toBe(true);
    expect(ev('(attribute:a == 1 or attribute:a == 2) and attribute:a == 3', s)).toBe(false);
    expect(ev('!attribute:a == 2 && attribute:a exists', s)).toBe(true);
  });
  it('compares only instances that have the attribute [SIM]', () => {
    expect(ev('attribute:stack != prod', subject({}))).toBe(false);
    expect(ev('attribute:stack !exists', subject({}))).toBe(true);
  });
  it('reports where an expression is wrong', () => {
    const pos = (e: string) => {
      try {
        parseClq(e);
      } catch (x) {
        return (x as ClqError).position;
      }
      return -1;
    };
    expect(pos('attribute:a ==')).toBe(14);
    expect(pos('attribute:a in a, b')).toBe(15);
    expect(pos('bogus == 1')).toBe(0);
    // Names of Object.prototype members are not subjects or operators either.
    expect(pos('__proto__ == 1')).toBe(0);
    expect(pos('constructor == x')).toBe(0);
    expect(pos('attribute:a toString x')).toBe(12);
    expect(pos('(attribute:a == 1')).toBe(17);
    expect(pos('agentVersion =~ 1.*')).toBe(13);
    expect(pos('runningTasksCount > many')).toBe(20);
    expect(pos('attribute:a == 1 attribute:b == 2')).toBe(17);
  });
  it('never throws anything but ClqError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          evalClq(parseClq(s), subject({ a: 'x' }));
        } catch (e) {
          expect(e).toBeInstanceOf(ClqError);
        }
      }),
      { numRuns: 3000 },
    );
    const tokens = ['attribute:a', '==', '!=', 'in', '[', ']', ',', '(', ')', 'and', 'or', 'not', 'exists', '!exists', '=~', 'x', "'q'", 'task:group'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 12 }), (ts) => {
        try {
          parseClq(ts.join(' '));
        } catch (e) {
          expect(e).toBeInstanceOf(ClqError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('compiled expressions', () => {
  it('agree with the interpreter on random expressions and instances', async () => {
    const { compileClq } = await import('../../../src/sim/placement/clq');
    const attrName = fc.constantFrom('ecs.availability-zone', 'ecs.instance-type', 'stack', 'tier');
    const attrValue = fc.constantFrom('us-east-1a', 'us-east-1b', 'm5.large', 't2.small', 'prod', 'dev', '3', '10');
    const term = fc.oneof(
      fc.tuple(attrName, fc.constantFrom('==', '!=', '=~', '!~', '>', '<='), attrValue).map(([a, op, v]) => `attribute:${a} ${op} ${op.includes('~') ? `${v.slice(0, 2)}.*` : v}`),
      fc.tuple(attrName, fc.constantFrom('exists', '!exists')).map(([a, op]) => `attribute:${a} ${op}`),
      fc.tuple(attrName, fc.constantFrom('in', 'not_in'), fc.array(attrValue, { minLength: 1, maxLength: 3 })).map(([a, op, vs]) => `attribute:${a} ${op} [${vs.join(', ')}]`),
      fc.constantFrom('runningTasksCount > 0', 'task:group == service:web', 'agentConnected == true', "ec2InstanceId in ['i-1', 'i-2']"),
    );
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        term,
        fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([l, o, r]) => `(${l}) ${o} (${r})`),
        tie('e').map((x) => `not(${x})`),
      ),
    })).e as fc.Arbitrary<string>;
    const inst = fc.record({
      attrs: fc.dictionary(fc.constantFrom('stack', 'tier'), attrValue, { maxKeys: 2 }),
      az: fc.constantFrom('us-east-1a', 'us-east-1b'),
      type: fc.constantFrom('m5.large', 't2.small'),
      running: fc.nat(3),
      groups: fc.subarray(['service:web', 'family:x']),
      id: fc.constantFrom('i-1', 'i-3'),
    });
    fc.assert(
      fc.property(expr, inst, (e, i) => {
        const attributes = new Map<string, string | undefined>(Object.entries(i.attrs));
        attributes.set('ecs.availability-zone', i.az);
        attributes.set('ecs.instance-type', i.type);
        const s: ClqSubject = { ...subject({}), attributes, availabilityZone: i.az, instanceType: i.type, runningTasksCount: i.running, taskGroups: new Set(i.groups), ec2InstanceId: i.id };
        expect(compileClq(e).test(s)).toBe(evalClq(parseClq(e), s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the compiled form and dates', () => {
  it('says what an expression needs from an instance: its running tasks, its task groups, or neither', async () => {
    const { compileClq } = await import('../../../src/sim/placement/clq');
    expect(compileClq('runningTasksCount > 2')).toMatchObject({ needsRunningTasks: true, needsTaskGroups: false });
    expect(compileClq('task:group == web')).toMatchObject({ needsRunningTasks: false, needsTaskGroups: true });
    expect(compileClq('attribute:ecs.instance-type == t2.small')).toMatchObject({ needsRunningTasks: false, needsTaskGroups: false });
    // The built-in zone is read from the instance's own field before its attributes.
    expect(compileClq('attribute:ecs.availability-zone == us-east-1b').test(subject({}, { availabilityZone: 'us-east-1b' }))).toBe(true);
  });

  it('reads the dates registeredAt compares, with and without a time and an offset', async () => {
    const { parseDate } = await import('../../../src/sim/placement/clq');
    expect(parseDate('2018-06-18')).toBe(Date.UTC(2018, 5, 18) / 1000);
    expect(parseDate('2018-06-18T22:28:28Z')).toBe(Date.UTC(2018, 5, 18, 22, 28, 28) / 1000);
    expect(parseDate('2018-06-18T22:28:28+02:00')).toBe(Date.UTC(2018, 5, 18, 20, 28, 28) / 1000);
    expect(parseDate('2018-06-18T22:28:28-01:30')).toBe(Date.UTC(2018, 5, 18, 23, 58, 28) / 1000);
    expect(parseDate('18 June 2018')).toBeUndefined();
  });
});
