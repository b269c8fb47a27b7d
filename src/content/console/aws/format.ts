import type { Floats } from './shapeOutput';
import { floatRepr, pyStr } from './python';

/**
 * The AWS CLI's output formats for a response: json (Python's json.dumps with a 4-space indent), text (its
 * tab-separated lines, keys sorted, list members' scalars under their upper-cased name) and table (its boxes:
 * a titled section per structure, headers for lists of structures, rows of key and value when a table is wider
 * than the 80 columns of a terminal the CLI does not own).
 */

const isFloat = (floats: Floats | undefined, parent: object | undefined, key: string | number) => !!floats && !!parent && (Array.isArray(parent) ? floats.lists.has(parent) : floats.members.get(parent)?.has(String(key)) === true);

/** A scalar as Python prints it in the text and table formats (True, None, 0.0). */
function cell(v: unknown, floats: Floats | undefined, parent: object | undefined, key: string | number): string {
  if (typeof v === 'number' && isFloat(floats, parent, key)) return floatRepr(v);
  return pyStr(v);
}

// -- json -----------------------------------------------------------------------------------------------------

function jsonString(s: string): string {
  return JSON.stringify(s);
}

function jsonNumber(v: number, float: boolean): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (float) return floatRepr(v);
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : floatRepr(v);
}

function dumps(v: unknown, floats: Floats | undefined, indent: string, float: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return jsonNumber(v, float);
  if (typeof v === 'string') return jsonString(v);
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x, i) => inner + dumps(x, floats, inner, isFloat(floats, v, i))).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${jsonString(k)}: ${dumps(x, floats, inner, isFloat(floats, v as object, k))}`).join(',\n')}\n${indent}}`;
}

/** Python's json.dumps(value, indent=4, ensure_ascii=False). */
export function pyJsonDumps(v: unknown, floats?: Floats, rootFloat = false): string {
  return dumps(v, floats, '', rootFloat);
}

// -- text -----------------------------------------------------------------------------------------------------

const isScalar = (v: unknown) => v === null || typeof v !== 'object';
const sortedKeys = (o: Record<string, unknown>) => Object.keys(o).sort();

class TextWriter {
  readonly lines: string[] = [];
  constructor(private readonly floats: Floats | undefined) {}

  item(v: unknown, identifier?: string, scalarKeys?: string[], parent?: object, key?: string | number, rootFloat = false): void {
    if (Array.isArray(v)) this.list(v, identifier);
    else if (v && typeof v === 'object') this.dict(v as Record<string, unknown>, identifier, scalarKeys);
    else this.lines.push(rootFloat && typeof v === 'number' ? floatRepr(v) : cell(v, this.floats, parent, key ?? ''));
  }

  private list(v: unknown[], identifier?: string): void {
    if (v.length === 0) return;
    if (v.some((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      const keys = new Set<string>();
      for (const x of v) if (x && typeof x === 'object' && !Array.isArray(x)) for (const [k, y] of Object.entries(x)) if (isScalar(y)) keys.add(k);
      const all = [...keys].sort();
      v.forEach((x, i) => this.item(x, identifier, all, v, i));
    } else if (v.some(Array.isArray)) {
      const scalars = v.filter(isScalar);
      if (scalars.length) this.scalars(scalars, identifier, v);
      for (const x of v.filter((y) => !isScalar(y))) this.item(x, identifier);
    } else this.scalars(v, identifier, v);
  }

  private scalars(v: unknown[], identifier: string | undefined, parent: unknown[]): void {
    const texts = v.map((x) => cell(x, this.floats, parent, 0));
    if (identifier !== undefined) for (const t of texts) this.lines.push(`${identifier.toUpperCase()}\t${t}`);
    else this.lines.push(texts.join('\t'));
  }

  private dict(v: Record<string, unknown>, identifier?: string, scalarKeys?: string[]): void {
    const scalars: string[] = [];
    const rest: [string, unknown][] = [];
    if (scalarKeys === undefined) {
      for (const k of sortedKeys(v)) {
        if (isScalar(v[k])) scalars.push(cell(v[k], this.floats, v, k));
        else rest.push([k, v[k]]);
      }
    } else {
      for (const k of scalarKeys) scalars.push(Object.hasOwn(v, k) ? cell(v[k], this.floats, v, k) : '');
      for (const k of sortedKeys(v).filter((x) => !scalarKeys.includes(x))) rest.push([k, v[k]]);
    }
    if (scalars.length) this.lines.push([...(identifier !== undefined ? [identifier.toUpperCase()] : []), ...scalars].join('\t'));
    for (const [k, x] of rest) this.item(x, k, undefined, v, k);
  }
}

/** The CLI's text format: each line as it writes it (the caller joins them). */
export function textLines(v: unknown, floats?: Floats, rootFloat = false): string[] {
  const w = new TextWriter(floats);
  w.item(v, undefined, undefined, undefined, undefined, rootFloat);
  return w.lines;
}

export { tableText } from './table';
