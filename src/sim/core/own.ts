/**
 * Records of the world are keyed by names a learner chooses, and a name such as "__proto__", "constructor" or
 * "valueOf" must find nothing (or its own entry), never a member of Object.prototype.
 */
export function own<T>(rec: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(rec, key) ? rec[key] : undefined;
}

/** Sets an entry as an own property, even under a key such as "__proto__". */
export function setOwn<T>(rec: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(rec, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
