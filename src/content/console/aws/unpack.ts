import type { ArgValue } from './argparse';
import { memberShape, shapeOf, type ServiceModel, type Shape } from './model';
import { PyFloat, floatError, intError, pyFloat, pyInt } from './python';
import { PyJsonError, pyJsonLoads } from './pyjson';
import { ShorthandError, parseShorthand, type ShorthandValue } from './shorthand';

/**
 * An argument's text as the request member the CLI makes of it: `file://name` read from the editor's files,
 * shorthand given types by the model (as the CLI's BackCompatVisitor does), JSON read as Python reads it, and
 * scalars through Python's int() and float(). Errors are the CLI's: ParamError (its "Error parsing parameter"
 * text, status 252) and Python's own exceptions (status 255).
 */

/** "Error parsing parameter '--x': …", status 252. */
export class ParamError extends Error {
  constructor(option: string, message: string) {
    super(`Error parsing parameter '${option}': ${message}`);
  }
}

/** An exception Python raises while the CLI converts a value (ValueError, TypeError, AttributeError): status 255. */
export class PythonError extends Error {}

/** The text of `file://name` (or `fileb://`) from the editor's files; undefined for any other value. */
export function paramFile(value: string, option: string, files: Record<string, string>): string | undefined {
  const prefix = value.startsWith('file://') ? 'file://' : value.startsWith('fileb://') ? 'fileb://' : undefined;
  if (!prefix) return undefined;
  const name = value.slice(prefix.length);
  if (!Object.hasOwn(files, name)) throw new ParamError(option, `Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${name}'`);
  return files[name]!;
}

const pyTypeName = (v: unknown) => (Array.isArray(v) ? 'list' : v && typeof v === 'object' ? 'dict' : 'str');

function jsonArg(value: string, option: string): unknown {
  try {
    return pyJsonLoads(value);
  } catch (e) {
    if (e instanceof PyJsonError) throw new ParamError(option, `Invalid JSON: ${e.message}\nJSON received: ${value}`);
    throw e;
  }
}

function scalar(s: Extract<Shape, { kind: 'scalar' }>, value: unknown): unknown {
  if (s.type === 'integer' || s.type === 'long') {
    if (typeof value === 'number') return value;
    if (typeof value !== 'string') throw new PythonError(`int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`);
    const n = pyInt(value);
    if (n === undefined) throw new PythonError(intError(value));
    return n;
  }
  if (s.type === 'double' || s.type === 'float') {
    if (typeof value === 'number') return new PyFloat(value);
    if (typeof value !== 'string') throw new PythonError(`float() argument must be a string or a real number, not '${pyTypeName(value)}'`);
    const n = pyFloat(value);
    if (n === undefined) throw new PythonError(floatError(value));
    return new PyFloat(n);
  }
  if (s.type === 'boolean') return typeof value === 'string' ? value.toLowerCase() !== 'false' && value !== '' : Boolean(value);
  return value;
}

/** Whether the CLI reads a value of this shape as shorthand: structures, maps, and lists of those. */
function takesShorthand(svc: ServiceModel, s: Shape): boolean {
  if (s.kind === 'structure') return !s.doc;
  if (s.kind === 'map') return true;
  if (s.kind === 'list') return shapeOf(svc, s.e).kind !== 'scalar';
  return false;
}

