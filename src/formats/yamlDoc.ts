import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { fileError, type Problem } from './problem';

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
  const errors = doc.errors.map((e) => fileError(file, pos(e.pos[0]), '', e.message.split('\n')[0]!));
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
    errors.push(fileError(file, { line: 1, column: 1 }, '', (e as Error).message));
  }
  return { data, errors, at: (path, key = false) => pos(nodeAt(path, key)?.range?.[0]) };
}

/** "2m30s", "60s", "1h", or seconds as a number → seconds. */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : n / 1000;
    matched = re.lastIndex;
  }
  return matched === v.length && matched > 0 ? total : undefined;
}
