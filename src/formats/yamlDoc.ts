import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { fileError, type Problem } from './problem';
import { say } from './diagnostics';

/** A YAML text parsed with positions: problems can name the line, column and member of what they are about. */
export interface Located {
  data: unknown;
  /** 1-based line and column of the value (or, with `key`, of the key) at a member path. */
  at(path: (string | number)[], key?: boolean): { line: number; column: number };
  /** Syntax errors, and what stops the text becoming data (an alias loop), as problems of `file`. */
  errors: Problem[];
}

export function parseYaml(text: string, file = ''): Located {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, merge: true, uniqueKeys: true });
  const pos = (offset: number | undefined) => {
    const p = lc.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  // The library's words, kept as they are in every language ("YAML: …" in the others).
  const errors = doc.errors.map((e) => fileError(file, pos(e.pos[0]), '', say('problem.yaml.syntax', { detail: e.message.split('\n')[0]! })));
  const nodeAt = (path: (string | number)[], key: boolean): YamlNode | undefined => {
    let node: unknown = doc.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) return node as YamlNode;
        if (key && i === path.length - 1 && isScalar(pair.key)) return pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node)) {
        const next = node.items[seg as number];
        if (next === undefined) return node as YamlNode;
        node = next;
      } else return node as YamlNode | undefined;
    }
    return node as YamlNode | undefined;
  };
  let data: unknown;
  try {
    data = errors.length ? undefined : doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    errors.push(fileError(file, { line: 1, column: 1 }, '', say('problem.yaml.syntax', { detail: (e as Error).message })));
  }
  return { data, errors, at: (path, key = false) => pos(nodeAt(path, key)?.range?.[0]) };
}

/** Nanoseconds in each unit of a Go duration (time.ParseDuration), which Copilot's manifest durations are. */
const GO_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * "2m30s", "60s", "1h", "500ms", or seconds as a number → seconds. The longer units are tried first, so that "500ms"
 * is not read as 500 minutes followed by an "s" that names nothing.
 */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|h|m|s)/gy;
  let nanos = 0;
  let matched = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    nanos += Number(m[1]) * GO_UNITS[m[2]!]!;
    matched = re.lastIndex;
  }
  return matched === v.length && matched > 0 ? nanos / 1e9 : undefined;
}
