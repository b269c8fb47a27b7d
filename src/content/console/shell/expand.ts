import type { Part, Script, Word } from './syntax';

/**
 * A word's expansions in bash's order: braces (`{a,b}`, `{1..3}`, unquoted only), then parameters (`$VAR`,
 * `${VAR:-default}`, `$?`) and command substitutions (`$(…)`), then splitting of unquoted results on blanks,
 * then quote removal. The result is the command's arguments.
 */

export interface Expander {
  /** a variable's value; undefined when it is not set */
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** runs a substitution's script and gives what it printed (its trailing newlines dropped by the caller) */
  substitute(script: Script, source: string): string;
}

export class ExpansionError extends Error {}

type Token = { c: string } | { p: Part };

const toTokens = (w: Word): Token[] => w.flatMap((p): Token[] => (p.t === 'lit' ? [...p.v].map((c) => ({ c })) : [{ p }]));

function toWord(tokens: Token[]): Word {
  const out: Part[] = [];
  for (const t of tokens) {
    if ('c' in t) {
      const last = out.at(-1);
      if (last?.t === 'lit') last.v += t.c;
      else out.push({ t: 'lit', v: t.c });
    } else out.push(t.p);
  }
  return out;
}

const ch = (t: Token | undefined) => (t && 'c' in t ? t.c : undefined);

/** `{1..5}`, `{a..e}`, `{10..0..2}` as bash expands them; undefined when the text is no sequence. */
function sequence(text: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1]!) && /\d/.test(m[2]!);
  if (!numeric && (/\d/.test(m[1]!) || /\d/.test(m[2]!))) return undefined;
  const a = numeric ? Number(m[1]) : m[1]!.charCodeAt(0);
  const b = numeric ? Number(m[2]) : m[2]!.charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(m[3] ?? 1)));
  if (Math.abs(b - a) / step > 10_000) throw new ExpansionError('brace expansion: the sequence is too long for the console');
  const out: string[] = [];
  for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) out.push(numeric ? String(x) : String.fromCharCode(x));
  return out;
}

/** The first brace group of the tokens: its start, end and alternatives; undefined when there is none. */
function braceGroup(tokens: Token[]): { start: number; end: number; alts: Token[][] } | undefined {
  for (let start = 0; start < tokens.length; start++) {
    if (ch(tokens[start]) !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = start; j < tokens.length; j++) {
      const c = ch(tokens[j]);
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          const inner = tokens.slice(start + 1, j);
          if (commas.length) {
            const cuts = [start, ...commas, j];
            return { start, end: j, alts: cuts.slice(0, -1).map((c0, k) => tokens.slice(c0 + 1, cuts[k + 1])) };
          }
          const seq = inner.every((t) => 'c' in t) ? sequence(inner.map((t) => ch(t)).join('')) : undefined;
          if (seq) return { start, end: j, alts: seq.map((s) => [...s].map((c1) => ({ c: c1 }))) };
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(j);
    }
  }
  return undefined;
}

/** Bash's brace expansion of one word into one or more words; more than `limit` words are refused. */
export function braceExpand(w: Word, limit = 10_000): Word[] {
  const out: Word[] = [];
  const go = (tokens: Token[]) => {
    const g = braceGroup(tokens);
    if (!g) {
      if (out.length >= limit) throw new ExpansionError('brace expansion: too many words for the console');
      out.push(toWord(tokens));
      return;
    }
    for (const alt of g.alts) go([...tokens.slice(0, g.start), ...alt, ...tokens.slice(g.end + 1)]);
  };
  go(toTokens(w));
  return out;
}

function variable(p: Extract<Part, { t: 'var' }>, x: Expander): string {
  const v = x.get(p.name);
  if (p.op === '#') return String([...(v ?? '')].length);
  if (!p.op) return v ?? '';
  const arg = () => joined(p.arg ?? [], x);
  const unset = p.op.startsWith(':') ? v === undefined || v === '' : v === undefined;
  switch (p.op.replace(':', '')) {
    case '-':
      return unset ? arg() : v!;
    case '=': {
      if (!unset) return v!;
      const d = arg();
      x.set(p.name, d);
      return d;
    }
    case '+':
      return unset ? '' : arg();
    default:
      if (unset) throw new ExpansionError(`${p.name}: ${arg() || 'parameter null or not set'}`);
      return v!;
  }
}

const dropTrailingNewlines = (s: string) => s.replace(/\n+$/, '');

/** A part's text without splitting (inside double quotes, or the arg of ${VAR:-…}). */
function partText(p: Part, x: Expander): string {
  switch (p.t) {
    case 'lit':
    case 'q':
      return p.v;
    case 'dq':
      return p.parts.map((q) => partText(q, x)).join('');
    case 'var':
      return variable(p, x);
    default:
      return dropTrailingNewlines(x.substitute(p.script, p.source));
  }
}

const joined = (w: Word, x: Expander) => w.map((p) => partText(p, x)).join('');

/** One brace-expanded word as its fields: expansions, splitting of unquoted results, quotes removed. */
function fields(w: Word, x: Expander): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (const p of w) {
    if (p.t === 'lit' || p.t === 'q' || p.t === 'dq') {
      cur += partText(p, x);
      has = true;
      continue;
    }
    const value = partText(p, x);
    if (value === '') continue;
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0 && has) {
        out.push(cur);
        cur = '';
        has = false;
      }
      if (piece !== '') {
        cur += piece;
        has = true;
      }
    });
  }
  if (has) out.push(cur);
  return out;
}

/** A command's words as its arguments. */
export function expandWords(words: Word[], x: Expander): string[] {
  return words.flatMap((w) => braceExpand(w).flatMap((b) => fields(b, x)));
}

/** An assignment's value (no brace expansion and no splitting, as bash does for VAR=…). */
export function expandValue(w: Word, x: Expander): string {
  return joined(w, x);
}
