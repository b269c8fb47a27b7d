import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyData, arrayOf, flat, partly, record, same, tableOf, values } from '../../../src/sim/core/copy';

interface Port {
  port: number;
  protocol: string;
}
interface Box {
  name: string;
  size?: number;
  ports: Port[];
  ids: number[];
  meta?: { owner: string; labels: string[] };
  fixed: readonly string[];
}

const copyBox = record<Box>({ ports: arrayOf(record<Port>({})), ids: values, meta: anyData, fixed: same });

const box = (): Box => ({ name: 'b', size: 2, ports: [{ port: 80, protocol: 'tcp' }], ids: [1, 2], meta: { owner: 'me', labels: ['x'] }, fixed: ['shared'] });

describe('copiers made from a record shape', () => {
  it('copy every member in its order, and give each listed member its own copy, so nothing either side changes reaches the other', () => {
    const a = box();
    const c = copyBox(a);
    expect(c).toEqual(a);
    expect(Object.keys(c)).toEqual(Object.keys(a));
    c.ports[0]!.port = 8080;
    c.ids.push(3);
    c.meta!.labels.push('y');
    a.name = 'renamed';
    expect(a.ports[0]!.port).toBe(80);
    expect(a.ids).toEqual([1, 2]);
    expect(a.meta!.labels).toEqual(['x']);
    expect(c.name).toBe('b');
  });

  it('share a member marked as replaced-never-changed, and leave absent and null members as they are', () => {
    const a = box();
    expect(copyBox(a).fixed).toBe(a.fixed);
    const bare = { name: 'n', ports: [], ids: [], fixed: [], meta: undefined } as Box;
    const c = copyBox(bare);
    expect(c).toEqual(bare);
    expect('meta' in c).toBe(true);
    expect('size' in c).toBe(false);
  });

  it('partly: copies listed members with their copiers and every other object member generically', () => {
    const seen: string[] = [];
    const copy = partly<{ a: number[]; b: { deep: number[] }; c: string; d: null }>({ a: (v) => (seen.push('a'), v.slice()) });
    const src = { a: [1], b: { deep: [2] }, c: 'text', d: null };
    const out = copy(src);
    expect(seen).toEqual(['a']);
    expect(out).toEqual(src);
    expect(out.a).not.toBe(src.a);
    expect(out.b).not.toBe(src.b);
    expect(out.b.deep).not.toBe(src.b.deep);
    expect(Object.keys(out)).toEqual(['a', 'b', 'c', 'd']);
  });

  // Known defect: partly looks a member's copier up as parts[k], so a member named like an Object.prototype
  // member finds that member: "__proto__" gets Object.prototype (not callable: a TypeError), "constructor" gets
  // Object, which hands back the same object (shared, not copied). No record of the world that goes through
  // partly (services, deployments) has such a member today. It should look up own copiers only.
  it('partly: copies a member named "__proto__" or "constructor" as its own member, sharing nothing', () => {
    const copy = partly<Record<string, unknown>>({});
    const src = JSON.parse('{"__proto__": {"x": [1]}, "constructor": {"y": [2]}}') as Record<string, unknown>;
    const out = copy(src);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')!.value).toEqual({ x: [1] });
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')!.value).not.toBe(Object.getOwnPropertyDescriptor(src, '__proto__')!.value);
    expect(out.constructor).not.toBe(src.constructor);
  });

  it('flat and values copy one level; arrayOf copies each item with its copier', () => {
    const f = { a: 1, b: 'x' };
    expect(flat(f)).toEqual(f);
    expect(flat(f)).not.toBe(f);
    const v = [1, 2];
    expect(values(v)).toEqual(v);
    expect(values(v)).not.toBe(v);
    const items = [{ a: 1 }, { a: 2 }];
    const c = arrayOf(flat)(items);
    expect(c).toEqual(items);
    expect(c[1]).not.toBe(items[1]);
  });

  it('tableOf: keeps a null-prototype table without a prototype, every key an entry, "__proto__" included', () => {
    const t = Object.create(null) as Record<string, { n: number }>;
    t['__proto__'] = { n: 1 };
    t['constructor'] = { n: 2 };
    const c = tableOf(flat)(t);
    expect(Object.getPrototypeOf(c)).toBeNull();
    expect(Object.keys(c)).toEqual(['__proto__', 'constructor']);
    expect(c['__proto__']).toEqual({ n: 1 });
    expect(c['__proto__']).not.toBe(t['__proto__']);
    const plain = JSON.parse('{"__proto__": {"n": 3}, "web": {"n": 4}}') as Record<string, { n: number }>;
    const p = tableOf(flat)(plain);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(Object.keys(p)).toEqual(['__proto__', 'web']);
    expect(Object.getOwnPropertyDescriptor(p, '__proto__')!.value).toEqual({ n: 3 });
  });

  it('a copier made for a shape gives what a generic deep copy gives (property)', () => {
    const port = fc.record({ port: fc.integer(), protocol: fc.constantFrom('tcp', 'udp') });
    const arb = fc.record(
      {
        name: fc.string(),
        size: fc.integer(),
        ports: fc.array(port, { maxLength: 4 }),
        ids: fc.array(fc.integer(), { maxLength: 4 }),
        meta: fc.record({ owner: fc.string(), labels: fc.array(fc.string(), { maxLength: 3 }) }),
        fixed: fc.array(fc.string(), { maxLength: 2 }),
      },
      { requiredKeys: ['name', 'ports', 'ids', 'fixed'] },
    );
    fc.assert(
      fc.property(arb, (b) => {
        expect(copyBox(b as Box)).toEqual(anyData(b));
      }),
    );
  });
});
