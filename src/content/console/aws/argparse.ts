import { pyFloat, pyInt, reprStr } from './python';

/**
 * The part of Python's argparse (3.11) the AWS CLI's parsers rest on, so that a line is read as the CLI reads it:
 * options anywhere, `--name=value`, unique prefixes of option names (`--cluster` for `--clusters`), "ambiguous
 * option" when a prefix matches more than one, nargs (one value, a list, an optional value), store_true flags,
 * int and float values, choices, required options, and what is left over for the next parser (parse_known_args).
 */

export interface OptionAction {
  /** the option string, `--cluster` */
  option: string;
  dest: string;
  /** `store` takes values; `true`/`false` are flags; `version` prints the version */
  kind: 'store' | 'true' | 'false' | 'version';
  /** one value (undefined), a list (`*`), or an optional value (`?`, then `constant` when absent) */
  nargs?: '*' | '?';
  constant?: string;
  type?: 'int' | 'float';
  choices?: readonly string[];
  required?: boolean;
}

export interface PositionalAction {
  dest: string;
  /** `?`: it may be absent */
  nargs?: '?';
  choices?: readonly string[];
}

/** A parse the CLI refuses: argparse's message (the CLI prints it after its usage) and status 252. */
export class ArgParseError extends Error {}

/** argparse's version action: it prints the version and exits as soon as it is read, before anything else is checked. */
export class VersionRequested extends Error {}

export type ArgValue = string | string[] | boolean | number | number[];

export interface Parsed {
  values: Map<string, ArgValue>;
  extras: string[];
}

const CHOICE_WIDTH = 40;

/** The CLI's "Invalid choice" message: every choice, two to a line, padded to 40 columns. */
export function invalidChoice(choices: readonly string[], value: string): string {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2)
    lines.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(CHOICE_WIDTH))
        .join(' | '),
    );
  const close = closeMatches(value, choices);
  if (close.length) lines.push(`\n\nInvalid choice: ${reprStr(value)}, maybe you meant:\n`, ...close.map((w) => `  * ${w}`));
  return lines.join('\n');
}

/** difflib.get_close_matches(word, possibilities, cutoff=0.8): the ratio of matching characters, best first. */
function closeMatches(word: string, choices: readonly string[]): string[] {
  const scored = choices.map((c) => [c, ratio(word, c)] as const).filter(([, r]) => r >= 0.8);
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([c]) => c);
}

/** SequenceMatcher(None, a, b).ratio(): 2 × matched characters / total length (longest matching blocks, recursively). */
function ratio(a: string, b: string): number {
  const matched = (a1: number, a2: number, b1: number, b2: number): number => {
    let best = 0;
    let bi = 0;
    let bj = 0;
    for (let i = a1; i < a2; i++) {
      for (let j = b1; j < b2; j++) {
        let k = 0;
        while (i + k < a2 && j + k < b2 && a[i + k] === b[j + k]) k++;
        if (k > best) [best, bi, bj] = [k, i, j];
      }
    }
    return best === 0 ? 0 : best + matched(a1, bi, b1, bj) + matched(bi + best, a2, bj + best, b2);
  };
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matched(0, a.length, 0, b.length)) / total;
}

type OptionMatch = { action: OptionAction | undefined; option: string; explicit?: string };

/** argparse's _parse_optional: which option an argument is (undefined for a positional). */
function parseOptional(arg: string, options: readonly OptionAction[]): OptionMatch | undefined {
  if (!arg || arg[0] !== '-') return undefined;
  const exact = options.find((o) => o.option === arg);
  if (exact) return { action: exact, option: arg };
  if (arg.length === 1) return undefined;
  const eq = arg.indexOf('=');
  if (eq >= 0) {
    const named = options.find((o) => o.option === arg.slice(0, eq));
    if (named) return { action: named, option: named.option, explicit: arg.slice(eq + 1) };
  }
  if (arg[1] === '-') {
    const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
    const explicit = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const matches = options.filter((o) => o.option.startsWith(prefix));
    if (matches.length > 1) throw new ArgParseError(`ambiguous option: ${arg} could match ${matches.map((m) => m.option).join(', ')}`);
    if (matches.length === 1) return { action: matches[0]!, option: matches[0]!.option, ...(explicit !== undefined ? { explicit } : {}) };
  }
  if (/^-\d+$|^-\d*\.\d+$/.test(arg)) return undefined;
  if (arg.includes(' ')) return undefined;
  return { action: undefined, option: arg };
}

