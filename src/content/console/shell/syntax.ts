/**
 * A console line read as bash reads it, for the part of bash tutorials use: words with single and double quotes
 * and backslashes, `$VAR`, `${VAR}`, `${VAR:-default}`, `$(…)` and backticks, `#` comments, `\` line
 * continuations and several lines pasted at once, `;`, `&&`, `||`, `|`, and `>`, `>>`, `2>`, `2>&1`
 * redirections. The result is plain data (a line's later steps keep the rest of it between simulated times).
 */

export type Part =
  | { t: 'lit'; v: string }
  /** text that was quoted (single quotes, or a backslash-escaped character): no expansion, no splitting */
  | { t: 'q'; v: string }
  | { t: 'dq'; parts: Part[] }
  | { t: 'var'; name: string; op?: string; arg?: Part[] }
  | { t: 'sub'; script: Script; source: string };

export type Word = Part[];

export interface Redirect {
  fd: 1 | 2;
  /** `>`, `>>`, or `>&` (to another descriptor: 2>&1) */
  op: '>' | '>>' | '>&';
  target: Word;
}

export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
  negate: boolean;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type Script = AndOr[];

export class ShellSyntaxError extends Error {}

const OPERATOR_CHARS = ';&|<>()';
const SPACE = ' \t';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  peek(n = 0): string {
    return this.s[this.i + n] ?? '';
  }

  /** Skips spaces, tabs, `\`-newline continuations and a comment (not the newline that ends it). */
  skipBlanks(): void {
    for (;;) {
      if (SPACE.includes(this.peek()) && this.peek() !== '') this.i++;
      else if (this.peek() === '\\' && this.peek(1) === '\n') this.i += 2;
      else if (this.peek() === '#') {
        while (this.i < this.s.length && this.peek() !== '\n') this.i++;
      } else return;
    }
  }

  /** Reads `$…` at the cursor (the `$` is next): a variable, `${…}`, `$(…)`; a lone `$` is text. */
  dollar(): Part {
    this.i++;
    const c = this.peek();
    if (c === '(') {
      if (this.peek(1) === '(') throw new ShellSyntaxError('arithmetic expansion $((…)) is not supported in the console');
      this.i++;
      return this.substitution(')');
    }
    if (c === '{') return this.braced();
    // One character: `$12` is `$1` then `2`, as in bash.
    if ('?$#!0123456789'.includes(c) && c !== '') {
      this.i++;
      return { t: 'var', name: c };
    }
    const m = NAME.exec(this.s.slice(this.i));
    if (!m) return { t: 'lit', v: '$' };
    this.i += m[0].length;
    return { t: 'var', name: m[0] };
  }

  private braced(): Part {
    this.i++;
    const length = this.peek() === '#';
    if (length) this.i++;
    const m = NAME.exec(this.s.slice(this.i)) ?? /^(?:[0-9]+|[?$#!])/.exec(this.s.slice(this.i));
    if (!m) throw new ShellSyntaxError('${…}: bad substitution');
    this.i += m[0].length;
    if (length) {
      if (this.peek() !== '}') throw new ShellSyntaxError('${…}: bad substitution');
      this.i++;
      return { t: 'var', name: m[0], op: '#' };
    }
    if (this.peek() === '}') {
      this.i++;
      return { t: 'var', name: m[0] };
    }
    const op = /^(:-|:=|:\+|:\?|-|=|\+|\?)/.exec(this.s.slice(this.i));
    if (!op) throw new ShellSyntaxError('${…}: bad substitution');
    this.i += op[0].length;
    const arg = this.wordUntil('}');
    if (this.peek() !== '}') throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
    this.i++;
    return { t: 'var', name: m[0], op: op[0], arg };
  }

  /** `$(…)` or a backtick substitution: the inner script, parsed. */
  substitution(close: string): Part {
    const start = this.i;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.peek();
      if (c === '\\') this.i += 2;
      else if (c === "'" && close === ')') {
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        this.i = end + 1;
      } else if (c === '"' && close === ')') this.doubleQuoted();
      else if (c === '(' && close === ')') {
        depth++;
        this.i++;
      } else if (c === close && depth === 0) {
        const source = this.s.slice(start, this.i);
        this.i++;
        return { t: 'sub', script: parseScript(source), source };
      } else {
        if (c === ')') depth--;
        this.i++;
      }
    }
    throw new ShellSyntaxError(`unexpected EOF while looking for matching \`${close}'`);
  }

  doubleQuoted(): Part {
    this.i++;
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'q', v: lit });
      lit = '';
    };
    while (this.i < this.s.length && this.peek() !== '"') {
      const c = this.peek();
      if (c === '\\' && '$`"\\\n'.includes(this.peek(1)) && this.peek(1) !== '') {
        if (this.peek(1) !== '\n') lit += this.peek(1);
        this.i += 2;
      } else if (c === '$') {
        flush();
        const p = this.dollar();
        parts.push(p.t === 'lit' ? { t: 'q', v: p.v } : p);
      } else if (c === '`') {
        flush();
        this.i++;
        parts.push(this.substitution('`'));
      } else {
        lit += c;
        this.i++;
      }
    }
    if (this.peek() !== '"') throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
    this.i++;
    flush();
    return { t: 'dq', parts };
  }

  /** A word up to a blank, an operator or `stop` (for ${VAR:-…}). */
  wordUntil(stop = ''): Word {
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    while (this.i < this.s.length) {
      const c = this.peek();
      if (stop ? c === stop : SPACE.includes(c) || c === '\n' || OPERATOR_CHARS.includes(c)) break;
      if (c === '\\') {
        if (this.peek(1) === '\n') this.i += 2;
        else {
          flush();
          parts.push({ t: 'q', v: this.peek(1) });
          this.i += 2;
        }
      } else if (c === "'") {
        flush();
        const end = this.s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        parts.push({ t: 'q', v: this.s.slice(this.i + 1, end) });
        this.i = end + 1;
      } else if (c === '"') {
        flush();
        parts.push(this.doubleQuoted());
      } else if (c === '$') {
        flush();
        const p = this.dollar();
        if (p.t === 'lit') lit += p.v;
        else parts.push(p);
      } else if (c === '`') {
        flush();
        this.i++;
        parts.push(this.substitution('`'));
      } else {
        lit += c;
        this.i++;
      }
    }
    flush();
    return parts;
  }
}

