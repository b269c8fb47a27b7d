import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClqError, evalClq, parseClq, type ClqSubject } from '../../src/sim/placement/clq';

const subject = (attrs: Record<string, string>, extra: Partial<ClqSubject> = {}): ClqSubject => ({
  attributes: new Map(Object.entries(attrs)), agentConnected: true, agentVersion: '1.87.1', ec2InstanceId: 'i-abcd1234',
  registeredAt: Date.UTC(2018, 5, 18) / 1000, runningTasksCount: 1, taskGroups: new Set(['service:production']), ...extra,
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
    expect(pos('(attribute:a == 1')).toBe(17);
    expect(pos('agentVersion =~ 1.*')).toBe(13);
    expect(pos('runningTasksCount > many')).toBe(20);
    expect(pos('attribute:a == 1 attribute:b == 2')).toBe(17);
  });
  it('never throws anything but ClqError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      try {
        evalClq(parseClq(s), subject({ a: 'x' }));
      } catch (e) {
        expect(e).toBeInstanceOf(ClqError);
      }
    }), { numRuns: 3000 });
    const tokens = ['attribute:a', '==', '!=', 'in', '[', ']', ',', '(', ')', 'and', 'or', 'not', 'exists', '!exists', '=~', 'x', "'q'", 'task:group'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 12 }), (ts) => {
      try {
        parseClq(ts.join(' '));
      } catch (e) {
        expect(e).toBeInstanceOf(ClqError);
      }
    }), { numRuns: 3000 });
  });
});
