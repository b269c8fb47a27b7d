import type { Floats } from './shapeOutput';
import { floatRepr, pyStr } from './python';

/** The AWS CLI's table format (its table.py and TableFormatter), for a terminal 80 columns wide. */

const TERMINAL_WIDTH = 80;

/** Columns a character takes in a terminal: two for wide East Asian characters. */
function textLength(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

/** Python's round() of a float: halves to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indent = 0;
  private maxWidths: number[] = [];
  private cols: number | undefined;

  addHeader(headers: string[]): void {
    this.update(headers);
    this.cols ??= headers.length;
    this.headers = headers;
  }

  addRow(row: string[]): void {
    this.cols ??= row.length;
    if (row.length !== this.cols) throw new Error(`Row should have ${this.cols} elements, instead it has ${row.length}`);
    this.rows.push(row);
    this.update(row);
  }

  private update(row: string[]): void {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else row.forEach((el, i) => (this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0)));
  }

  widths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (off !== 0) {
      const order = scaled.map((_, i) => i);
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) {
          scaled[i]!--;
          off--;
        } else {
          scaled[i]!++;
          off++;
        }
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(): number {
    const total = this.widths(0).reduce((a, w) => a + w + 4, 0) + 2 + this.indent * 2;
    return Math.max(textLength(this.title) + 2 + this.indent * 2, total);
  }
}

function centerText(text: string, length: number, left: string, right: string): string {
  const n = textLength(text);
  const start = Math.floor(length / 2) - Math.floor(n / 2) - 1;
  const sofar = left.length + Math.max(0, start) + n;
  return `${left}${' '.repeat(Math.max(0, start))}${text}${' '.repeat(Math.max(0, length - right.length - sofar))}${right}`;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const n = textLength(text);
  const padding = length - (n + 2 + left.length + right.length) >= 0 ? 2 : 0;
  return `${left}${' '.repeat(padding)}${text}${' '.repeat(Math.max(0, length - left.length - padding - n - right.length))}${right}`;
}

class MultiTable {
  sections: Section[] = [];
  private current: Section | undefined;

  newSection(title: string, indent: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indent = indent;
    this.sections.push(this.current);
  }
  header(h: string[]): void {
    this.current!.addHeader(h);
  }
  row(r: string[]): void {
    this.current!.addRow(r);
  }

  render(): string {
    let width = Math.max(...this.sections.map((s) => s.totalWidth()));
    if (width > TERMINAL_WIDTH) {
      this.sections = this.sections.map((s) => {
        if (s.rows.length !== 1 || s.headers.length === 0) return s;
        const v = new Section();
        v.title = s.title;
        v.indent = s.indent;
        s.headers.forEach((h, i) => v.addRow([h, s.rows[0]![i]!]));
        return v;
      });
      width = Math.max(...this.sections.map((s) => s.totalWidth()));
    }
    const out: string[] = ['-'.repeat(width)];
    for (const s of this.sections) out.push(...renderSection(s, width));
    return out.join('\n');
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

function renderSection(s: Section, total: number): string[] {
  const bars = '|'.repeat(s.indent);
  const width = total - s.indent * 2;
  const lines: string[] = [];
  if (s.title) {
    lines.push(centerText(s.title, width, '|', '|'));
    if (s.headers.length === 0 && s.rows.length === 0) lines.push(`+${'-'.repeat(width - 2)}+`);
  }
  if (s.headers.length) {
    const widths = s.widths(4, width);
    lines.push(lineBreak(widths), widths.map((w, i) => centerText(s.headers[i]!, w, i === 0 ? '|' : '', '|')).join(''));
  }
  const widths = s.rows.length ? s.widths(4, width) : [];
  if (widths.length) {
    lines.push(lineBreak(widths));
    for (const row of s.rows) lines.push(widths.map((w, i) => alignLeft(row[i]!, w, i === 0 ? '|' : '', '|')).join(''));
    lines.push(lineBreak(widths));
  }
  return lines.map((l) => `${bars}${l}${bars}`);
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

class TableBuilder {
  readonly table = new MultiTable();
  constructor(private readonly floats: Floats | undefined) {}

  private cell(v: unknown, parent: object, key: string | number): string {
    if (typeof v === 'number' && this.floats && (Array.isArray(parent) ? this.floats.lists.has(parent) : this.floats.members.get(parent)?.has(String(key)))) return floatRepr(v);
    return pyStr(v);
  }

  build(title: string | undefined, current: unknown, indent = 0): boolean {
    if (!current || (Array.isArray(current) && current.length === 0) || (typeof current === 'object' && !Array.isArray(current) && Object.keys(current).length === 0)) return false;
    if (title !== undefined) this.table.newSection(title, indent);
    if (Array.isArray(current)) {
      if (current[0] && typeof current[0] === 'object' && !Array.isArray(current[0])) this.fromList(current as Record<string, unknown>[], indent, title);
      else {
        current.forEach((item, i) => {
          if (isScalar(item)) this.table.row([this.cell(item, current, i)]);
          else if (Array.isArray(item) && item.every(isScalar)) this.table.row(item.map((x, j) => this.cell(x, item, j)));
          else this.build(undefined, item);
        });
      }
    } else if (typeof current === 'object') this.fromDict(current as Record<string, unknown>, indent);
    return true;
  }

  private fromDict(current: Record<string, unknown>, indent: number): void {
    const keys = Object.keys(current);
    const headers = keys.filter((k) => isScalar(current[k])).sort();
    const more = keys.filter((k) => !isScalar(current[k])).sort();
    if (headers.length === 1) this.table.row([headers[0]!, this.cell(current[headers[0]!], current, headers[0]!)]);
    else if (headers.length) {
      this.table.header(headers);
      this.table.row(headers.map((h) => this.cell(current[h], current, h)));
    }
    for (const k of more) this.build(k, current[k], indent + 1);
  }

  private fromList(current: Record<string, unknown>[], indent: number, title: string | undefined): void {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of current) for (const [k, v] of Object.entries(item)) (isScalar(v) ? headerSet : moreSet).add(k);
    const headers = [...headerSet].sort();
    const more = [...moreSet].sort();
    this.table.header(headers);
    current.forEach((element, i) => {
      if (i > 0 && more.length) {
        this.table.newSection(title ?? '', indent);
        this.table.header(headers);
      }
      this.table.row(headers.map((h) => (Object.hasOwn(element, h) ? this.cell(element[h], element, h) : '')));
      for (const k of more) if (Object.hasOwn(element, k)) this.build(k, element[k], indent + 1);
    });
  }
}

/** The CLI's table of a response titled by the operation's name; '' when there is nothing to show. */
export function tableText(operation: string, v: unknown, floats?: Floats): string {
  const b = new TableBuilder(floats);
  return b.build(operation, v) ? b.table.render() : '';
}
