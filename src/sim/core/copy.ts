import { cloneData } from './clone';

/**
 * Copiers built from a record's shape, for snapshots of a large world. A record is copied with a spread
 * (every member, in its order) and each member that can hold an object goes through a copier of its own,
 * so the copy shares nothing either side could change. A copier made for one shape runs several times
 * faster than a generic deep copy (cloneData) over thousands of records. `Parts<T>` requires a copier for
 * every member of T that can hold an object: a member added to a record later is refused by the compiler
 * until it says how it is copied, so it is never shared by mistake.
 */
export type Copier<T> = (v: T) => T;

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** The members of T that can hold an object (an array, a record, or a value typed `unknown`). */
export type ObjectMembers<T> = { [K in keyof T]-?: [NonNullable<T[K]>] extends [Primitive] ? never : K }[keyof T];

/** A copier for each member of T that can hold an object (called only when the member holds a value). */
export type Parts<T> = { [K in ObjectMembers<T>]-?: Copier<NonNullable<T[K]>> };

/** A record of T's shape: its members copied, those that hold objects by their own copiers. */
export function record<T extends object>(parts: Parts<T>): Copier<T> {
  const keys = Object.keys(parts);
  const copiers = keys.map((k) => (parts as Record<string, Copier<unknown>>)[k]!);
  const n = keys.length;
  return (v) => {
    const c = { ...v } as Record<string, unknown>;
    const src = v as Record<string, unknown>;
    for (let i = 0; i < n; i++) {
      const x = src[keys[i]!];
      if (x !== undefined && x !== null) c[keys[i]!] = copiers[i]!(x);
    }
    return c as T;
  };
}

/**
 * A record of T's shape whose members that hold objects are not all listed: the listed ones go through their
 * copiers, any other that holds an object through the generic copy. For records of many members that are
 * few in the world, where looking at each member costs little.
 */
export function partly<T extends object>(parts: Partial<Parts<T>>): Copier<T> {
  const own = parts as Record<string, Copier<unknown> | undefined>;
  return (v) => {
    const c = { ...v } as Record<string, unknown>;
    for (const k of Object.keys(c)) {
      const x = c[k];
      if (x === null || typeof x !== 'object') continue;
      // Only the parts' own copiers: a member named like something on Object.prototype is data like any other.
      const copied = ((Object.hasOwn(own, k) ? own[k] : undefined) ?? cloneData)(x);
      if (k === '__proto__') Object.defineProperty(c, k, { value: copied, enumerable: true, writable: true, configurable: true });
      else c[k] = copied;
    }
    return c as T;
  };
}

/** A record whose members are all primitives. */
export const flat = <T extends Record<string, Primitive>>(v: T): T => ({ ...v });

/** An array of primitives. */
export const values = <T extends Primitive>(a: T[]): T[] => a.slice();

/** An array whose items each go through `item`. */
export function arrayOf<T>(item: Copier<T>): Copier<T[]> {
  return (a) => {
    const n = a.length;
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = item(a[i]!);
    return out;
  };
}

/**
 * A table (keyed by ARN, name or id) whose entries each go through `item`; a table with no prototype
 * (the world's tables) gets a copy with none, and a key such as "__proto__" stays an entry.
 */
export function tableOf<T>(item: Copier<T>): Copier<Record<string, T>> {
  return (t) => {
    const bare = Object.getPrototypeOf(t) === null;
    const out = (bare ? Object.create(null) : {}) as Record<string, T>;
    for (const k of Object.keys(t)) {
      if (!bare && k === '__proto__') Object.defineProperty(out, k, { value: item(t[k]!), enumerable: true, writable: true, configurable: true });
      else out[k] = item(t[k]!);
    }
    return out;
  };
}

/** A member that is replaced, never changed in place (typed readonly): the copy shares it. */
export const same = <T>(v: T): T => v;

/** Data of no fixed shape: a generic deep copy. */
export const anyData = <T>(v: T): T => cloneData(v);
