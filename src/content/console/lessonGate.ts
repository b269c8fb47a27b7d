import { ShellSyntaxError, parseScript } from './shell/syntax';
import { commandWords } from './shell/words';
import { COMMANDS, commandNamed } from './table';
import { complete } from './complete';

/**
 * A lesson's `allowed` list names console command prefixes ("docker build", "aws ecs run-task") and editor
 * actions ("editor.register"). These read the command table: what a lesson may name, and what it lets run.
 */

/** Why an `allowed` entry names no console command (every word but the last is a command, the last begins one), or undefined. */
export function allowedEntryProblem(entry: string): string | undefined {
  if (entry.startsWith('editor.')) return undefined;
  const words = entry.split(' ');
  const pool = words.length === 1 ? COMMANDS.map((c) => c.name) : complete(`${words.slice(0, -1).join(' ')} `).candidates;
  return pool.some((c) => c.startsWith(words.at(-1)!)) ? undefined : `'${entry}' begins no console command (the commands are ${COMMANDS.map((c) => c.name).join(', ')})`;
}

/**
 * Whether a lesson allowing `allowed` lets a console line run: each command of the line (a line may hold several,
 * joined by && or ;, or inside $(…)) starts with an allowed prefix, or changes nothing.
 */
export function lineAllowed(allowed: readonly string[], line: string): boolean {
  const prefixes = allowed.filter((a) => !a.startsWith('editor.'));
  if (prefixes.length === 0) return true;
  let commands: string[][];
  try {
    commands = commandWords(parseScript(line));
  } catch (e) {
    if (e instanceof ShellSyntaxError) return true;
    throw e;
  }
  return commands.every((words) => commandNamed(words[0]!)?.alwaysAllowed || prefixes.some((a) => words.join(' ').startsWith(a)));
}
