import data from './model.generated.json';

/**
 * The console's model of the AWS CLI (generated from the botocore models by scripts/gen-console-model.ts): for
 * each service the console runs, every operation's name, and for the operations the engine has their input and
 * output shapes, paginators and waiters. A member's shape is a string for a scalar (its type's letter and its
 * minimum: "s", "s1", "i0", "b", "T") or a number, its index in the service's shape table.
 */

export type Ref = string | number;
export interface StructShape {
  t: 'S';
  m: Record<string, Ref>;
  r?: string[];
  tok?: string[];
  doc?: 1;
  u?: 1;
}
export interface ListShape {
  t: 'L';
  e: Ref;
  min?: number;
  /** a scalar element's shape name */ n?: string;
}
export interface MapShape {
  t: 'M';
  k: Ref;
  v: Ref;
}
export type ComplexShape = StructShape | ListShape | MapShape;

/** Any shape, resolved: a scalar's type name and minimum, or the complex shape (with its index). */
export type Shape = { kind: 'scalar'; type: ScalarType; min?: number; ref: string } | (StructShape & { kind: 'structure'; ref: number }) | (ListShape & { kind: 'list'; ref: number }) | (MapShape & { kind: 'map'; ref: number });

export type ScalarType = 'string' | 'integer' | 'long' | 'boolean' | 'double' | 'float' | 'timestamp' | 'blob';

export interface Paginator {
  it: string | string[];
  ot: string | string[];
  rk: string | string[];
  lk?: string;
  mr?: string;
  nak?: string[];
}
export interface Acceptor {
  state: 'success' | 'failure' | 'retry';
  matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error';
  argument?: string;
  expected: unknown;
}
/** A waiter of the model; `acceptors` only where the engine has the operation it polls. */
export interface WaiterModel {
  op: string;
  delay?: number;
  max?: number;
  acceptors?: Acceptor[];
}
export interface OperationModel {
  i: number;
  o: number;
  p?: Paginator;
}

export interface ServiceModel {
  /** the engine's namespace */
  ns: string;
  protocol: string;
  /** every operation of the model (the CLI's choices), in the model's order */
  operations: string[];
  /** the operations the engine has */
  ops: Record<string, OperationModel>;
  shapes: ComplexShape[];
  waiters: Record<string, WaiterModel>;
}

const MODEL = data as unknown as { services: Record<string, ServiceModel> };

const SCALARS: Record<string, ScalarType> = { s: 'string', i: 'integer', l: 'long', b: 'boolean', d: 'double', f: 'float', T: 'timestamp', B: 'blob' };

/** The AWS CLI service names the console runs, in the order `aws help` lists them. */
export const SERVICE_NAMES: readonly string[] = Object.keys(MODEL.services);

export function serviceModel(cli: string): ServiceModel | undefined {
  return Object.hasOwn(MODEL.services, cli) ? MODEL.services[cli] : undefined;
}

/** The shape a reference names. */
export function shapeOf(svc: ServiceModel, ref: Ref): Shape {
  if (typeof ref === 'string') {
    const type = SCALARS[ref[0]!] ?? 'string';
    const min = ref.length > 1 ? Number(ref.slice(1)) : undefined;
    return { kind: 'scalar', type, ref, ...(min !== undefined ? { min } : {}) };
  }
  const s = svc.shapes[ref]!;
  if (s.t === 'S') return { ...s, kind: 'structure', ref };
  if (s.t === 'L') return { ...s, kind: 'list', ref };
  return { ...s, kind: 'map', ref };
}

/** A structure's members, as [name, shape] in the model's order. */
export function membersOf(svc: ServiceModel, s: StructShape): [string, Shape][] {
  return Object.entries(s.m).map(([k, r]) => [k, shapeOf(svc, r)]);
}

/** A structure member's shape, if the structure has the member. */
export function memberShape(svc: ServiceModel, s: StructShape, name: string): Shape | undefined {
  return Object.hasOwn(s.m, name) ? shapeOf(svc, s.m[name]!) : undefined;
}

export function inputShape(svc: ServiceModel, op: string): (StructShape & { kind: 'structure'; ref: number }) | undefined {
  const o = Object.hasOwn(svc.ops, op) ? svc.ops[op]! : undefined;
  if (!o || o.i < 0) return undefined;
  const s = shapeOf(svc, o.i);
  return s.kind === 'structure' ? s : undefined;
}

export function outputShape(svc: ServiceModel, op: string): (StructShape & { kind: 'structure'; ref: number }) | undefined {
  const o = Object.hasOwn(svc.ops, op) ? svc.ops[op]! : undefined;
  if (!o || o.o < 0) return undefined;
  const s = shapeOf(svc, o.o);
  return s.kind === 'structure' ? s : undefined;
}

/** botocore's xform_name(name, '-'): ListClusters → list-clusters, DescribeTargetGroupARNs → describe-target-group-arns. */
export function xform(name: string): string {
  if (name.includes('-')) return name;
  let n = name;
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  return n
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** A service's operation by its CLI name (list-clusters → ListClusters). */
export function operationNamed(svc: ServiceModel, cliName: string): string | undefined {
  return svc.operations.find((o) => xform(o) === cliName);
}
