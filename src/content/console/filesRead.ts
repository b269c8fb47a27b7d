import { ShellSyntaxError, parseScript } from './shell/syntax';
import { commandWords } from './shell/words';
import { commandNamed } from './table';

/**
 * The editor files a command line reads, as they are now (as each of its commands declares: file://name, -f
 * name, docker build's Dockerfile, compose's compose.yaml, copilot's manifests), so that the action replays the same.
 */
export function filesRead(line: string, all: Record<string, string>): Record<string, string> {
  let commands: string[][];
  try {
    commands = commandWords(parseScript(line));
  } catch (e) {
    if (e instanceof ShellSyntaxError) return {};
    throw e;
  }
  const wanted = new Set(commands.flatMap((words) => commandNamed(words[0]!)?.reads?.(words.slice(1), all) ?? []));
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(all)) if (wanted.has(name)) out[name] = text;
  return out;
}
