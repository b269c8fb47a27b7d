import type { MemberPath, Sim } from '../../sim';
import type { CallRecord } from '../calls';
import type { EnvironmentState } from '../../formats/copilot';
import type { Piece } from './saidTypes';

/** A request made in a region other than the world's: kept so that region's world can be rebuilt. */
export interface RegionCall {
  at: number;
  call: string;
  input: Record<string, unknown>;
}

/**
 * What a console remembers between commands: the editor's files, the Copilot workspace, the shell's variables
 * (`export VAR=…`, AWS_DEFAULT_REGION, AWS_DEFAULT_OUTPUT) and what was made in other regions.
 */
export interface ConsoleSession {
  files: Record<string, string>;
  copilot: { app?: string; environments: Record<string, EnvironmentState & { deployed: boolean }>; services: Record<string, string[]>; calls: CallRecord[] };
  env: Record<string, string>;
  regions: Record<string, RegionCall[]>;
}

/** A JSON value: what a command keeps between its steps (it is snapshotted with the timeline). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * More of a command's work after simulated time passes, as data: the driver (a timeline, or the console on
 * its own) lets `afterMs` pass and then runs the command's `resume(step, state)`. Without `step` the command
 * only waited.
 */
export interface Continuation {
  afterMs: number;
  step?: string;
  state?: Json;
}

/** What a command printed, and what it did as data: nothing is read back out of the printed text. */
export interface CommandResult {
  output: string;
  /** The output in parts, where some are the console's own words (kept as message keys, shown in the learner's language). */
  pieces?: Piece[];
  exitCode: number;
  /** The API's response to the command's request (for aws and sim commands). */
  response?: unknown;
  /** The API's error, as the service returned it. */
  error?: { code: string; message: string };
  /** The member of the request the error is about, where the check knows it (for the editor's marker; never printed). */
  errorPath?: MemberPath;
  /** The requests to the simulated account the command made, in order (not the local Docker host's). */
  calls?: CallRecord[];
  /** The rest of the work, after simulated time passes. */
  then?: Continuation;
}

/** A command line, read: the command's name and its arguments, or why it cannot run. */
export type Parsed = ({ kind: string } & Record<string, unknown>) | { kind: 'error'; message: string; exitCode: number } | { kind: 'empty' };

export type ParseResult<A> = { ok: true; args: A } | { ok: false; message: string; pieces?: Piece[]; exitCode: number };

export const parsed = <A>(args: A): ParseResult<A> => ({ ok: true, args });
export const refused = (message: string, exitCode: number): ParseResult<never> => ({ ok: false, message, exitCode });
/** A line refused in the console's own words (a message key), not in a real tool's. */
export const refusedSaying = (r: CommandResult): ParseResult<never> => ({ ok: false, message: r.output, ...(r.pieces ? { pieces: r.pieces } : {}), exitCode: r.exitCode });

/** What parsing may read: the editor's files (for `file://name`). */
export interface ParseContext {
  files: Record<string, string>;
}

export interface RunContext {
  sim: Sim;
  session: ConsoleSession;
  /** What the command reads on standard input (the output of the command piped into it), when there is any. */
  stdin?: string;
  /** In a lesson, its `allowed` list (console command prefixes and editor actions): what `help` lists. */
  allowed?: readonly string[];
}

/**
 * How a command lets simulated time pass:
 * - `none`: it does its work at once;
 * - `wait`: it only lets time pass (in the page the clock moves on; in an action log time passes between actions);
 * - `steps`: it does part of its work, then the rest after simulated time passes (its result's `then`).
 */
export type TimeUse = 'none' | 'wait' | 'steps';

/**
 * One console command: everything the parser, `help`, Tab completion, a lesson's allowed-check and the store
 * know about it. `parse` reads the words after the command's name; `run` applies them to the world.
 */
export interface ConsoleCommand<A = unknown> {
  name: string;
  /** One line per form: `sleep <duration>`. */
  usage: string[];
  /** What it does, in a few sentences. */
  help: string;
  time: TimeUse;
  /** It never changes the world, so every lesson allows it (sleep, help). */
  alwaysAllowed?: boolean;
  /** The editor files a line of this command reads, as they are named in `files`. */
  reads?: (words: string[], files: Record<string, string>) => string[];
  /** Candidates for the word being typed, given the words before it (after the command's name). */
  complete?: (before: string[], word: string) => string[];
  parse: (words: string[], ctx: ParseContext) => ParseResult<A>;
  // Methods, so that the table can hold commands of every argument type.
  run(args: A, ctx: RunContext): CommandResult;
  /** A later step of a `steps` command. */
  resume?: (step: string, state: Json | undefined, ctx: RunContext) => CommandResult;
  /** For a `wait` command: how long its arguments wait (ms). */
  waits?(args: A): number;
}
