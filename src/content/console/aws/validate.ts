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
  /** The member of the request the first error is about. */
  first: (string | number)[] | undefined = undefined;

  private fail(error: string, at: (string | number)[]): void {
    this.first ??= at;
    this.errors.push(error);
  }

  validate(svc: ServiceModel, s: Shape, v: unknown, name: string, at: (string | number)[] = []): void {
    if (s.kind === 'structure' && s.doc) return;
    if (!typeOk(s, v)) {
      this.fail(`Invalid type for parameter ${label(name)}, value: ${pyStr(v)}, type: ${pyType(v)}, valid types: ${VALID[typeName(s)]}`, at);
      return;
    }
    if (s.kind === 'structure') this.structure(svc, s, v as Record<string, unknown>, name, at);
    else if (s.kind === 'list') {
      this.range(name, (v as unknown[]).length, s.min, 'invalid length', at);
      const el = shapeOf(svc, s.e);
      (v as unknown[]).forEach((x, i) => this.validate(svc, el, x, `${name}[${i}]`, [...at, i]));
    } else if (s.kind === 'map') {
      const k = shapeOf(svc, s.k);
      const vs = shapeOf(svc, s.v);
      for (const [key, x] of Object.entries(v as Record<string, unknown>)) {
        this.validate(svc, k, key, `${name} (key: ${key})`, [...at, key]);
        this.validate(svc, vs, x, `${name}.${key}`, [...at, key]);
      }
    } else if (s.type === 'string') this.range(name, [...(v as string)].length, s.min, 'invalid length', at);
    else if (s.type === 'integer' || s.type === 'long' || s.type === 'double' || s.type === 'float') this.range(name, v, s.min, 'invalid range', at);
  }

  private structure(svc: ServiceModel, s: Extract<Shape, { kind: 'structure' }>, v: Record<string, unknown>, name: string, at: (string | number)[]): void {
    const keys = Object.keys(v);
    if (s.u && keys.length !== 1) {
      const members = Object.keys(s.m).join('. ');
      this.fail(
        keys.length === 0
          ? `Must set one of the following keys for tagged unionstructure ${label(name)}: ${members}.`
          : `Invalid number of parameters set for tagged union structure ${label(name)}. Can only set one of the following keys: ${members}.`,
        at,
      );
    }
    for (const r of s.r ?? []) if (!Object.hasOwn(v, r)) this.fail(`Missing required parameter in ${label(name)}: "${r}"`, at);
    const known: string[] = [];
    for (const k of keys) {
      if (Object.hasOwn(s.m, k)) known.push(k);
      else this.fail(`Unknown parameter in ${label(name)}: "${k}", must be one of: ${Object.keys(s.m).join(', ')}`, [...at, k]);
    }
    for (const k of known) this.validate(svc, memberShape(svc, s, k)!, v[k], `${name}.${k}`, [...at, k]);
  }

  private range(name: string, value: unknown, min: number | undefined, kind: 'invalid length' | 'invalid range', at: (string | number)[]): void {
    if (min === undefined || numeric(value) >= min) return;
    // botocore prints the figure it compared: the length, or the value.
    const shown = pyStr(value);
    this.fail(kind === 'invalid length' ? `Invalid length for parameter ${label(name)}, value: ${shown}, valid min length: ${min}` : `Invalid value for parameter ${label(name)}, value: ${shown}, valid min value: ${min}`, at);
  }
}

/** Validates a request against the operation's input shape; the CLI's message, or undefined when it is valid. */
export function validateRequest(svc: ServiceModel, input: Shape | undefined, params: Record<string, unknown>): string | undefined {
  return requestProblem(svc, input, params)?.message;
}

/** The CLI's message for a request that fails its checks, and the member of the request its first error is about. */
export function requestProblem(svc: ServiceModel, input: Shape | undefined, params: Record<string, unknown>): { message: string; path: (string | number)[] } | undefined {
  if (!input) return undefined;
  const r = new Report();
  r.validate(svc, input, params, '');
  return r.errors.length ? { message: `Parameter validation failed:\n${r.errors.join('\n')}`, path: r.first ?? [] } : undefined;
}
