import { PyFloat } from './python';

/**
 * JSON as Python's json.loads reads it, which is what the AWS CLI uses: the same values (a number with a
 * fraction or an exponent is a float, NaN and Infinity are accepted) and, for bad input, Python's messages
 * ("Expecting ',' delimiter: line 1 column 9 (char 8)").
 */

export class PyJsonError extends Error {}

const WS = ' \t\n\r';
const NUMBER = /^(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/;
const LITERALS: [string, () => unknown][] = [
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['NaN', () => new PyFloat(NaN)],
  ['Infinity', () => new PyFloat(Infinity)],
  ['-Infinity', () => new PyFloat(-Infinity)],
];
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function fail(msg: string, s: string, pos: number): never {
  const line = s.slice(0, pos).split('\n').length;
  const nl = s.lastIndexOf('\n', pos - 1);
  const col = nl < 0 ? pos + 1 : pos - nl;
  throw new PyJsonError(`${msg}: line ${line} column ${col} (char ${pos})`);
}

/** Raised where Python's scanner raises StopIteration (no value starts here). */
class NoValue {
  constructor(readonly at: number) {}
}

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.includes(s[i]!)) i++;
  return i;
}

function scanString(s: string, end: number): [string, number] {
  const begin = end - 1;
  let out = '';
  for (;;) {
    let j = end;
    while (j < s.length && s[j] !== '"' && s[j] !== '\\' && s.charCodeAt(j) >= 0x20) j++;
    if (j >= s.length) fail('Unterminated string starting at', s, begin);
    out += s.slice(end, j);
    const t = s[j]!;
    end = j + 1;
    if (t === '"') return [out, end];
    if (t !== '\\') fail('Invalid control character at', s, j);
    if (end >= s.length) fail('Unterminated string starting at', s, begin);
    const esc = s[end]!;
    if (esc !== 'u') {
      if (!Object.hasOwn(ESCAPES, esc)) fail('Invalid \\escape', s, end - 1);
      out += ESCAPES[esc];
      end++;
      continue;
    }
    const hex = s.slice(end + 1, end + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', s, end);
    let code = parseInt(hex, 16);
    end += 5;
    if (code >= 0xd800 && code <= 0xdbff && s.slice(end, end + 2) === '\\u') {
      const lo = s.slice(end + 2, end + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(lo)) fail('Invalid \\uXXXX escape', s, end + 1);
      const low = parseInt(lo, 16);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        end += 6;
      }
    }
    out += String.fromCodePoint(code);
  }
}

function scanObject(s: string, end: number): [Record<string, unknown>, number] {
  const obj: Record<string, unknown> = {};
  let c = s[end];
  if (c !== '"') {
    end = skipWs(s, end);
    c = s[end];
    if (c === '}') return [obj, end + 1];
    if (c !== '"') fail('Expecting property name enclosed in double quotes', s, end);
  }
  end++;
  for (;;) {
    const [key, afterKey] = scanString(s, end);
    end = afterKey;
    if (s[end] !== ':') {
      end = skipWs(s, end);
      if (s[end] !== ':') fail("Expecting ':' delimiter", s, end);
    }
    end = skipWs(s, end + 1);
    const [value, afterValue] = valueOrFail(s, end);
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    end = skipWs(s, afterValue);
    const next = s[end] ?? '';
    end++;
    if (next === '}') return [obj, end];
    if (next !== ',') fail("Expecting ',' delimiter", s, end - 1);
    end = skipWs(s, end);
    const q = s[end] ?? '';
    end++;
    if (q !== '"') fail('Expecting property name enclosed in double quotes', s, end - 1);
  }
}

function scanArray(s: string, end: number): [unknown[], number] {
  const arr: unknown[] = [];
  end = skipWs(s, end);
  if (s[end] === ']') return [arr, end + 1];
  for (;;) {
    const [value, after] = valueOrFail(s, end);
    arr.push(value);
    end = skipWs(s, after);
    const next = s[end] ?? '';
    end++;
    if (next === ']') return [arr, end];
    if (next !== ',') fail("Expecting ',' delimiter", s, end - 1);
    end = skipWs(s, end);
  }
}

function valueOrFail(s: string, i: number): [unknown, number] {
  const r = scanOnce(s, i);
  if (r instanceof NoValue) fail('Expecting value', s, r.at);
  return r;
}

function scanOnce(s: string, i: number): [unknown, number] | NoValue {
  const c = s[i];
  if (c === undefined) return new NoValue(i);
  if (c === '"') return scanString(s, i + 1);
  if (c === '{') return scanObject(s, i + 1);
  if (c === '[') return scanArray(s, i + 1);
  for (const [word, value] of LITERALS) if (s.startsWith(word, i)) return [value(), i + word.length];
  const m = NUMBER.exec(s.slice(i));
  if (!m) return new NoValue(i);
  const value = m[2] || m[3] ? new PyFloat(Number(m[0])) : Number(m[0]);
  return [value, i + m[0].length];
}

/** Python's json.loads(text); throws PyJsonError with Python's message. Floats come back as PyFloat. */
export function pyJsonLoads(text: string): unknown {
  const start = skipWs(text, 0);
  const [value, end] = valueOrFail(text, start);
  const rest = skipWs(text, end);
  if (rest !== text.length) fail('Extra data', text, rest);
  return value;
}

/** A value with its Python floats as plain numbers (what the engine takes). */
export function plain(v: unknown): unknown {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: plain(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}
