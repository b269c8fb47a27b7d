/**
 * The AWS CLI's shorthand syntax (`name=web,command=sleep,360,tags=[{key=a,value=b}]`), read exactly as the CLI
 * reads it: its grammar (csv values at the top level, explicit lists and hashes nested, quoted strings, escaped
 * commas, whitespace around `=` and `,`), its refusal of a repeated top-level key, and its error messages with
 * the caret under the place it stopped. The result is strings, lists and objects; the model gives them types later.
 */

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandError extends Error {}

const SINGLE_QUOTED = { name: 'singled quoted', re: /^'(?:\\\\|\\'|[^'])*'/u };
const DOUBLE_QUOTED = { name: 'double quoted', re: /^"(?:\\\\|\\"|[^"])*"/u };
const START_WORD = '\\u0021\\u0023-\\u0026\\u0028-\\u002b\\u002d-\\u003c\\u003e-\\u005a\\u005c-\\u007a\\u007c-\\uffff';
const FIRST_FOLLOW = '\\s\\u0021\\u0023-\\u0026\\u0028-\\u002b\\u002d-\\u005c\\u005e-\\u007c\\u007e-\\uffff';
const SECOND_FOLLOW = '\\s\\u0021\\u0023-\\u0026\\u0028-\\u002b\\u002d-\\u003c\\u003e-\\uffff';
const FIRST_VALUE = { name: 'first', re: new RegExp(`^((\\\\,)|[${START_WORD}])((\\\\,)|[${FIRST_FOLLOW}])*`, 'u') };
const SECOND_VALUE = { name: 'second', re: new RegExp(`^((\\\\,)|[${START_WORD}])((\\\\,)|[${SECOND_FOLLOW}])*`, 'u') };
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
/** Python's string.whitespace. */
const WHITESPACE = ' \t\n\r\u000b\u000c';

/** The input with a caret under `index`, as the CLI shows where it stopped. */
function location(value: string, index: number): string {
  let consumed = value;
  let remaining = '';
  let spaces = index;
  const before = value.slice(0, index);
  if (before.includes('\n')) spaces = index - before.lastIndexOf('\n') - 1;
  const after = value.slice(index);
  if (after.includes('\n')) {
    const next = index + after.indexOf('\n');
    consumed = value.slice(0, next);
    remaining = value.slice(next);
  }
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

class SyntaxErr extends ShorthandError {
  constructor(value: string, expected: string, actual: string, index: number) {
    super(`Expected: '${expected}', received: '${actual}' for input:\n${location(value, index)}`);
  }
}

const setKey = (o: { [key: string]: ShorthandValue }, k: string, v: ShorthandValue) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parameter(): { [key: string]: ShorthandValue } {
    const params: { [key: string]: ShorthandValue } = {};
    const [k, v] = this.keyval();
    setKey(params, k, v);
    let last = this.i;
    while (this.i < this.s.length) {
      this.expect(',', true);
      const [key, val] = this.keyval();
      if (Object.hasOwn(params, key)) {
        throw new ShorthandError(`Second instance of key "${key}" encountered for input:\n${location(this.s, last + 1)}\nThis is often because there is a preceding "," instead of a space.`);
      }
      setKey(params, key, val);
      last = this.i;
    }
    return params;
  }

  private keyval(): [string, ShorthandValue] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.i;
    while (!this.eof() && KEY_CHARS.test(this.current())) this.i++;
    return this.s.slice(start, this.i);
  }

  private values(): ShorthandValue {
    if (this.eof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.skipWhitespace();
    if (this.eof() || this.s[this.i] !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.skipWhitespace();
        if (this.eof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (e) {
        if (!(e instanceof SyntaxErr) || this.eof()) throw e;
        // The next key=value pair: back to the comma before it.
        while (this.i >= 0 && this.s[this.i] !== ',') this.i--;
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private value(): string {
    const m = FIRST_VALUE.re.exec(this.s.slice(this.i));
    if (!m) return '';
    this.i += m[0].length;
    return m[0].replace(/\\,/g, ',').trimEnd();
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.skipWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.skipWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): { [key: string]: ShorthandValue } {
    this.expect('{', true);
    const keyvals: { [key: string]: ShorthandValue } = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const v = this.explicitValues();
      this.skipWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.skipWhitespace();
      }
      setKey(keyvals, key, v);
    }
    this.expect('}');
    return keyvals;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.value();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.mustConsume(SECOND_VALUE).replace(/\\,/g, ',').trimEnd();
  }

  private quoted(rx: { name: string; re: RegExp }, escaped: string): string {
    return this.mustConsume(rx).slice(1, -1).split(`\\${escaped}`).join(escaped).split('\\\\').join('\\');
  }

  private mustConsume(rx: { name: string; re: RegExp }): string {
    const m = rx.re.exec(this.s.slice(this.i));
    if (!m) throw new SyntaxErr(this.s, `<${rx.name}>`, '<none>', this.i);
    this.i += m[0].length;
    return m[0];
  }

  private expect(ch: string, skip = false): void {
    if (skip) this.skipWhitespace();
    if (this.i >= this.s.length) throw new SyntaxErr(this.s, ch, 'EOF', this.i);
    const actual = this.s[this.i]!;
    if (actual !== ch) throw new SyntaxErr(this.s, ch, actual, this.i);
    this.i++;
    if (skip) this.skipWhitespace();
  }

  /** The character at the cursor; '' at the end (which no character equals). */
  private current(): string {
    return this.i < this.s.length ? this.s[this.i]! : '';
  }

  private eof(): boolean {
    return this.i >= this.s.length;
  }

  private skipWhitespace(): void {
    while (!this.eof() && WHITESPACE.includes(this.current())) this.i++;
  }
}

/** Reads a shorthand value; throws ShorthandError with the CLI's message. */
export function parseShorthand(text: string): { [key: string]: ShorthandValue } {
  return new Parser(text).parameter();
}
