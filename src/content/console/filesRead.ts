import { tokenize } from './shell';
import { commandNamed } from './table';

/**
 * The editor files a command line reads, as they are now (as each command declares: file://name, -f name,
 * docker build's Dockerfile, compose's compose.yaml, copilot's manifests), so that the action replays the same.
 */
export function filesRead(line: string, all: Record<string, string>): Record<string, string> {
  const toks = tokenize(line);
  if (!Array.isArray(toks) || toks.length === 0) return {};
  const wanted = new Set(commandNamed(toks[0]!)?.reads?.(toks.slice(1), all) ?? []);
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(all)) if (wanted.has(name)) out[name] = text;
  return out;
}
