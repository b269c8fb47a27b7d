import { ApiError, type MemberPath } from '../core/errors';
import { RANGES } from '../model/limits';
import { MODELS, RANGE_OF, SERVICE_ERROR, type Model, type Shape } from './models';

/**
 * The service side of a request's check: what AWS refuses after the SDK has sent the request (the SDK
 * checks types and minimums only, api/params.ts). Maximum lengths and values, enums and patterns from the
 * model, the documented ranges the model leaves out (model/limits.ts via RANGE_OF), and integers that do
 * not fit the model's 32- or 64-bit type, reported in the Coral services' wording:
 * "1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: Member must …",
 * under the namespace's error code.
 */

const INT32 = 2147483647;

function show(v: unknown): string {
  let text: string;
  if (typeof v === 'string') text = v;
  else if (Array.isArray(v)) text = `[${v.map((x) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x)))).join(', ')}]`;
  else if (typeof v === 'object' && v !== null) text = `{${Object.keys(v).join(', ')}}`;
  else text = String(v);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

/** Coral's member path: the first letter lower-case, list items as `.N.member` (1-based). */
const member = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const patterns = new Map<string, RegExp>();
function pattern(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) {
    re = p.startsWith('u:') ? new RegExp(`^(?:${p.slice(2)})$`, 'u') : new RegExp(`^(?:${p})$`);
    patterns.set(p, re);
  }
  return re;
}

interface Walk {
  model: Model;
  /** ECS's operations check their enums themselves, with the messages the spec quotes. */
  enums: boolean;
  ranges: Record<string, string> | undefined;
  errors: string[];
  /** The member of the request the first error is about. */
  first?: MemberPath;
}

function bound(w: Walk, s: Shape, min: number | undefined, max: number | undefined, v: unknown, path: string, where: MemberPath): void {
  const at = (constraint: string) => {
    w.first ??= where;
    w.errors.push(`Value '${show(v)}' at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  };
  if (s.t === 'string') {
    const str = v as string;
    if (max !== undefined && str.length > max) at(`have length less than or equal to ${max}`);
    else if (w.enums && s.enum && !s.enum.includes(str)) at(`satisfy enum value set: [${s.enum.join(', ')}]`);
    else if (s.p !== undefined && str.length <= 100_000 && !pattern(s.p).test(str)) at(`satisfy regular expression pattern: ${s.p.replace(/^u:/, '')}`);
  } else if (s.t === 'list' || s.t === 'map') {
    const n = Array.isArray(v) ? v.length : Object.keys(v as object).length;
    if (max !== undefined && n > max) at(`have length less than or equal to ${max}`);
  } else if (s.t === 'integer' || s.t === 'long' || s.t === 'double' || s.t === 'float') {
    const n = v as number;
    const top = s.t === 'integer' ? Math.min(max ?? INT32, INT32) : s.t === 'long' ? Math.min(max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) : max;
    const bottom = s.t === 'integer' ? Math.max(min ?? -INT32 - 1, -INT32 - 1) : s.t === 'long' ? Math.max(min ?? -Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER) : min;
    if (top !== undefined && n > top) at(`have value less than or equal to ${top}`);
    else if (bottom !== undefined && n < bottom) at(`have value greater than or equal to ${bottom}`);
  }
}

function walk(w: Walk, shapeName: string, v: unknown, path: string, where: MemberPath, range?: { min?: number; max?: number }): void {
  const s = Object.hasOwn(w.model.shapes, shapeName) ? w.model.shapes[shapeName]! : undefined;
  if (!s || v === undefined || v === null) return;
  bound(w, s, range?.min ?? s.min, range?.max ?? s.max, v, path, where);
  if (s.t === 'structure' && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    for (const k of Object.keys(s.m ?? {})) {
      if (!Object.hasOwn(obj, k)) continue;
      const key = `${shapeName}.${k}`;
      const named = w.ranges && Object.hasOwn(w.ranges, key) ? RANGES[w.ranges[key] as keyof typeof RANGES] : undefined;
      walk(w, s.m![k]!, obj[k], path === '' ? member(k) : `${path}.${member(k)}`, [...where, k], named);
    }
  } else if (s.t === 'list' && Array.isArray(v)) {
    for (let i = 0; i < v.length && w.errors.length < 10; i++) walk(w, s.e!, v[i], `${path}.${i + 1}.member`, [...where, i]);
  } else if (s.t === 'map' && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      if (w.errors.length >= 10) break;
      walk(w, s.k!, k, `${path}.${k}.key`, [...where, k]);
      walk(w, s.v!, obj[k], `${path}.${k}.value`, [...where, k]);
    }
  }
}

/**
 * Checks a request (already through the SDK-level check) as the service of `ns` does; throws the
 * namespace's validation error naming every member that breaks a constraint (at most 10, as Coral lists),
 * about the first of them.
 */
export function validateService(ns: string, operation: string, input: Record<string, unknown>): void {
  const model = Object.hasOwn(MODELS, ns) ? MODELS[ns]! : undefined;
  const shapeName = model && Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
  if (!model || !shapeName) return;
  const w: Walk = { model, enums: ns !== 'ecs', ranges: Object.hasOwn(RANGE_OF, ns) ? RANGE_OF[ns] : undefined, errors: [] };
  walk(w, shapeName, input, '', []);
  if (w.errors.length === 0) return;
  const n = w.errors.length;
  throw new ApiError(SERVICE_ERROR[ns] ?? 'ValidationException', `${n} validation error${n === 1 ? '' : 's'} detected: ${w.errors.slice(0, 10).join('; ')}`, w.first);
}
