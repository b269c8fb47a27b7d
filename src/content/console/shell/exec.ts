import type { CallRecord } from '../../calls';
import type { CommandResult, ConsoleCommand, Continuation, Json, RunContext } from '../types';
import { ExpansionError, expandValue, expandWords, type Expander } from './expand';
import type { AndOr, Pipeline, Script, SimpleCommand } from './syntax';
import { joinOutputs, say } from '../said';

/**
 * Runs a parsed line as bash would: each `;`-separated list in turn, `&&` and `||` by the last status, a
 * pipeline's status its last command's (what each command prints the next one's standard input), variables from the session (and `VAR=value` before a command for that
 * command alone), `$(…)` replaced by what its commands printed, `>` and `>>` into the editor's files (`/dev/null`
 * discards). A command that lets simulated time pass (sleep, aws … wait) makes the line ask for that time too,
 * with the rest of the line kept as data for after it.
 */

export interface ShellEnv {
  /** the command a line's first word names, and what to print when none does */
  lookup(name: string): ConsoleCommand | undefined;
  notFound(name: string): CommandResult;
}

/** What the shell keeps while a command of the line waits for simulated time. */
export interface ShellState {
  /** the waiting command, and its continuation */
  command: string;
  then: Continuation;
  /** the rest of the and-or list it is in, then the lists after it */
  rest: AndOr['rest'];
  after: Script;
  /** the waiting command ends a `!` pipeline: its status is turned over when it is done */
  negate?: true;
}

class Run {
  out: CommandResult = { output: '', exitCode: 0 };
  status = 0;
  waiting: ShellState | undefined;
  /** the status of the last `$(…)` of the command being expanded, if it had one */
  private substituted: number | undefined;

  constructor(
    readonly ctx: RunContext,
    readonly env: ShellEnv,
    private readonly depth = 0,
  ) {}

  add(r: CommandResult, shown = true): void {
    const calls: CallRecord[] = [...(this.out.calls ?? []), ...(r.calls ?? [])];
    this.out = {
      ...joinOutputs(this.out, shown ? r : { output: '' }),
      exitCode: r.exitCode,
      ...(r.response !== undefined ? { response: r.response } : this.out.response !== undefined ? { response: this.out.response } : {}),
      ...((this.out.error ?? r.error) ? { error: (this.out.error ?? r.error)! } : {}),
      ...(calls.length ? { calls } : {}),
    };
    this.status = r.exitCode;
  }

  expander(): Expander {
    const session = this.ctx.session;
    return {
      get: (name) => {
        if (name === '?') return String(this.status);
        if (name === '$') return '4242';
        if (name === '0') return 'bash';
        // The console's shell has no positional parameters: $1… are unset and $# is 0, as in an interactive bash.
        if (name === '#') return '0';
        if (/^[1-9][0-9]*$/.test(name)) return undefined;
        return Object.hasOwn(session.env, name) ? session.env[name] : undefined;
      },
      set: (name, value) => Object.defineProperty(session.env, name, { value, enumerable: true, writable: true, configurable: true }),
      substitute: (script) => this.substitute(script),
    };
  }

  /** `$(…)`: the script run with its output captured; what fails is shown, not captured. */
  substitute(script: Script): string {
    if (this.depth > 8) throw new ExpansionError('command substitutions nest too deep');
    const inner = new Run(this.ctx, this.env, this.depth + 1);
    inner.status = this.status;
    inner.list(script, []);
    if (inner.waiting) throw new ExpansionError('the console cannot let time pass inside $(…): run that command on a line of its own');
    const r = inner.out;
    this.status = r.exitCode;
    this.substituted = r.exitCode;
    if (r.calls?.length) this.out = { ...this.out, calls: [...(this.out.calls ?? []), ...r.calls] };
    if (r.exitCode !== 0) {
      this.out = { ...this.out, ...joinOutputs(this.out, r) };
      return '';
    }
    return r.output;
  }

  /** Runs lists from `script`, continuing `rest` of the current and-or list first. */
  list(script: Script, rest: AndOr['rest']): void {
    if (this.chain(rest, script)) return;
    for (let i = 0; i < script.length; i++) {
      const item = script[i]!;
      this.pipeline(item.first);
      if (this.waiting) return this.park(item.rest, script.slice(i + 1));
      if (this.chain(item.rest, script.slice(i + 1))) return;
    }
  }

  /** The `&&` / `||` rest of a list; true when a command began to wait (the rest is kept). */
  private chain(rest: AndOr['rest'], after: Script): boolean {
    for (let j = 0; j < rest.length; j++) {
      const { op, pipeline } = rest[j]!;
      if ((op === '&&') !== (this.status === 0)) continue;
      this.pipeline(pipeline);
      if (this.waiting) {
        this.park(rest.slice(j + 1), after);
        return true;
      }
    }
    return false;
  }

  private park(rest: AndOr['rest'], after: Script): void {
    this.waiting = { ...this.waiting!, rest, after };
  }

  /** A pipeline: what each command prints is the next one's standard input; its status the last one's. */
  private pipeline(p: Pipeline): void {
    let stdin = this.ctx.stdin;
    p.commands.forEach((c, i) => {
      const last = i === p.commands.length - 1;
      const printed = this.simple(c, last, stdin);
      // What went through the pipe, as bash's echo and the AWS CLI write it: the text and its newline.
      stdin = printed === '' ? '' : `${printed}\n`;
      if (this.waiting && !last) {
        this.waiting = undefined;
        this.add(say('console.noWaitInPipeline', undefined, 1));
      }
    });
    if (!p.negate) return;
    if (this.waiting) this.waiting = { ...this.waiting, negate: true };
    else this.negate();
  }

