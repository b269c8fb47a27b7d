import { ApiError, type MemberPath } from '../core/errors';
import { MODELS, type Model, type Shape } from './models';

/**
 * Client-side parameter validation as the AWS SDKs and CLI do it before a request is sent
 * (botocore's ParamValidator): unknown members, missing required members, wrong JSON types and
 * minimum lengths/values, all reported together under "Parameter validation failed:". The member
 * tables come from each namespace's published API model (api/models.ts); `sim.` and `docker.` have
 * hand-written tables of the same kind. Every member is looked up as an own key, so a request member
 * named "__proto__" or "constructor" is an unknown parameter like any other.
 */

export type { Shape };

/** The input shape of an ECS operation (the editor and the console read the ECS tables). */
export function ecsInputShape(operation: string): string | undefined {
  return inputShape('ecs', operation);
}

export function ecsShape(name: string): Shape | undefined {
  return shapeOf('ecs', name);
}

/** The input shape of `operation` in namespace `ns` (ecs, cloudwatch, sim, …), if the namespace has a model. */
export function inputShape(ns: string, operation: string): string | undefined {
  const m = modelOf(ns);
  return m && Object.hasOwn(m.operations, operation) ? m.operations[operation] : undefined;
}

/** One shape of namespace `ns` by name. */
export function shapeOf(ns: string, name: string): Shape | undefined {
  const m = modelOf(ns);
  return m && Object.hasOwn(m.shapes, name) ? m.shapes[name] : undefined;
}

export function modelOf(ns: string): Model | undefined {
  return Object.hasOwn(MODELS, ns) ? MODELS[ns] : undefined;
}

function pyType(v: unknown): string {
  if (v === null || v === undefined) return "<class 'NoneType'>";
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(v)) return "<class 'list'>";
  if (typeof v === 'object') return "<class 'dict'>";
  return `<class '${typeof v}'>`;
}

/** A value as Python prints it (what botocore's messages show), cut short when long. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}...` : v;
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);
  if (typeof v !== 'object') return String(v);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = Array.isArray(v) ? '[...]' : '{...}';
  }
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

const VALID: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  long: "<class 'int'>",
  boolean: "<class 'bool'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  list: "<class 'list'>, <class 'tuple'>",
  structure: "<class 'dict'>",
  opaque: "<class 'dict'>",
  map: "<class 'dict'>",
  timestamp: "<class 'datetime.datetime'>, <class 'str'>",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
  duration: "<class 'str'>, <class 'int'>, <class 'float'>",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
    case 'blob':
      return typeof v === 'string';
    case 'integer':
    case 'long':
      return typeof v === 'number' && Number.isInteger(v);
    case 'double':
    case 'float':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'list':
      return Array.isArray(v);
    case 'structure':
    case 'map':
    case 'opaque':
      return isRecord(v);
    case 'timestamp':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    case 'duration':
      return typeof v === 'string' || typeof v === 'number';
    default:
      return true;
  }
}

/** The errors found, and the member of the request the first is about. */
interface Found {
  errors: string[];
  first?: MemberPath;
}

function check(model: Model, shapeName: string, v: unknown, path: string, found: Found, depth: number, where: MemberPath): void {
  const s = Object.hasOwn(model.shapes, shapeName) ? model.shapes[shapeName] : undefined;
  if (!s) return;
  const label = path === '' ? 'input' : path;
  const fail = (e: string, at: MemberPath = where) => {
    found.first ??= at;
    found.errors.push(e);
  };
  if (!typeOk(s.t, v)) {
    fail(`Invalid type for parameter ${label}, value: ${pyRepr(v)}, type: ${pyType(v)}, valid types: ${VALID[s.t] ?? s.t}`);
    return;
  }
  if (depth > 64) {
    fail(`Invalid value for parameter ${label}: nested more than 64 levels deep`); // [SIM] no model nests this deep
    return;
  }
  if (s.t === 'structure') {
    const obj = v as Record<string, unknown>;
    const members = s.m ?? {};
    for (const req of s.r ?? []) {
      if (!Object.hasOwn(obj, req) || obj[req] === undefined) fail(`Missing required parameter in ${label}: "${req}"`);
    }
    for (const k of Object.keys(obj)) {
      const val = obj[k];
      if (val === undefined) continue; // an unset member (as a JSON request never carries one)
      if (!Object.hasOwn(members, k)) {
        fail(`Unknown parameter in ${label}: "${k}", must be one of: ${Object.keys(members).join(', ')}`, [...where, k]);
        continue;
      }
      check(model, members[k]!, val, path === '' ? k : `${path}.${k}`, found, depth + 1, [...where, k]);
    }
  } else if (s.t === 'list') {
    const arr = v as unknown[];
    if (s.min !== undefined && arr.length < s.min) fail(`Invalid length for parameter ${label}, value: ${arr.length}, valid min length: ${s.min}`);
    for (let i = 0; i < arr.length; i++) check(model, s.e!, arr[i], `${path}[${i}]`, found, depth + 1, [...where, i]);
  } else if (s.t === 'map') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (s.min !== undefined && keys.length < s.min) fail(`Invalid length for parameter ${label}, value: ${keys.length}, valid min length: ${s.min}`);
    for (const k of keys) {
      check(model, s.k!, k, `${path}.${k}`, found, depth + 1, [...where, k]);
      check(model, s.v!, obj[k], `${path}.${k}`, found, depth + 1, [...where, k]);
    }
  } else if (s.t === 'string') {
    if (s.min !== undefined && (v as string).length < s.min) fail(`Invalid length for parameter ${label}, value: ${(v as string).length}, valid min length: ${s.min}`);
  } else if (s.t === 'integer' || s.t === 'long' || s.t === 'double' || s.t === 'float') {
    const n = v as number;
    // [SIM] JSON has no NaN or infinity (a YAML scenario or a script can write them): refused as the request could not be sent.
    if (!Number.isFinite(n)) fail(`Invalid value for parameter ${label}, value: ${pyRepr(n)}, valid values: finite numbers`);
    else if (s.min !== undefined && n < s.min) fail(`Invalid value for parameter ${label}, value: ${n}, valid min value: ${s.min}`);
  }
}

/** Validates a request against the input shape of `ns`.`operation`; throws ParamValidationError, about the member of the first error. */
export function validateClient(ns: string, operation: string, input: unknown): void {
  const model = modelOf(ns);
  const shapeName = model && inputShape(ns, operation);
  if (!model || !shapeName) return;
  const found: Found = { errors: [] };
  check(model, shapeName, input ?? {}, '', found, 0, []);
  if (found.errors.length) throw new ApiError('ParamValidationError', `Parameter validation failed:\n${found.errors.join('\n')}`, found.first);
}

/** Validates an ECS request (kept for callers of the ECS-only check). */
export function validateParams(operation: string, input: unknown): void {
  validateClient('ecs', operation, input);
}
