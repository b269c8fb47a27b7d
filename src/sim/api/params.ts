import shapes from './ecsShapes.json';
import { ApiError } from '../core/errors';

/**
 * Client-side parameter validation as the AWS SDKs and CLI do it before a request is sent
 * (botocore's ParamValidator): unknown members, missing required members, wrong JSON types and
 * minimum lengths/values, all reported together under "Parameter validation failed:".
 * The member tables are derived from the published ECS API model.
 */
interface Shape {
  t: string;
  m?: Record<string, string>;
  r?: string[];
  e?: string;
  k?: string;
  v?: string;
  enum?: string[];
  min?: number;
  max?: number;
}

const model = shapes as unknown as { operations: Record<string, string>; shapes: Record<string, Shape> };

export function ecsInputShape(operation: string): string | undefined {
  return model.operations[operation];
}

export function ecsShape(name: string): Shape | undefined {
  return model.shapes[name];
}

function pyType(v: unknown): string {
  if (v === null || v === undefined) return "<class 'NoneType'>";
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(v)) return "<class 'list'>";
  return "<class 'dict'>";
}

function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
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
};

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
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
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'timestamp':
      return typeof v === 'string' || typeof v === 'number';
    default:
      return true;
  }
}

function check(shapeName: string, v: unknown, path: string, errors: string[]): void {
  const s = model.shapes[shapeName];
  if (!s) return;
  const label = path === '' ? 'input' : path;
  if (!typeOk(s.t, v)) {
    errors.push(`Invalid type for parameter ${label}, value: ${pyRepr(v)}, type: ${pyType(v)}, valid types: ${VALID[s.t] ?? s.t}`);
    return;
  }
  if (s.t === 'structure') {
    const obj = v as Record<string, unknown>;
    for (const req of s.r ?? []) {
      if (!(req in obj)) errors.push(`Missing required parameter in ${label}: "${req}"`);
    }
    for (const [k, val] of Object.entries(obj)) {
      const memberShape = s.m?.[k];
      if (memberShape === undefined) {
        errors.push(`Unknown parameter in ${label}: "${k}", must be one of: ${Object.keys(s.m ?? {}).join(', ')}`);
        continue;
      }
      check(memberShape, val, path === '' ? k : `${path}.${k}`, errors);
    }
  } else if (s.t === 'list') {
    const arr = v as unknown[];
    if (s.min !== undefined && arr.length < s.min) errors.push(`Invalid length for parameter ${label}, value: ${arr.length}, valid min length: ${s.min}`);
    arr.forEach((item, i) => check(s.e!, item, `${path}[${i}]`, errors));
  } else if (s.t === 'map') {
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      check(s.k!, k, `${path}.${k}`, errors);
      check(s.v!, val, `${path}.${k}`, errors);
    }
  } else if (s.t === 'string') {
    if (s.min !== undefined && (v as string).length < s.min) errors.push(`Invalid length for parameter ${label}, value: ${(v as string).length}, valid min length: ${s.min}`);
  } else if (s.t === 'integer' || s.t === 'long') {
    if (s.min !== undefined && (v as number) < s.min) errors.push(`Invalid value for parameter ${label}, value: ${v}, valid min value: ${s.min}`);
  }
}

/** Validates a request against an operation's input shape; throws ParamValidationError. */
export function validateParams(operation: string, input: unknown): void {
  const shapeName = model.operations[operation];
  if (!shapeName) return;
  const errors: string[] = [];
  check(shapeName, input ?? {}, '', errors);
  if (errors.length) throw new ApiError('ParamValidationError', `Parameter validation failed:\n${errors.join('\n')}`);
}
