/**
 * Saved runs and their comparison. A run is the bench's own output: one `name value unit` line per
 * figure, so a file saved with `--save FILE` (or a redirected `npm run bench > FILE`) reads back as is.
 */
import { readFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function parseRun(text: string): Map<string, Figure> {
  const run = new Map<string, Figure>();
  for (const raw of text.split('\n')) {
    const m = /^(\S+) (-?[\d.e+-]+|NaN|Infinity) (\S+)/.exec(raw.trim());
    if (m) run.set(m[1]!, { name: m[1]!, value: Number(m[2]), unit: m[3]! });
  }
  return run;
}

export function readRun(file: string): Map<string, Figure> {
  return parseRun(readFileSync(file, 'utf8'));
}

/**
 * The line a figure prints against a saved run: the figure as it is, then its ratio to the saved value
 * and that value (`×0.48 (was 8.74 s)`), or `(new)` when the saved run lacks it.
 */
export function compared(line: string, saved: Map<string, Figure>): string {
  const [f] = parseRun(line).values();
  if (!f) return line;
  const was = saved.get(f.name);
  if (!was) return `${line}  (new)`;
  const ratio = was.value === 0 ? (f.value === 0 ? 1 : Infinity) : f.value / was.value;
  return `${line}  ×${Number(ratio.toPrecision(3))} (was ${was.value} ${was.unit})`;
}
