import type { ApiError } from '../core/errors';

/** A required member of a request with its JSON type, or the namespace's error (`err`) naming it. */
export function need<T>(input: Record<string, unknown>, name: string, type: 'string' | 'number' | 'object', err: (m: string) => ApiError): T {
  const v = input[name];
  if (v === undefined || v === null) throw err(`The parameter ${name} is required.`);
  if (typeof v !== type) throw err(`${name} must be a ${type}.`);
  return v as T;
}
