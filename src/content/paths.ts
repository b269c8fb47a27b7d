/**
 * Field paths of the expectation language: `containers[name=app].exitCode`, `deployments[0].rolloutState`.
 * Only an object's own members are followed, so a path such as `__proto__` or `constructor.name` finds nothing.
 */
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
        cur = cur.find((x) => x !== null && typeof x === 'object' && Object.hasOwn(x, k) && String((x as Record<string, unknown>)[k]) === v);
      }
    } else {
      cur = typeof cur === 'object' || typeof cur === 'string' ? ownMember(cur, raw) : undefined;
    }
  }
  return cur;
}

function ownMember(v: object | string, key: string): unknown {
  if (typeof v === 'string') return key === 'length' ? v.length : undefined;
  return Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
}
