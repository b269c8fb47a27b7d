/**
 * The few behaviours of Python the AWS CLI shows its users: int() and float() of a string (and their error
 * messages), repr() of a string, and how a float and other values print (str()).
 */

/** A Python float in the console's data: a number the CLI prints with a decimal point (0.0, 50.0, 1e-05). */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** Python's repr() of a string: single quotes unless it holds one and no double quote; escapes as Python. */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\x${c.toString(16)}`;
    else out += ch;
  }
  return out + quote;
}

const PY_SPACE = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g;
const INT_TEXT = /^[+-]?\d+(_\d+)*$/;
const FLOAT_TEXT = /^[+-]?(((\d+(_\d+)*)(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+(_\d+)*)?|inf|infinity|nan)$/i;

/** Python's int(text) for base 10; undefined where Python raises ValueError. */
export function pyInt(text: string): number | undefined {
  // Python reads any Unicode decimal digits (１２ is 12); NFKC makes the full-width ones ASCII.
  const t = text.replace(PY_SPACE, '').normalize('NFKC');
  return INT_TEXT.test(t) ? Number(t.replace(/_/g, '')) : undefined;
}

/** Python's float(text); undefined where Python raises ValueError. */
export function pyFloat(text: string): number | undefined {
  const t = text.replace(PY_SPACE, '').normalize('NFKC');
  if (!FLOAT_TEXT.test(t)) return undefined;
  const bare = t
    .replace(/_/g, '')
    .toLowerCase()
    .replace(/^([+-]?)inf(inity)?$/, '$1Infinity');
  return /nan$/.test(bare) ? NaN : Number(bare);
}

export const intError = (text: string) => `invalid literal for int() with base 10: ${reprStr(text)}`;
export const floatError = (text: string) => `could not convert string to float: ${reprStr(text)}`;

/** Python's repr() of a float: the shortest digits that round-trip, in exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  const e = Number(exp);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${whole}.${frac || '0'}`;
}

/** How Python's str() prints a value of a response (the CLI's text and table output). */
export function pyStr(v: unknown): string {
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : floatRepr(v);
  if (typeof v === 'string') return v;
  return pyReprValue(v);
}

/** Python's repr() of a JSON-like value: {'a': 1, 'b': [True, None]}. */
export function pyReprValue(v: unknown): string {
  if (typeof v === 'string') return reprStr(v);
  if (Array.isArray(v)) return `[${v.map(pyReprValue).join(', ')}]`;
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${reprStr(k)}: ${pyReprValue(x)}`)
      .join(', ')}}`;
  return pyStr(v);
}
