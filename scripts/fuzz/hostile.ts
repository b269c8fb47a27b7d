import fc from 'fast-check';

/**
 * Hostile values for untrusted input: names every object already has, wrong types, numbers that are huge, negative
 * or not finite, long and odd strings, and nested objects that carry the same.
 */
export const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'isPrototypeOf'] as const;

export const hostileNumber = fc.constantFrom(-1, -0, 0, 0.5, 1e23, -1e23, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, 1e400, 3650 * 86_400, 400 * 86_400, 400 * 86_400 + 1);

export const hostileString = fc.oneof(
  fc.constantFrom(
    ...PROTO_KEYS,
    '',
    ' ',
    '9'.repeat(400),
    '3650d',
    '400d',
    '.inf',
    '-1',
    '0x10',
    '1e400',
    'NaN',
    '${call:nope}',
    '${call:0.x}',
    '${task:x}',
    '${ci:}',
    '${taskIp:-1}',
    '${',
    '}',
    '([',
    '^(a+)+$',
    '(?=x)',
    'file:///etc/passwd',
    '\u0000',
    '\ud800',
    'a'.repeat(10_000),
  ),
  fc.string({ maxLength: 20 }),
);

export const hostileKey = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));

/** Any value, leaning towards the hostile ones. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileNumber,
    hostileString,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A snapshot of the built-in prototypes, to tell whether anything changed them. */
export function prototypesNow(): string {
  const protos: [string, object][] = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
    ['Number', Number.prototype],
    ['Boolean', Boolean.prototype],
  ];
  return protos
    .map(
      ([name, p]) =>
        `${name}:${Object.getOwnPropertyNames(p)
          .sort()
          .map((k) => {
            const d = Object.getOwnPropertyDescriptor(p, k)!;
            return `${k}=${typeof d.value === 'function' ? d.value.name : typeof d.value}`;
          })
          .join(',')}:${String(Object.getPrototypeOf(p))}`,
    )
    .join('|');
}

/** A record with a key spelt `__proto__` as an own member (how JSON.parse makes it), for hostile objects built in code. */
export function withProtoKey<T extends object>(o: T, value: unknown): T {
  Object.defineProperty(o, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return o;
}
