/**
 * The cluster query language (ecs-spec §1.7): `subject operator [argument]` expressions joined with
 * and/or/not and parentheses, used by memberOf constraints and ListContainerInstances filters.
 * Precedence where AWS is silent [SIM]: not > and > or.
 */

export class ClqError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ClqError';
  }
}

export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'exists' | '!exists' | 'in' | '!in' | '=~' | '!~';

export type ClqNode = { kind: 'and' | 'or'; left: ClqNode; right: ClqNode } | { kind: 'not'; expr: ClqNode } | { kind: 'term'; subject: string; attribute?: string; op: Operator; value?: string; list?: string[]; pos: number };

const WORD_OPS: Record<string, Operator> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  exists: 'exists',
  not_exists: '!exists',
  '!exists': '!exists',
  in: 'in',
  not_in: '!in',
  '!in': '!in',
  matches: '=~',
  not_matches: '!~',
};
const SYMBOL_OPS: Operator[] = ['==', '!=', '>=', '<=', '>', '<', '=~', '!~'];

const SUBJECT_OPS: Record<string, Operator[]> = {
  agentConnected: ['==', '!=', 'in', '!in', '=~', '!~'],
  agentVersion: ['==', '!=', '>', '>=', '<', '<='],
  ec2InstanceId: ['==', '!=', 'in', '!in', '=~', '!~'],
  registeredAt: ['==', '!=', '>', '>=', '<', '<='],
  runningTasksCount: ['==', '!=', '>', '>=', '<', '<='],
  'task:group': ['==', '!=', 'in', '!in', '=~', '!~', 'exists', '!exists'],
};

type Tok = { t: 'lp' | 'rp' | 'lb' | 'rb' | 'comma' | 'word' | 'str' | 'op'; v: string; pos: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(') {
      out.push({ t: 'lp', v: c, pos: i++ });
      continue;
    }
    if (c === ')') {
      out.push({ t: 'rp', v: c, pos: i++ });
      continue;
    }
    if (c === '[') {
      out.push({ t: 'lb', v: c, pos: i++ });
      continue;
    }
    if (c === ']') {
      out.push({ t: 'rb', v: c, pos: i++ });
      continue;
    }
    if (c === ',') {
      out.push({ t: 'comma', v: c, pos: i++ });
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ClqError(`unterminated quoted value`, i);
      out.push({ t: 'str', v: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    if (src.startsWith('&&', i) || src.startsWith('||', i)) {
      out.push({ t: 'word', v: src.slice(i, i + 2), pos: i });
      i += 2;
      continue;
    }
    const sym = SYMBOL_OPS.find((o) => src.startsWith(o, i));
    if (sym) {
      out.push({ t: 'op', v: sym, pos: i });
      i += sym.length;
      continue;
    }
    if (c === '!') {
      // `!exists` and `!in` are operators; a bare `!` is negation.
      const m = /^!(exists|in)\b/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'word', v: m[0], pos: i });
        i += m[0].length;
        continue;
      }
      out.push({ t: 'word', v: '!', pos: i++ });
      continue;
    }
    const start = i;
    while (i < src.length && !/[\s()[\],'"]/.test(src[i]!)) {
      if (SYMBOL_OPS.some((o) => src.startsWith(o, i)) && i > start) break;
      i++;
    }
    out.push({ t: 'word', v: src.slice(start, i), pos: start });
  }
  return out;
}

/** Parses an expression; throws ClqError with the 0-based position of the problem. */
export function parseClq(src: string): ClqNode {
  if (src.trim() === '') throw new ClqError('empty expression', 0);
  const parser = new Parser(tokenize(src), src.length);
  const ast = parser.or();
  const rest = parser.peek();
  if (rest) throw new ClqError(`unexpected '${rest.v}'`, rest.pos);
  return ast;
}

/** A recursive-descent parser over the tokens: or > and > not > term. */
class Parser {
  private p = 0;

