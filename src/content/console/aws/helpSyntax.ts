import { membersOf, shapeOf, type ServiceModel, type Shape } from './model';

/**
 * The "Shorthand Syntax" and "JSON Syntax" blocks of an option's help, generated from the model as the CLI
 * generates them (its ParamShorthandDocGen and JSON syntax writer): member names with their types, enums as
 * their values, recursion and depth cut short.
 */

type Enums = Record<string, string[]>;

const scalarWord = (type: string) => (type === 'boolean' ? 'true|false' : type);

function enumOf(enums: Enums, where: string): string[] | undefined {
  return Object.hasOwn(enums, where) ? enums[where] : undefined;
}

/** JSON syntax lines for a shape, at `indent` spaces. */
export function jsonSyntax(svc: ServiceModel, s: Shape, enums: Enums, where = '', indent = 0, stack: number[] = []): string {
  const pad = ' '.repeat(indent + 2);
  if (s.kind === 'scalar') {
    const e = enumOf(enums, where);
    return e ? e.map((x) => `"${x}"`).join('|') : s.type === 'string' ? '"string"' : scalarWord(s.type);
  }
  if (stack.includes(s.ref) || stack.length > 4) return '{ ... recursive ... }';
  const next = [...stack, s.ref];
  if (s.kind === 'structure') {
    if (s.doc) return '{...}';
    const lines = membersOf(svc, s).map(([k, ms]) => `${pad}"${k}": ${jsonSyntax(svc, ms, enums, `${s.ref}.${k}`, indent + 2, next)}`);
    return `{\n${lines.join(',\n')}\n${' '.repeat(indent)}}`;
  }
  if (s.kind === 'list') {
    const el = shapeOf(svc, s.e);
    const one = jsonSyntax(svc, el, enums, el.kind === 'scalar' ? where || `${s.ref}[]` : '', indent + 2, next);
    return el.kind === 'scalar' ? `[${one}, ...]` : `[\n${pad}${one}\n${pad}...\n${' '.repeat(indent)}]`;
  }
  const v = jsonSyntax(svc, shapeOf(svc, s.v), enums, '', indent + 2, next);
  return `{"string": ${v}\n${pad}...}`;
}

class TooComplex extends Error {}

function shorthandDocs(svc: ServiceModel, s: Shape, stack: number[]): string {
  if (stack.length > 3) throw new TooComplex();
  if (s.kind === 'scalar') return s.type;
  if (s.kind === 'structure') {
    const parts = membersOf(svc, s)
      .filter(([, ms]) => !(ms.kind === 'structure' && ms.doc))
      .map(([k, ms]) => (ms.kind !== 'scalar' && stack.includes(ms.ref) ? `${k}=( ... recursive ... )` : `${k}=${shorthandDocs(svc, ms, ms.kind === 'scalar' ? stack : [...stack, ms.ref])}`));
    return stack.length ? `{${parts.join(',')}}` : parts.join(',');
  }
  if (s.kind === 'list') {
    const el = shapeOf(svc, s.e);
    const docs = shorthandDocs(svc, el, el.kind === 'scalar' ? stack : [...stack, el.ref]);
    return el.kind !== 'scalar' || stack.length > 1 ? `[${docs},${docs}]` : `${docs},${docs}`;
  }
  const v = shorthandDocs(svc, shapeOf(svc, s.v), stack);
  const start = `KeyName1=${v},KeyName2=${v}`;
  return stack.length ? `{${start}}` : start;
}

/** The shorthand example the CLI prints for an option of this shape, or undefined when it has none. */
export function shorthandExample(svc: ServiceModel, s: Shape): string | undefined {
  if (s.kind === 'scalar' || (s.kind === 'structure' && s.doc)) return undefined;
  if (s.kind === 'list' && shapeOf(svc, s.e).kind === 'scalar') return undefined;
  if (s.kind === 'structure') {
    const keys = Object.keys(s.m);
    if (keys.length === 1 && keys[0] === 'Value' && s.m.Value === 's') return undefined;
  }
  try {
    if (s.kind === 'list') {
      const el = shapeOf(svc, s.e);
      return `${shorthandDocs(svc, el, el.kind === 'scalar' ? [] : [])} ...`;
    }
    return shorthandDocs(svc, s, []);
  } catch (e) {
    if (e instanceof TooComplex) return '';
    throw e;
  }
}