const literal = (w: Word) => (w.length === 1 && w[0]!.t === 'lit' ? w[0]!.v : undefined);

function redirect(r: Reader, fd: 1 | 2): Redirect {
  let op: Redirect['op'] = '>';
  r.i++;
  if (r.peek() === '>') {
    op = '>>';
    r.i++;
  } else if (r.peek() === '&') {
    op = '>&';
    r.i++;
  }
  r.skipBlanks();
  const target = r.wordUntil();
  if (target.length === 0) throw new ShellSyntaxError("syntax error near unexpected token `newline'");
  return { fd, op, target };
}

function simpleCommand(r: Reader): SimpleCommand {
  const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
  for (;;) {
    r.skipBlanks();
    const c = r.peek();
    if (c === '' || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')' || c === '(') break;
    if (c === '<') throw new ShellSyntaxError('input redirection (<) is not supported in the console');
    if (c === '>' || ((c === '1' || c === '2') && r.peek(1) === '>')) {
      const fd = c === '2' ? 2 : 1;
      if (c !== '>') r.i++;
      cmd.redirects.push(redirect(r, fd));
      continue;
    }
    const w = r.wordUntil();
    const lit = w[0]?.t === 'lit' ? w[0].v : '';
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(lit);
    if (m && cmd.words.length === 0) cmd.assigns.push({ name: m[1]!, value: [{ t: 'lit' as const, v: lit.slice(m[0].length) }, ...w.slice(1)].filter((p) => p.t !== 'lit' || p.v !== '') as Word });
    else cmd.words.push(w);
  }
  return cmd;
}

function pipeline(r: Reader): Pipeline {
  r.skipBlanks();
  let negate = false;
  if (r.peek() === '!' && SPACE.includes(r.peek(1)) && r.peek(1) !== '') {
    negate = true;
    r.i++;
  }
  const commands = [command(r)];
  for (;;) {
    r.skipBlanks();
    if (r.peek() !== '|' || r.peek(1) === '|') break;
    r.i++;
    skipNewlines(r);
    commands.push(command(r));
  }
  return { commands, negate };
}

/** A simple command where one must be; when there is none, bash names the token it found instead. */
function command(r: Reader): SimpleCommand {
  const c = simpleCommand(r);
  if (c.words.length === 0 && c.assigns.length === 0 && c.redirects.length === 0) throw unexpected(r);
  return c;
}

/** Bash's error for the operator at the cursor (`;;`, `&&`, `||` or one character), or for the end of the line. */
function unexpected(r: Reader): ShellSyntaxError {
  const token = /^(?:;;|&&|\|\||[;&|()])/.exec(r.s.slice(r.i))?.[0] ?? 'newline';
  return new ShellSyntaxError(`syntax error near unexpected token \`${token}'`);
}

function skipNewlines(r: Reader): void {
  for (;;) {
    r.skipBlanks();
    if (r.peek() === '\n') r.i++;
    else return;
  }
}

/** Reads a whole line (or pasted lines); throws ShellSyntaxError with bash's words. */
export function parseScript(source: string): Script {
  const r = new Reader(source.replace(/\r\n?/g, '\n'));
  const script: Script = [];
  for (;;) {
    skipNewlines(r);
    if (r.i >= r.s.length) return script;
    const c = r.peek();
    if (c === ';' || c === '&' || c === '|' || c === ')') throw unexpected(r);
    if (c === '(') throw new ShellSyntaxError('subshells ( … ) are not supported in the console');
    const list: AndOr = { first: pipeline(r), rest: [] };
    for (;;) {
      r.skipBlanks();
      const op = r.s.slice(r.i, r.i + 2);
      if (op !== '&&' && op !== '||') break;
      r.i += 2;
      skipNewlines(r);
      list.rest.push({ op, pipeline: pipeline(r) });
    }
    script.push(list);
    r.skipBlanks();
    const end = r.peek();
    if ((end === ';' && r.peek(1) !== ';') || end === '\n') r.i++;
    else if (end === '&') throw new ShellSyntaxError('background jobs (&) are not supported in the console');
    else if (end !== '') throw unexpected(r);
  }
}

export { literal };