  constructor(
    private readonly toks: Tok[],
    private readonly endPos: number,
  ) {}

  peek(): Tok | undefined {
    return this.toks[this.p];
  }

  private isWord(tok: Tok | undefined, ...words: string[]): boolean {
    return tok !== undefined && tok.t === 'word' && words.includes(tok.v.toLowerCase());
  }

  or(): ClqNode {
    let left = this.and();
    while (this.isWord(this.peek(), 'or', '||')) {
      this.p++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): ClqNode {
    let left = this.not();
    while (this.isWord(this.peek(), 'and', '&&')) {
      this.p++;
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): ClqNode {
    const tok = this.peek();
    if (!tok) throw new ClqError('expected an expression', this.endPos);
    if (this.isWord(tok, 'not', '!')) {
      this.p++;
      return { kind: 'not', expr: this.not() };
    }
    if (tok.t === 'lp') {
      this.p++;
      const e = this.or();
      const close = this.peek();
      if (!close || close.t !== 'rp') throw new ClqError("expected ')'", close ? close.pos : this.endPos);
      this.p++;
      return e;
    }
    return this.term();
  }

  private value(): Tok {
    const tok = this.peek();
    if (!tok || (tok.t !== 'word' && tok.t !== 'str')) throw new ClqError('expected a value', tok ? tok.pos : this.endPos);
    this.p++;
    return tok;
  }

  /** `subject operator [argument]`. */
  private term(): ClqNode {
    const subj = this.peek()!;
    if (subj.t !== 'word') throw new ClqError(`expected a subject such as attribute:<name>, found '${subj.v}'`, subj.pos);
    this.p++;
    let subject = subj.v;
    let attribute: string | undefined;
    if (subject.startsWith('attribute:')) {
      attribute = subject.slice('attribute:'.length);
      if (!/^[A-Za-z0-9_./\\-]{1,128}$/.test(attribute)) throw new ClqError(`invalid attribute name '${attribute}'`, subj.pos + 10);
      subject = 'attribute';
    } else if (!Object.hasOwn(SUBJECT_OPS, subject)) {
      throw new ClqError(`unknown subject '${subject}' (expected attribute:<name>, agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount or task:group)`, subj.pos);
    }
    const { op, tok: opTok } = this.operator(subj, subject);
    const node: ClqNode = { kind: 'term', subject, op, pos: subj.pos, ...(attribute !== undefined ? { attribute } : {}) };
    if (op === 'exists' || op === '!exists') return node;
    if (op === 'in' || op === '!in') {
      node.list = this.list(opTok);
      return node;
    }
    const v = this.value();
    if (op === '=~' || op === '!~') {
      try {
        new RegExp(v.v);
      } catch {
        throw new ClqError(`invalid regular expression '${v.v}'`, v.pos);
      }
    }
    if (subject === 'registeredAt' && parseDate(v.v) === undefined) throw new ClqError(`invalid date '${v.v}'`, v.pos);
    if (subject === 'runningTasksCount' && !/^\d+$/.test(v.v)) throw new ClqError(`expected a number, found '${v.v}'`, v.pos);
    node.value = v.v;
    return node;
  }

  /** The operator after a subject, if the subject allows it. */
  private operator(subj: Tok, subject: string): { op: Operator; tok: Tok } {
    const opTok = this.peek();
    if (!opTok) throw new ClqError(`expected an operator after '${subj.v}'`, this.endPos);
    let op: Operator | undefined;
    if (opTok.t === 'op') op = opTok.v as Operator;
    else if (opTok.t === 'word' && Object.hasOwn(WORD_OPS, opTok.v)) op = WORD_OPS[opTok.v];
    if (!op) throw new ClqError(`unknown operator '${opTok.v}'`, opTok.pos);
    this.p++;
    const allowed = subject === 'attribute' ? undefined : SUBJECT_OPS[subject];
    if (allowed && !allowed.includes(op)) throw new ClqError(`operator '${opTok.v}' cannot be used with ${subject}`, opTok.pos);
    return { op, tok: opTok };
  }

  /** `[a, b, …]` after in / not_in. */
  private list(opTok: Tok): string[] {
    const lb = this.peek();
    if (!lb || lb.t !== 'lb') throw new ClqError(`'${opTok.v}' takes a list such as [a, b]`, lb ? lb.pos : this.endPos);
    this.p++;
    const list: string[] = [];
    for (;;) {
      list.push(this.value().v);
      const sep = this.peek();
      if (sep?.t === 'comma') {
        this.p++;
        continue;
      }
      if (sep?.t === 'rb') {
        this.p++;
        break;
      }
      throw new ClqError("expected ',' or ']'", sep ? sep.pos : this.endPos);
    }
    return list;
  }
}

/** Parses 2018-06-18T22:28:28+00:00, …Z, 2018-06-18T22:28:28 or 2018-06-18 to epoch seconds. */
export function parseDate(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  let t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 1000;
  const tz = m[7];
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    t -= sign * (+tz.slice(1, 3) * 3600 + +tz.slice(4, 6) * 60);
  }
  return t;
}

/** What an expression is evaluated against: one container instance. */
export interface ClqSubject {
  attributes: Map<string, string | undefined>;
  /** Fast paths for the built-in attributes ecs.availability-zone and ecs.instance-type. */
  availabilityZone?: string;
  instanceType?: string;
  agentConnected: boolean;
  agentVersion: string;
  ec2InstanceId: string;
  /** Epoch seconds. */
  registeredAt: number;
  runningTasksCount: number;
  taskGroups: Set<string>;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function cmp(op: Operator, d: number): boolean {
  switch (op) {
    case '==':
      return d === 0;
    case '!=':
      return d !== 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    default:
      return false;
  }
}

const regexCache = new Map<string, RegExp>();
function fullMatch(pattern: string, s: string): boolean {
  // Java's String.matches: the whole value must match.
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    regexCache.set(pattern, re);
  }
  return re.test(s);
}

function compareValue(op: Operator, actual: string, node: { value?: string; list?: string[] }): boolean {
  switch (op) {
    case 'in':
      return node.list!.includes(actual);
    case '!in':
      return !node.list!.includes(actual);
    case '=~':
      return fullMatch(node.value!, actual);
    case '!~':
      return !fullMatch(node.value!, actual);
    default: {
      const v = node.value!;
      const na = Number(actual);
      const nv = Number(v);
      const d = actual !== '' && v !== '' && !Number.isNaN(na) && !Number.isNaN(nv) ? na - nv : actual < v ? -1 : actual > v ? 1 : 0;
      return cmp(op, d);
    }
  }
}

/** Evaluates a parsed expression against one instance. */
export function evalClq(node: ClqNode, s: ClqSubject): boolean {
  switch (node.kind) {
    case 'and':
      return evalClq(node.left, s) && evalClq(node.right, s);
    case 'or':
      return evalClq(node.left, s) || evalClq(node.right, s);
    case 'not':
      return !evalClq(node.expr, s);
    case 'term': {
      const op = node.op;
      switch (node.subject) {
        case 'attribute': {
          const has = s.attributes.has(node.attribute!);
          if (op === 'exists') return has;
          if (op === '!exists') return !has;
          // [SIM] comparisons need the attribute: `attribute:stack != prod` excludes instances without `stack`.
          if (!has) return false;
          return compareValue(op, s.attributes.get(node.attribute!) ?? '', node);
        }
        case 'agentConnected':
          return compareValue(op, String(s.agentConnected), node);
        case 'ec2InstanceId':
          return compareValue(op, s.ec2InstanceId, node);
        case 'agentVersion':
          return cmp(op, compareVersions(s.agentVersion, node.value!));
        case 'registeredAt':
          return cmp(op, s.registeredAt - parseDate(node.value!)!);
        case 'runningTasksCount':
          return cmp(op, s.runningTasksCount - Number(node.value));
        case 'task:group': {
          if (op === 'exists') return s.taskGroups.size > 0;
          if (op === '!exists') return s.taskGroups.size === 0;
          if (op === '!=' || op === '!in' || op === '!~') {
            const positive: Operator = op === '!=' ? '==' : op === '!in' ? 'in' : '=~';
            for (const g of s.taskGroups) if (compareValue(positive, g, node)) return false;
            return true;
          }
          for (const g of s.taskGroups) if (compareValue(op, g, node)) return true;
          return false;
        }
        default:
          return false;
      }
    }
  }
}

/** A compiled expression: a closure over the parsed tree, plus what it needs from an instance. */
export interface CompiledClq {
  test: (s: ClqSubject) => boolean;
  needsRunningTasks: boolean;
  needsTaskGroups: boolean;
}

function compileNode(node: ClqNode, needs: { running: boolean; groups: boolean }): (s: ClqSubject) => boolean {
  switch (node.kind) {
    case 'and': {
      const l = compileNode(node.left, needs);
      const r = compileNode(node.right, needs);
      return (s) => l(s) && r(s);
    }
    case 'or': {
      const l = compileNode(node.left, needs);
      const r = compileNode(node.right, needs);
      return (s) => l(s) || r(s);
    }
    case 'not': {
      const e = compileNode(node.expr, needs);
      return (s) => !e(s);
    }
    case 'term': {
      if (node.subject === 'runningTasksCount') needs.running = true;
      if (node.subject === 'task:group') needs.groups = true;
      if (node.subject === 'attribute') {
        const name = node.attribute!;
        const op = node.op;
        const builtin = name === 'ecs.availability-zone' ? 'availabilityZone' : name === 'ecs.instance-type' ? 'instanceType' : undefined;
        const get =
          builtin === 'availabilityZone'
            ? (s: ClqSubject) => s.availabilityZone ?? s.attributes.get(name)
            : builtin === 'instanceType'
              ? (s: ClqSubject) => s.instanceType ?? s.attributes.get(name)
              : (s: ClqSubject) => s.attributes.get(name);
        const has = builtin ? (s: ClqSubject) => s[builtin] !== undefined || s.attributes.has(name) : (s: ClqSubject) => s.attributes.has(name);
        if (op === 'exists') return has;
        if (op === '!exists') return (s) => !has(s);
        if ((op === '==' || op === '!=') && node.value !== undefined && Number.isNaN(Number(node.value))) {
          // The common case, a string (in)equality, without the numeric comparison path.
          const v = node.value;
          return op === '=='
            ? (s) => get(s) === v
            : (s) => {
                const a = get(s);
                return a !== undefined ? a !== v : has(s);
              };
        }
        if (op === '=~' || op === '!~') {
          const re = new RegExp(`^(?:${node.value!})$`);
          const memo = new Map<string, boolean>();
          return (s) => {
            const a = get(s);
            if (a === undefined && !has(s)) return false;
            const value = a ?? '';
            let m = memo.get(value);
            if (m === undefined) {
              m = re.test(value);
              if (memo.size < 10000) memo.set(value, m);
            }
            return m === (op === '=~');
          };
        }
      }
      return (s) => evalClq(node, s);
    }
  }
}

const compiledCache = new Map<string, CompiledClq>();
/** Parses and compiles with a cache (expressions repeat across every placement of a service). */
export function compileClq(src: string): CompiledClq {
  let c = compiledCache.get(src);
  if (!c) {
    const needs = { running: false, groups: false };
    const test = compileNode(parseClq(src), needs);
    c = { test, needsRunningTasks: needs.running, needsTaskGroups: needs.groups };
    if (compiledCache.size > 1000) compiledCache.clear();
    compiledCache.set(src, c);
  }
  return c;
}
