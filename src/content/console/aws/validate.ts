import { memberShape, shapeOf, type ServiceModel, type Shape } from './model';
import { PyFloat, pyStr } from './python';

/**
 * botocore's ParamValidator, which the CLI runs before it sends a request: required and unknown members, types
 * and minimums, every error collected, in botocore's words ("Parameter validation failed:\nInvalid type for
 * parameter desiredCount, value: 1.5, type: <class 'float'>, valid types: <class 'int'>").
 */

const VALID: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  long: "<class 'int'>",
  boolean: "<class 'bool'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  list: "<class 'list'>, <class 'tuple'>",
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
};

function pyType(v: unknown): string {
  if (v === null || v === undefined) return "<class 'NoneType'>";
  if (v instanceof PyFloat) return "<class 'float'>";
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(v)) return "<class 'list'>";
  return "<class 'dict'>";
}

const isDict = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof PyFloat);
/** Python's int, which a bool is too. */
const isInt = (v: unknown) => typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v));

function typeOk(s: Shape, v: unknown): boolean {
  if (s.kind === 'structure' || s.kind === 'map') return isDict(v);
  if (s.kind === 'list') return Array.isArray(v);
  switch (s.type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
    case 'long':
      return isInt(v);
    case 'double':
    case 'float':
      return isInt(v) || typeof v === 'number' || v instanceof PyFloat;
    case 'boolean':
      return typeof v === 'boolean';
    case 'timestamp':
      return typeof v === 'string' || typeof v === 'number' || v instanceof PyFloat;
    default:
      return typeof v === 'string';
  }
}

const typeName = (s: Shape) => (s.kind === 'scalar' ? s.type : s.kind);
const label = (name: string) => (name === '' ? 'input' : name.startsWith('.') ? name.slice(1) : name);
const numeric = (v: unknown) => (v instanceof PyFloat ? v.value : Number(v));

class Report {
  readonly errors: string[] = [];

  validate(svc: ServiceModel, s: Shape, v: unknown, name: string): void {
    if (s.kind === 'structure' && s.doc) return;
    if (!typeOk(s, v)) {
      this.errors.push(`Invalid type for parameter ${label(name)}, value: ${pyStr(v)}, type: ${pyType(v)}, valid types: ${VALID[typeName(s)]}`);
      return;
    }
    if (s.kind === 'structure') this.structure(svc, s, v as Record<string, unknown>, name);
    else if (s.kind === 'list') {
      this.range(name, (v as unknown[]).length, s.min, 'invalid length');
      const el = shapeOf(svc, s.e);
      (v as unknown[]).forEach((x, i) => this.validate(svc, el, x, `${name}[${i}]`));
    } else if (s.kind === 'map') {
      const k = shapeOf(svc, s.k);
      const vs = shapeOf(svc, s.v);
      for (const [key, x] of Object.entries(v as Record<string, unknown>)) {
        this.validate(svc, k, key, `${name} (key: ${key})`);
        this.validate(svc, vs, x, `${name}.${key}`);
      }
    } else if (s.type === 'string') this.range(name, [...(v as string)].length, s.min, 'invalid length');
    else if (s.type === 'integer' || s.type === 'long' || s.type === 'double' || s.type === 'float') this.range(name, v, s.min, 'invalid range');
  }

  private structure(svc: ServiceModel, s: Extract<Shape, { kind: 'structure' }>, v: Record<string, unknown>, name: string): void {
    const keys = Object.keys(v);
    if (s.u && keys.length !== 1) {
      const members = Object.keys(s.m).join('. ');
      this.errors.push(
        keys.length === 0
          ? `Must set one of the following keys for tagged unionstructure ${label(name)}: ${members}.`
          : `Invalid number of parameters set for tagged union structure ${label(name)}. Can only set one of the following keys: ${members}.`,
      );
    }
    for (const r of s.r ?? []) if (!Object.hasOwn(v, r)) this.errors.push(`Missing required parameter in ${label(name)}: "${r}"`);
    const known: string[] = [];
    for (const k of keys) {
      if (Object.hasOwn(s.m, k)) known.push(k);
      else this.errors.push(`Unknown parameter in ${label(name)}: "${k}", must be one of: ${Object.keys(s.m).join(', ')}`);
    }
    for (const k of known) this.validate(svc, memberShape(svc, s, k)!, v[k], `${name}.${k}`);
  }

  private range(name: string, value: unknown, min: number | undefined, kind: 'invalid length' | 'invalid range'): void {
    if (min === undefined || numeric(value) >= min) return;
    // botocore prints the figure it compared: the length, or the value.
    const shown = pyStr(value);
    this.errors.push(kind === 'invalid length' ? `Invalid length for parameter ${label(name)}, value: ${shown}, valid min length: ${min}` : `Invalid value for parameter ${label(name)}, value: ${shown}, valid min value: ${min}`);
  }
}

/** Validates a request against the operation's input shape; the CLI's message, or undefined when it is valid. */
export function validateRequest(svc: ServiceModel, input: Shape | undefined, params: Record<string, unknown>): string | undefined {
  if (!input) return undefined;
  const r = new Report();
  r.validate(svc, input, params, '');
  return r.errors.length ? `Parameter validation failed:\n${r.errors.join('\n')}` : undefined;
}
