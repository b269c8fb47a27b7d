/**
 * Field paths of the expectation language: `containers[name=app].exitCode`, `deployments[0].rolloutState`.
 * Only an object's own members are followed, so a path such as `__proto__` or `constructor.name` finds nothing.
 */
export function getPath(obj: unknown, path: string): unknown {
  const parts = partsOf(path);
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
        cur = cur.find((x) => x !== null && typeof x === 'object' && Object.hasOwn(x, k) && String((x as Record<string, unknown>)[k]) === v);
      }
    } else {
      cur = typeof cur === 'object' || typeof cur === 'string' ? ownMember(cur, raw) : undefined;
    }
  }
  return cur;
}

/** A path's parts, read once per path: conditions are matched against every item of a collection, often every frame. */
const parsed = new Map<string, string[]>();
const PARSED_LIMIT = 1024;

function partsOf(path: string): string[] {
  let parts = parsed.get(path);
  if (parts) return parts;
  parts = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(path, parts);
  return parts;
}

function ownMember(v: object | string, key: string): unknown {
  if (typeof v === 'string') return key === 'length' ? v.length : undefined;
  return Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}