  /** `!`: the status turned over, for `$?`, `&&`, `||` and the line's own status. */
  negate(): void {
    this.status = this.status === 0 ? 1 : 0;
    this.out = { ...this.out, exitCode: this.status };
  }

  /** A simple command; what it wrote to its standard output (not redirected), for a pipe. */
  private simple(c: SimpleCommand, shown: boolean, stdin: string | undefined): string {
    let words: string[];
    const temp: Record<string, string> = {};
    this.substituted = undefined;
    try {
      // The words are expanded before VAR=value before a command applies (bash's order): `X=2 echo $X` prints the old X.
      const x = this.expander();
      words = this.words(c, x);
      for (const a of c.assigns) {
        const v = expandValue(a.value, x);
        if (c.words.length === 0) x.set(a.name, v);
        else temp[a.name] = v;
      }
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.add({ output: `bash: ${e.message}`, exitCode: 1 });
        return '';
      }
      throw e;
    }
    // No command left (an assignment alone, or only empty expansions): bash ends it with the status of its last
    // command substitution, 0 when it had none (`X=$(false) || echo failed` prints).
    if (words.length === 0) {
      this.add({ output: '', exitCode: this.substituted ?? 0 }, false);
      return '';
    }
    const r = this.command(words, temp, stdin);
    return this.redirect(c, r, shown);
  }

  /** The arguments; `export NAME=$X` keeps each assignment one word, as bash does for declaration builtins. */
  private words(c: SimpleCommand, x: Expander): string[] {
    const [first, ...rest] = c.words;
    if (!first) return [];
    const head = expandWords([first], x);
    if (head.length !== 1 || head[0] !== 'export') return [...head, ...expandWords(rest, x)];
    return [...head, ...rest.flatMap((w) => (w[0]?.t === 'lit' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0].v) ? [expandValue(w, x)] : expandWords([w], x)))];
  }

  private command(words: string[], temp: Record<string, string>, stdin: string | undefined): CommandResult {
    const [name, ...args] = words as [string, ...string[]];
    const command = this.env.lookup(name);
    if (!command) return this.env.notFound(name);
    const parsedArgs = command.parse(args, { files: this.ctx.session.files });
    if (!parsedArgs.ok) return { output: parsedArgs.message, ...(parsedArgs.pieces ? { pieces: parsedArgs.pieces } : {}), exitCode: parsedArgs.exitCode };
    const session = this.ctx.session;
    const saved = { ...session.env };
    Object.assign(session.env, temp);
    try {
      const r = command.run(parsedArgs.args, stdin === undefined ? this.ctx : { ...this.ctx, stdin });
      if (r.then) this.waiting = { command: command.name, then: r.then, rest: [], after: [] };
      return r;
    } finally {
      if (Object.keys(temp).length) session.env = saved;
    }
  }

  /** Sends the result where its redirections say; gives what is left of its standard output. */
  private redirect(c: SimpleCommand, r: CommandResult, shown: boolean): string {
    const { then: _then, ...done } = r;
    let text = done.output;
    let show = shown;
    // The console's output is what the command wrote: its standard output when it succeeded, its errors when
    // not; 2>&1 sends the errors where the output goes.
    const merged = c.redirects.some((rd) => rd.op === '>&' && rd.fd === 2);
    const isOut = merged || done.exitCode === 0;
    for (const rd of c.redirects) {
      if (rd.op === '>&') continue;
      const target = expandValue(rd.target, this.expander());
      if ((rd.fd === 1) !== isOut) continue;
      if (target !== '/dev/null') {
        const files = this.ctx.session.files;
        const before = rd.op === '>>' && Object.hasOwn(files, target) ? files[target]! : '';
        Object.defineProperty(files, target, { value: `${before}${text}${text ? '\n' : ''}`, enumerable: true, writable: true, configurable: true });
      }
      text = '';
      show = false;
    }
    this.add({ ...done, output: text }, show);
    return isOut ? text : '';
  }
}

/** Runs a script; its output and status, or its first step and a continuation for the rest. */
export function runScript(script: Script, ctx: RunContext, env: ShellEnv): CommandResult {
  const run = new Run(ctx, env);
  run.list(script, []);
  return finish(run);
}

function finish(run: Run): CommandResult {
  if (!run.waiting) return run.out;
  const w = run.waiting;
  return { ...run.out, exitCode: 0, then: { afterMs: w.then.afterMs, step: 'shell', state: w as unknown as Json } };
}

/** A later step of a line: the waiting command's step, then the rest of the line. */
export function resumeScript(state: ShellState, ctx: RunContext, env: ShellEnv): CommandResult {
  const run = new Run(ctx, env);
  const command = env.lookup(state.command);
  const r = state.then.step !== undefined && command?.resume ? command.resume(state.then.step, state.then.state, ctx) : { output: '', exitCode: 0 };
  const { then, ...done } = r;
  run.add(done);
  if (then) {
    run.waiting = { command: state.command, then, rest: state.rest, after: state.after, ...(state.negate ? { negate: true as const } : {}) };
    return finish(run);
  }
  if (state.negate) run.negate();
  run.list(state.after, state.rest);
  return finish(run);
}
