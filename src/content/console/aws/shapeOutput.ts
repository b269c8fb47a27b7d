import { isoTimestamp } from './isoTimestamp';
import { membersOf, shapeOf, type ServiceModel, type Shape } from './model';

/**
 * A response as the AWS CLI has it after botocore parsed it: members in the model's order and only those of
 * the model, no null members, timestamps as the CLI v2 prints them (ISO 8601 in UTC). Doubles stay numbers (so
 * that --query compares them as numbers); which members are doubles is noted beside the data, for printing.
 */

/** Where the doubles are: the members of an object, or every element of an array. */
export interface Floats {
  members: WeakMap<object, Set<string>>;
  lists: WeakSet<object>;
}

export const newFloats = (): Floats => ({ members: new WeakMap(), lists: new WeakSet() });

export { isoTimestamp };

function timestamp(v: unknown): unknown {
  if (typeof v === 'number') return isoTimestamp(v * 1000);
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : isoTimestamp(t);
  }
  return v;
}

const isFloatShape = (s: Shape) => s.kind === 'scalar' && (s.type === 'double' || s.type === 'float');

function shaped(svc: ServiceModel, s: Shape, v: unknown, floats: Floats): unknown {
  if (v === null || v === undefined) return undefined;
  if (s.kind === 'structure') {
    if (s.doc || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    const marks = new Set<string>();
    for (const [k, ms] of membersOf(svc, s)) {
      if (!Object.hasOwn(v, k)) continue;
      const x = shaped(svc, ms, (v as Record<string, unknown>)[k], floats);
      if (x === undefined) continue;
      out[k] = x;
      if (isFloatShape(ms) && typeof x === 'number') marks.add(k);
    }
    if (marks.size) floats.members.set(out, marks);
    return out;
  }
  if (s.kind === 'list') {
    if (!Array.isArray(v)) return v;
    const el = shapeOf(svc, s.e);
    const out = v.map((x) => shaped(svc, el, x, floats) ?? null);
    if (isFloatShape(el)) floats.lists.add(out);
    return out;
  }
  if (s.kind === 'map') {
    if (typeof v !== 'object' || Array.isArray(v)) return v;
    const vs = shapeOf(svc, s.v);
    const out: Record<string, unknown> = {};
    const marks = new Set<string>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const y = shaped(svc, vs, x, floats);
      if (y === undefined) continue;
      Object.defineProperty(out, k, { value: y, enumerable: true, writable: true, configurable: true });
      if (isFloatShape(vs) && typeof y === 'number') marks.add(k);
    }
    if (marks.size) floats.members.set(out, marks);
    return out;
  }
  if (s.type === 'timestamp') return timestamp(v);
  return v;
}

/** A response shaped by the operation's output shape (a response without a shape is kept as it is). */
export function shapeResponse(svc: ServiceModel | undefined, output: Shape | undefined, response: unknown, floats: Floats): unknown {
  if (!svc || !output) return response;
  return shaped(svc, output, response, floats) ?? {};
}