function convert(action: OptionAction, text: string): string | number {
  let v: string | number = text;
  if (action.type === 'int') {
    const n = pyInt(text);
    if (n === undefined) throw new ArgParseError(`argument ${action.option}: invalid int value: ${reprStr(text)}`);
    v = n;
  } else if (action.type === 'float') {
    const n = pyFloat(text);
    if (n === undefined) throw new ArgParseError(`argument ${action.option}: invalid float value: ${reprStr(text)}`);
    v = n;
  }
  if (action.choices && !action.choices.includes(String(v))) throw new ArgParseError(`argument ${action.option}: ${invalidChoice(action.choices, String(v))}`);
  return v;
}

/** How many of the arguments from `start` (by their pattern, A for a value, O for an option) an option takes. */
function countFor(action: OptionAction, pattern: string, start: number): number {
  if (action.kind !== 'store') return 0;
  const rest = pattern.slice(start);
  if (action.nargs === '*') return /^A*/.exec(rest)![0].length;
  if (action.nargs === '?') return rest.startsWith('A') ? 1 : 0;
  if (!rest.startsWith('A')) throw new ArgParseError(`argument ${action.option}: expected one argument`);
  return 1;
}

function store(values: Map<string, ArgValue>, action: OptionAction, args: string[]): void {
  if (action.kind === 'version') throw new VersionRequested();
  if (action.kind === 'true' || action.kind === 'false') {
    values.set(action.dest, action.kind !== 'false');
    return;
  }
  if (action.nargs === '*') {
    values.set(action.dest, args.map((a) => convert(action, a)) as string[] | number[]);
    return;
  }
  values.set(action.dest, args.length ? convert(action, args[0]!) : (action.constant ?? ''));
}

class Reader {
  readonly values = new Map<string, ArgValue>();
  readonly extras: string[] = [];
  readonly seen = new Set<string>();
  private positionals: PositionalAction[];
  readonly pattern: string;
  readonly found = new Map<number, OptionMatch>();

  constructor(
    private readonly args: string[],
    options: readonly OptionAction[],
    positionals: readonly PositionalAction[],
  ) {
    this.positionals = [...positionals];
    let p = '';
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--') {
        p += '-' + 'A'.repeat(args.length - i - 1);
        break;
      }
      const m = parseOptional(args[i]!, options);
      if (m) this.found.set(i, m);
      p += m ? 'O' : 'A';
    }
    this.pattern = p;
  }

  optional(start: number): number {
    const { action, option, explicit } = this.found.get(start)!;
    if (!action) {
      this.extras.push(this.args[start]!);
      return start + 1;
    }
    this.seen.add(action.dest + action.option);
    if (explicit !== undefined) {
      if (action.kind !== 'store') throw new ArgParseError(`argument ${option}: ignored explicit argument ${reprStr(explicit)}`);
      store(this.values, action, [explicit]);
      return start + 1;
    }
    const n = countFor(action, this.pattern, start + 1);
    store(this.values, action, this.args.slice(start + 1, start + 1 + n));
    return start + 1 + n;
  }

  /** Gives positional actions the values from `start`, as many as they match (argparse's match_partial). */
  positional(start: number): number {
    let i = start;
    while (this.positionals.length) {
      const p = this.positionals[0]!;
      while (this.pattern[i] === '-') i++;
      if (this.pattern[i] === 'A') {
        const v = this.args[i]!;
        if (p.choices && !p.choices.includes(v)) throw new ArgParseError(`argument ${p.dest}: ${invalidChoice(p.choices, v)}`);
        this.values.set(p.dest, v);
        this.seen.add(p.dest);
        i++;
      } else if (p.nargs !== '?') break;
      this.positionals.shift();
    }
    return i;
  }
}

/**
 * argparse's parse_known_args: the options' and positionals' values, and the arguments no action took (in the
 * order argparse leaves them). Throws ArgParseError with argparse's message.
 */
export function parseKnownArgs(args: string[], options: readonly OptionAction[], positionals: readonly PositionalAction[] = []): Parsed {
  const r = new Reader(args, options, positionals);
  const indices = [...r.found.keys()];
  const last = indices.length ? Math.max(...indices) : -1;
  let start = 0;
  while (start <= last) {
    const next = Math.min(...indices.filter((i) => i >= start));
    if (start !== next) {
      const end = r.positional(start);
      if (end > start) {
        start = end;
        continue;
      }
    }
    if (!r.found.has(start)) {
      r.extras.push(...args.slice(start, next));
      start = next;
    }
    start = r.optional(start);
  }
  const stop = r.positional(start);
  r.extras.push(...args.slice(stop));
  const missing = [...options.filter((o) => o.required && !r.seen.has(o.dest + o.option)).map((o) => o.option), ...positionals.filter((p) => p.nargs !== '?' && !r.seen.has(p.dest)).map((p) => p.dest)];
  if (missing.length) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
  return { values: r.values, extras: r.extras };
}
