/**
 * A deep copy of plain data (objects, arrays, typed arrays, primitives): the world's records are
 * JSON-like, and copying them by hand is about twice as fast as structuredClone, which matters for
 * snapshots of a large world. Null-prototype records and learner-chosen keys such as "__proto__"
 * are copied as they are.
 */
export function cloneData<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = cloneData(v[i]);
    return out as T;
  }
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice() as T;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = Object.getPrototypeOf(src) === null ? Object.create(null) : {};
  for (const k of Object.keys(src)) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: cloneData(src[k]), enumerable: true, writable: true, configurable: true });
    else out[k] = cloneData(src[k]);
  }
  return out as T;
}