/** The CLI's BackCompatVisitor: shorthand strings given the model's types, a single value made a list. */
function visit(svc: ServiceModel, s: Shape, value: ShorthandValue | unknown): unknown {
  if (value === undefined || value === null) return value;
  if (s.kind === 'structure') {
    if (s.doc) throw new ShorthandError(`Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter`);
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    const out = value as Record<string, unknown>;
    for (const key of Object.keys(s.m)) {
      if (!Object.hasOwn(out, key)) continue;
      const ms = memberShape(svc, s, key)!;
      if (ms.kind === 'structure' && ms.doc) {
        throw new ShorthandError(`Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: ${key}`);
      }
      out[key] = visit(svc, ms, out[key]);
    }
    return out;
  }
  if (s.kind === 'list') {
    if (!Array.isArray(value)) return [value];
    const el = shapeOf(svc, s.e);
    return value.map((x) => visit(svc, el, x));
  }
  if (s.kind === 'map') {
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    const v = shapeOf(svc, s.v);
    const out = value as Record<string, unknown>;
    for (const k of Object.keys(out)) out[k] = visit(svc, v, out[k]);
    return out;
  }
  if (typeof value !== 'string') {
    if (s.type === 'boolean') throw new PythonError(`'${pyTypeName(value)}' object has no attribute 'lower'`);
    return s.type === 'string' || s.type === 'timestamp' || s.type === 'blob' ? value : scalar(s, value);
  }
  if (s.type === 'boolean') return value.toLowerCase() === 'true' ? true : value.toLowerCase() === 'false' ? false : value;
  return scalar(s, value);
}

function shorthandArg(svc: ServiceModel, s: Shape, value: string | string[], option: string): unknown {
  // A structure of one string member `Value` takes the bare value (the CLI's special case).
  if (s.kind === 'structure' && typeof value === 'string' && !value.includes('=')) {
    const keys = Object.keys(s.m);
    if (keys.length === 1 && keys[0] === 'Value' && s.m.Value === 's') return { Value: value };
  }
  try {
    const parsed = Array.isArray(value) ? value.map(parseShorthand) : parseShorthand(value);
    return visit(svc, s, parsed);
  } catch (e) {
    if (e instanceof ShorthandError) throw new ParamError(option, e.message);
    throw e;
  }
}

/** The CLI's unpack_cli_arg: JSON for complex shapes and documents, int()/float() for numbers, the text for the rest. */
function unpackCli(svc: ServiceModel, s: Shape, value: string | string[] | unknown, option: string): unknown {
  if (s.kind === 'structure' && s.doc) return jsonArg(String(value), option);
  if (s.kind === 'scalar') return scalar(s, value);
  if (s.kind === 'structure' || s.kind === 'map') {
    const text = String(value);
    const first = text.trimStart()[0];
    if (first === undefined) throw new PythonError('string index out of range');
    if (first === '{') return jsonArg(text, option);
    throw new ParamError(option, `Invalid JSON:\n${text}`);
  }
  if (typeof value === 'string') {
    const first = value.trimStart()[0];
    if (first === undefined) throw new PythonError('string index out of range');
    if (first === '[') return jsonArg(value, option);
  } else if (Array.isArray(value) && value.length === 1 && value[0]!.trim().startsWith('[')) return jsonArg(value[0]!, option);
  const el = shapeOf(svc, s.e);
  // A string's characters, as Python iterates a string it expected to be a list.
  const items: string[] = typeof value === 'string' ? [...value] : (value as string[]);
  try {
    return items.map((v) => unpackCli(svc, el, v, option));
  } catch (e) {
    if (e instanceof PythonError) throw new ParamError(option, items[0] ?? '');
    throw e;
  }
}

/** One argument's value as its request member: the paramfile, then shorthand or the CLI's own unpacking. */
export function unpackArgument(svc: ServiceModel, s: Shape, raw: ArgValue, option: string, files: Record<string, string>): unknown {
  if (typeof raw === 'boolean' || typeof raw === 'number') return s.kind === 'scalar' ? scalar(s, raw) : raw;
  const single = Array.isArray(raw) && raw.length === 1 ? raw[0]! : raw;
  const fromFile = typeof single === 'string' ? paramFile(single, option, files) : undefined;
  const value: string | string[] = fromFile ?? (raw as string | string[]);
  const check = Array.isArray(value) ? value[0] : value;
  const looksJson = typeof check === 'string' && /^\s*[[{]/.test(check);
  if (!looksJson && takesShorthand(svc, s) && !(Array.isArray(value) && value.length === 0)) return shorthandArg(svc, s, value, option);
  return unpackCli(svc, s, value, option);
}
