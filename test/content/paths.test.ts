import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/content/paths';

const task = {
  containers: [
    { name: 'app', exitCode: 1 },
    { name: 'side', exitCode: 0 },
  ],
  deployments: [{ rolloutState: 'COMPLETED' }],
  s: 'abc',
  n: null,
  nested: { a: { b: 2 } },
};

describe('getPath', () => {
  it('follows members, list indexes and [key=value] selectors', () => {
    expect(getPath(task, 'nested.a.b')).toBe(2);
    expect(getPath(task, 'deployments[0].rolloutState')).toBe('COMPLETED');
    expect(getPath(task, 'containers[1]')).toEqual({ name: 'side', exitCode: 0 });
    expect(getPath(task, 'containers[name=app].exitCode')).toBe(1);
    // The value is compared as text: exitCode 0 is selected by "0".
    expect(getPath(task, 'containers[exitCode=0].name')).toBe('side');
  });

  it('gives the length of a list or a text', () => {
    expect(getPath(task, 'containers.length')).toBe(2);
    expect(getPath(task, 's.length')).toBe(3);
  });

  it('is undefined where the path leads nowhere, and never throws', () => {
    for (const p of ['containers[name=zzz].exitCode', 'deployments[5].rolloutState', 'n.x', 'nested[0]', 's.0', 'containers[=]', 'a.b.c.d']) expect(getPath(task, p), p).toBeUndefined();
    expect(getPath(undefined, 'a')).toBeUndefined();
    expect(getPath(42, 'a')).toBeUndefined();
  });

  it('follows only own members: nothing inherited is found', () => {
    for (const p of ['hasOwnProperty', 'constructor', 'constructor.name', '__proto__', '__proto__.x', 's.constructor', 'containers.map', 'containers[0].toString']) expect(getPath(task, p), p).toBeUndefined();
  });

  it('an empty path is the value itself', () => {
    expect(getPath(task, '')).toBe(task);
  });

  it('reads the same path the same way after many other paths were read', () => {
    expect(getPath(task, 'containers[name=side].exitCode')).toBe(0);
    for (let i = 0; i < 1100; i++) getPath(task, `p${i}.q`);
    expect(getPath(task, 'containers[name=side].exitCode')).toBe(0);
    expect(getPath({ p1099: { q: 'x' } }, 'p1099.q')).toBe('x');
  });
});
