/**
 * The expectation language: data only, no eval. Conditions map field paths to values or matchers;
 * lessons extend the same forms (lessons-plan §3).
 */

const OPERATORS = new Set(['equals', 'notEquals', 'in', 'notIn', 'startsWith', 'endsWith', 'contains', 'matches', 'exists', 'gt', 'gte', 'lt', 'lte', 'some', 'every', 'none', 'length', 'countOf']);

/** Resolves a path such as `containers[name=app].exitCode` or `deployments[0].rolloutState`. */
export function getPath(obj: unknown, path: string): unknown {
  const parts = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let cur: unknown = obj;
  for (const raw of parts) {
    if (cur === undefined || cur === null) return undefined;
    if (raw.startsWith('[')) {
      const inner = raw.slice(1, -1);
      if (!Array.isArray(cur)) return undefined;
      if (/^\d+$/.test(inner)) cur = cur[Number(inner)];
      else {
        const eq = inner.indexOf('=');
        const k = inner.slice(0, eq);
        const v = inner.slice(eq + 1);
        cur = cur.find((x) => x && typeof x === 'object' && String((x as Record<string, unknown>)[k]) === v);
      }
    } else {
      cur = (cur as Record<string, unknown>)[raw];
    }
  }
  return cur;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function isMatcher(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => OPERATORS.has(k));
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function matchValue(actual: unknown, m: unknown): boolean {
  if (!isMatcher(m)) {
    if (typeof m === 'object' && m !== null && !Array.isArray(m)) return matches(actual, m as Record<string, unknown>);
    return deepEqual(actual, m);
  }
  for (const [op, arg] of Object.entries(m)) {
    const ok = (() => {
      switch (op) {
        case 'equals': return deepEqual(actual, arg);
        case 'notEquals': return !deepEqual(actual, arg);
        case 'in': return Array.isArray(arg) && arg.some((x) => deepEqual(actual, x));
        case 'notIn': return Array.isArray(arg) && !arg.some((x) => deepEqual(actual, x));
        case 'startsWith': return typeof actual === 'string' && actual.startsWith(String(arg));
        case 'endsWith': return typeof actual === 'string' && actual.endsWith(String(arg));
        case 'contains': return Array.isArray(actual) ? actual.some((x) => deepEqual(x, arg)) : typeof actual === 'string' && actual.includes(String(arg));
        case 'matches': return typeof actual === 'string' && new RegExp(String(arg)).test(actual);
        case 'exists': return (actual !== undefined && actual !== null) === Boolean(arg);
        case 'gt': return actual !== undefined && num(actual) > num(arg);
        case 'gte': return actual !== undefined && num(actual) >= num(arg);
        case 'lt': return actual !== undefined && num(actual) < num(arg);
        case 'lte': return actual !== undefined && num(actual) <= num(arg);
        case 'some': return Array.isArray(actual) && actual.some((x) => matchValue(x, arg));
        case 'every': return Array.isArray(actual) && actual.every((x) => matchValue(x, arg));
        case 'none': return Array.isArray(actual) && !actual.some((x) => matchValue(x, arg));
        case 'length': return Array.isArray(actual) && matchValue(actual.length, arg);
        case 'countOf': {
          // { countOf: { where: <condition>, equals | atLeast | atMost: n } } on a list
          if (!Array.isArray(actual)) return false;
          const a = arg as { where?: Record<string, unknown>; equals?: number; atLeast?: number; atMost?: number };
          const n = actual.filter((x) => matches(x, a.where)).length;
          return (a.equals === undefined || n === a.equals) && (a.atLeast === undefined || n >= a.atLeast) && (a.atMost === undefined || n <= a.atMost);
        }
        default: return false;
      }
    })();
    if (!ok) return false;
  }
  return true;
}

/** True when `item` satisfies every entry of the condition. */
export function matches(item: unknown, cond: Record<string, unknown> | undefined): boolean {
  if (!cond) return true;
  for (const [key, want] of Object.entries(cond)) {
    if (key === 'all') {
      if (!(want as Record<string, unknown>[]).every((c) => matches(item, c))) return false;
    } else if (key === 'any') {
      if (!(want as Record<string, unknown>[]).some((c) => matches(item, c))) return false;
    } else if (key === 'not') {
      if (matches(item, want as Record<string, unknown>)) return false;
    } else if (!matchValue(getPath(item, key), want)) return false;
  }
  return true;
}
