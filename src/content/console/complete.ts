import { COMMANDS, commandNamed } from './table';

/**
 * Tab completion from the command table: the commands, then what each command offers for the word being typed
 * (services, operations in the CLI's kebab case, an operation's options and enum values, subcommands). The
 * command is the one being typed: after the last `&&`, `||`, `;`, `|` or `$(` outside quotes, past any
 * `VAR=value` before it. Returns the candidates and the line with their common prefix filled in.
 */

/** Where the command being typed starts: after the last shell operator outside quotes. */
function commandStart(line: string): number {
  let start = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === ';' || c === '|' || c === '&' || c === '\n' || c === '`') start = i + 1;
    else if (c === '$' && line[i + 1] === '(') start = i + 2;
  }
  return start;
}

export function complete(line: string): { line: string; candidates: string[] } {
  const start = line.search(/\S+$/) < 0 ? line.length : line.search(/\S+$/);
  const word = line.slice(start);
  const segment = line.slice(Math.min(commandStart(line), start), start);
  const before = segment.trim().split(/\s+/).filter(Boolean);
  while (before.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(before[0]!)) before.shift();
  const pool = before.length === 0 ? COMMANDS.map((c) => c.name) : (commandNamed(before[0]!)?.complete?.(before.slice(1), word) ?? []);
  const candidates = [...new Set(pool)].filter((c) => c.startsWith(word)).sort();
  if (candidates.length === 0) return { line, candidates };
  let prefix = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const filled = line.slice(0, start) + prefix + (candidates.length === 1 ? ' ' : '');
  return { line: filled, candidates };
}
