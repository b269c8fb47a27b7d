import type { Sim } from '../../sim';
import { newSession } from './session';
import { resumeScript, runScript, type ShellEnv, type ShellState } from './shell/exec';
import { ShellSyntaxError, parseScript, type Script } from './shell/syntax';
import { staticWords } from './shell/words';
import { commandNamed } from './table';
import type { CommandResult, ConsoleCommand, ConsoleSession, Continuation, Parsed, RunContext } from './types';
import { parsed } from './types';
import { joinOutputs, say, type Piece } from './said';

/** A line, read: its command and arguments; why it cannot run (naming the command when known); or nothing. */
export type ReadLine = { command: ConsoleCommand; args: unknown } | { message: string; pieces?: Piece[]; exitCode: number; command?: ConsoleCommand } | { empty: true };

/** What bash prints for a command name no table entry has, with the console's suggestions. */
export function notFound(name: string): CommandResult {
  return say('console.notFound', { name }, 127);
}

const SHELL_ENV: ShellEnv = { lookup: commandNamed, notFound };

/**
 * A line that is more than one plain command (variables, `$(…)`, braces bash expands, `&&`, `;`, `|`,
 * redirections, several pasted lines): the shell runs it, looking each command up in the table.
 */
export const shellCommand: ConsoleCommand<{ script: Script }> = {
  name: 'shell',
  usage: ['shell'],
  help: 'Runs a line as bash would: variables, $(…), brace expansion, &&, ||, ;, | and redirections, each command from the table.',
  time: 'steps',
  parse: () => parsed({ script: [] }),
  run: ({ script }, ctx) => runScript(script, ctx, SHELL_ENV),
  resume: (_step, state, ctx) => resumeScript(state as unknown as ShellState, ctx, SHELL_ENV),
};

/** The command a continuation belongs to. */
const owner = (name: string) => (name === shellCommand.name ? shellCommand : commandNamed(name));

/** Reads one console line against the table. `files` are the editor's files, for `file://name`. */
export function readLine(line: string, files: Record<string, string> = {}): ReadLine {
  let script: Script;
  try {
    script = parseScript(line);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { message: `bash: ${e.message}`, exitCode: 2 };
    throw e;
  }
  if (script.length === 0) return { empty: true };
  const words = staticWords(script);
  if (!words) return { command: shellCommand, args: { script } };
  const command = commandNamed(words[0]!);
  if (!command) {
    const r = notFound(words[0]!);
    return { message: r.output, ...(r.pieces ? { pieces: r.pieces } : {}), exitCode: r.exitCode };
  }
  const r = command.parse(words.slice(1), { files });
  return r.ok ? { command, args: r.args } : { message: r.message, ...(r.pieces ? { pieces: r.pieces } : {}), exitCode: r.exitCode, command };
}

/** Parses one console line: `{ kind: <command>, …its arguments }`, or why it cannot run. */
export function parseCommand(line: string, files: Record<string, string> = {}): Parsed {
  const l = readLine(line, files);
  if ('empty' in l) return { kind: 'empty' };
  if ('message' in l) return { kind: 'error', message: l.message, exitCode: l.exitCode };
  return { kind: l.command.name, ...(l.args as object) };
}

/** Runs a command's first step; a command that throws (a defect) answers with the message, never throws. */
function guarded(f: () => CommandResult, name: string): CommandResult {
  try {
    return f();
  } catch (e) {
    return say('console.internalError', { name, message: e instanceof Error ? e.message : String(e) }, 70);
  }
}

/** The first step of a line: what it printed and did, and what is left for later (`then`). */
export function runLine(l: ReadLine, ctx: RunContext): CommandResult {
  if ('empty' in l) return { output: '', exitCode: 0 };
  if ('message' in l) return { output: l.message, ...(l.pieces ? { pieces: l.pieces } : {}), exitCode: l.exitCode };
  return guarded(() => l.command.run(l.args, ctx), l.command.name);
}

/** A later step of a command (its continuation's `step`), after the time it asked for has passed. */
export function resumeStep(commandName: string, then: Continuation, ctx: RunContext): CommandResult {
  const command = owner(commandName);
  if (!command?.resume || then.step === undefined) return { output: '', exitCode: 0 };
  return guarded(() => command.resume!(then.step!, then.state, ctx), commandName);
}

/** What a command printed and did so far, with a later step's result added. */
export function mergeStep(so: CommandResult, next: CommandResult): CommandResult {
  const calls = [...(so.calls ?? []), ...(next.calls ?? [])];
  const error = so.error ?? next.error;
  const response = next.response ?? so.response;
  return {
    ...joinOutputs(so, next),
    exitCode: so.exitCode !== 0 ? so.exitCode : next.exitCode,
    ...(response !== undefined ? { response } : {}),
    ...(error ? { error } : {}),
    ...(calls.length ? { calls } : {}),
    ...(next.then ? { then: next.then } : {}),
  };
}

/** For a line whose command only lets time pass (sleep): how long, or why it cannot; undefined for other lines. */
export function waitOf(line: string): { ms: number } | { message: string; pieces?: Piece[] } | undefined {
  const l = readLine(line);
  if ('empty' in l || l.command?.time !== 'wait') return undefined;
  if ('message' in l) return { message: l.message, ...(l.pieces ? { pieces: l.pieces } : {}) };
  return { ms: l.command.waits?.(l.args) ?? 0 };
}

export type ConsoleResult = { command: string } & Omit<CommandResult, 'then'>;

/**
 * Runs one line against a Sim on its own (no timeline): the time a command lets pass runs on this Sim's clock,
 * and its later steps run when that time is up. Never throws. Output is what the AWS CLI prints (JSON, 4-space indent).
 */
export function runCommand(sim: Sim, line: string, session: ConsoleSession = newSession(), allowed?: readonly string[]): ConsoleResult {
  const l = readLine(line, session.files);
  const ctx = { sim, session, ...(allowed ? { allowed } : {}) };
  let r = runLine(l, ctx);
  while (r.then) {
    const { then, ...done } = r;
    sim.runUntil(sim.now + then.afterMs);
    r = then.step === undefined || !('command' in l) || !l.command ? done : mergeStep(done, resumeStep(l.command.name, then, ctx));
  }
  return { command: line, ...r };
}
