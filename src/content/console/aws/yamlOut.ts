import type { Floats } from './shapeOutput';
import { pyJsonDumps } from './format';
import { floatRepr } from './python';

/**
 * The AWS CLI's yaml format (ruamel.yaml's safe dumper, block style): keys sorted, sequences at their key's
 * indentation, strings plain unless YAML 1.2 would read them as something else or they hold indicators, then
 * single-quoted, long scalars folded at a space past column 80; a response that is a scalar prints as JSON.
 */

const BEST_WIDTH = 80;
const RESOLVES = [
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?|[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])$/,
  /^(?:=)$/,
];

/** What ruamel's analyze_scalar decides: whether the string may be plain, single-quoted, or must be double-quoted. */
function analyse(s: string): { plain: boolean; single: boolean; multiline: boolean } {
  if (s === '') return { plain: false, single: true, multiline: false };
  let block = false;
  let breaks = false;
  let special = false;
  if (s.startsWith('---') || s.startsWith('...')) block = true;
  const chars = [...s];
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const followedBySpace = next === undefined || ' \t\n\r\u0085\u2028\u2029'.includes(next);
    const precededBySpace = i === 0 || ' \t\n\r\u0085\u2028\u2029'.includes(chars[i - 1]!);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) block = true;
      if ('?:'.includes(ch) && followedBySpace) block = true;
      if (ch === '-' && followedBySpace) block = true;
    } else {
      if (ch === ':' && followedBySpace) block = true;
      if (ch === '#' && precededBySpace) block = true;
    }
    if ('\n\u0085\u2028\u2029'.includes(ch)) breaks = true;
    const c = ch.codePointAt(0)!;
    if (!(ch === '\n' || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff))) special = true;
  });
  // ruamel's breaks are \n, \x85, \u2028 and \u2029.
  const edgeSpace = /^[ \n\u0085\u2028\u2029]|[ \n\u0085\u2028\u2029]$/.test(s);
  const breakSpace = /[\n\u0085\u2028\u2029] | [\n\u0085\u2028\u2029]/.test(s);
  let plain = !edgeSpace && !breakSpace && !special && !breaks && !block;
  if (RESOLVES.some((r) => r.test(s))) plain = false;
  return { plain, single: !special && !breakSpace, multiline: breaks };
}

/** A scalar as ruamel writes it from `column` on: plain or single-quoted, folded at a single space past column 80. */
function folded(text: string, column: number, indent: number, quoted: boolean, split: boolean): string {
  let out = quoted ? "'" : '';
  let col = column + out.length;
  const pad = ' '.repeat(indent);
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ') {
      let j = i;
      while (text[j] === ' ') j++;
      if (j - i === 1 && col > BEST_WIDTH && split && i > 0 && j < text.length) {
        out += `\n${pad}`;
        col = indent;
      } else {
        out += text.slice(i, j);
        col += j - i;
      }
      i = j;
    } else if (ch === '\n') {
      let j = i;
      while (text[j] === '\n') j++;
      out += '\n'.repeat(j - i + 1) + pad;
      col = indent;
      i = j;
    } else {
      const piece = quoted && ch === "'" ? "''" : ch;
      out += piece;
      col += piece.length;
      i++;
    }
  }
  return quoted ? `${out}'` : out;
}

/** ruamel's escapes in a double-quoted scalar (its ESCAPE_REPLACEMENTS). */
const ESCAPES: Record<string, string> = { '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\x85': 'N', '\u2028': 'L', '\u2029': 'P' };

/** ruamel's write_double_quoted: printable characters as they are (Unicode too), the others escaped (\x01, \uFEFF, \U0001F600). */
function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const printable = (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
    if (printable && !'"\\\u2028\u2029\ufeff'.includes(ch)) out += ch;
    else if (Object.hasOwn(ESCAPES, ch)) out += `\\${ESCAPES[ch]!}`;
    else {
      const hex = c.toString(16).toUpperCase();
      out += c <= 0xff ? `\\x${hex.padStart(2, '0')}` : c <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/** A string scalar at `column` (where its first character goes), continuing at `indent`. */
function stringScalar(text: string, column: number, indent: number, simpleKey: boolean): string {
  const a = analyse(text);
  if (a.plain && !(simpleKey && a.multiline)) return folded(text, column, indent, false, !simpleKey);
  if (a.single && !(simpleKey && a.multiline)) return folded(text, column, indent, true, !simpleKey);
  return doubleQuoted(text);
}

const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && Object.keys(v).length === 0);

function scalarText(v: unknown, float: boolean): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return float || !Number.isInteger(v) ? floatRepr(v).toLowerCase() : String(v);
  }
  return undefined;
}

class Emitter {
  constructor(private readonly floats: Floats | undefined) {}

  private isFloat(parent: object, key: string | number): boolean {
    return !!this.floats && (Array.isArray(parent) ? this.floats.lists.has(parent) : this.floats.members.get(parent)?.has(String(key)) === true);
  }

  /** A scalar or empty collection after `prefix` (which ends where the value's space goes). */
  private inline(prefix: string, v: unknown, indent: number, parent: object, key: string | number): string {
    if (isEmpty(v)) return `${prefix} ${Array.isArray(v) ? '[]' : '{}'}`;
    const text = scalarText(v, this.isFloat(parent, key));
    return `${prefix} ${text ?? stringScalar(String(v), prefix.length + 1, indent, false)}`;
  }

  mapping(v: Record<string, unknown>, indent: number): string[] {
    const lines: string[] = [];
    const pad = ' '.repeat(indent);
    for (const k of Object.keys(v).sort()) {
      const prefix = `${pad}${stringScalar(k, indent, indent, true)}:`;
      const x = v[k];
      if (Array.isArray(x) && x.length) lines.push(prefix, ...this.sequence(x, indent));
      else if (x && typeof x === 'object' && !isEmpty(x)) lines.push(prefix, ...this.mapping(x as Record<string, unknown>, indent + 2));
      else lines.push(this.inline(prefix, x, indent + 2, v, k));
    }
    return lines;
  }

  sequence(v: unknown[], indent: number): string[] {
    const lines: string[] = [];
    const dash = `${' '.repeat(indent)}-`;
    v.forEach((x, i) => {
      if (Array.isArray(x) && x.length) {
        const inner = this.sequence(x, indent + 2);
        lines.push(`${dash} ${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else if (x && typeof x === 'object' && !isEmpty(x)) {
        const inner = this.mapping(x as Record<string, unknown>, indent + 2);
        lines.push(`${dash} ${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else lines.push(this.inline(dash, x, indent + 2, v, i));
    });
    return lines;
  }
}

/** The CLI's yaml output of a response. */
export function yamlText(v: unknown, floats?: Floats, rootFloat = false): string {
  if (v === null || typeof v !== 'object') return pyJsonDumps(v, floats, rootFloat);
  if (isEmpty(v)) return Array.isArray(v) ? '[]' : '{}';
  const e = new Emitter(floats);
  return (Array.isArray(v) ? e.sequence(v, 0) : e.mapping(v as Record<string, unknown>, 0)).join('\n');
}
