import { COMMANDS, commandNamed } from './table';

/**
 * Tab completion from the command table: the commands, then what each command offers for the word being typed
 * (services, operations in the CLI's kebab case, an ECS operation's options, subcommands). Returns the
 * candidates and the line with their common prefix filled in.
 */
export function complete(line: string): { line: string; candidates: string[] } {
  const start = line.search(/\S+$/) < 0 ? line.length : line.search(/\S+$/);
  const word = line.slice(start);
  const before = line.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const pool = before.length === 0 ? COMMANDS.map((c) => c.name) : (commandNamed(before[0]!)?.complete?.(before.slice(1), word) ?? []);
  const candidates = pool.filter((c) => c.startsWith(word)).sort();
  if (candidates.length === 0) return { line, candidates };
  let prefix = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const filled = line.slice(0, start) + prefix + (candidates.length === 1 ? ' ' : '');
  return { line: filled, candidates };
}
