import * as jmespath from 'jmespath';
import { memberShape, shapeOf, type ServiceModel, type Shape } from './model';

/**
 * What a --query gives, in the model's terms, as far as the expression shows it: a double member (which the CLI
 * prints as 75.0), or a list of them. Objects in a query's result keep their own notes (they are the response's
 * own objects); a bare number does not, so its type is read from the expression and the output shape.
 */

interface Node {
  type: string;
  name?: string;
  children?: (Node | number | null)[];
}

type Typed = Shape | { kind: 'listOf'; of: Typed | undefined } | undefined;

const isDouble = (t: Typed) => t?.kind === 'scalar' && (t.type === 'double' || t.type === 'float');

function element(svc: ServiceModel, t: Typed): Typed {
  if (t?.kind === 'list') return shapeOf(svc, t.e);
  if (t?.kind === 'listOf') return t.of;
  return undefined;
}

function field(svc: ServiceModel, t: Typed, name: string): Typed {
  if (t?.kind === 'structure') return memberShape(svc, t, name);
  if (t?.kind === 'map') return shapeOf(svc, t.v);
  return undefined;
}

function walk(svc: ServiceModel, n: Node, t: Typed): Typed {
  const kids = (n.children ?? []).filter((c): c is Node => typeof c === 'object' && c !== null);
  switch (n.type) {
    case 'Field':
      return field(svc, t, n.name ?? '');
    case 'Identity':
    case 'Current':
      return t;
    case 'Subexpression':
    case 'Pipe':
    case 'IndexExpression':
      return walk(svc, kids[1]!, walk(svc, kids[0]!, t));
    case 'Index':
      return element(svc, t);
    case 'Slice':
      return t;
    case 'Flatten': {
      const inner = walk(svc, kids[0]!, t);
      const el = element(svc, inner);
      return el?.kind === 'list' || el?.kind === 'listOf' ? { kind: 'listOf', of: element(svc, el) } : inner;
    }
    case 'Projection':
    case 'FilterProjection':
      return { kind: 'listOf', of: walk(svc, kids[1]!, element(svc, walk(svc, kids[0]!, t))) };
    case 'ValueProjection': {
      const left = walk(svc, kids[0]!, t);
      return { kind: 'listOf', of: walk(svc, kids[1]!, left?.kind === 'map' ? shapeOf(svc, left.v) : undefined) };
    }
    case 'Function': {
      const arg = kids[0] ? walk(svc, kids[0], t) : undefined;
      if (['max', 'min', 'sum'].includes(n.name ?? '') && isDouble(element(svc, arg))) return element(svc, arg);
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether a query's result is doubles, by the output shape: how deep in lists they sit (0 for a double itself, 1
 * for a list of doubles, 2 for a list of such lists), undefined when it is not.
 */
export function queryFloats(expression: string, svc: ServiceModel | undefined, output: Shape | undefined): number | undefined {
  if (!svc || !output) return undefined;
  let t: Typed;
  try {
    t = walk(svc, jmespath.compile(expression) as Node, output);
  } catch {
    return undefined;
  }
  for (let depth = 0; t; depth++, t = element(svc, t)) if (isDouble(t)) return depth;
  return undefined;
}
