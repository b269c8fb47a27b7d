import data from './shapes.json';

/** A member reference: its shape, and how the wire names it (locationName, EC2's queryName, flattened). */
export interface MemberRef {
  s: string;
  n?: string;
  q?: string;
  f?: boolean;
  tf?: string;
}

/** A shape as the wire formats need it (scripts/gen-serve-shapes.ts derives them from the botocore models). */
export interface Shape {
  t: string;
  /** structure members, in model order */
  m?: Record<string, string | MemberRef>;
  /** list member shape and its element name */
  e?: string;
  n?: string;
  /** map key and value shapes and their element names */
  k?: string;
  v?: string;
  kn?: string;
  vn?: string;
  f?: boolean;
  tf?: string;
  doc?: boolean;
}

export interface ServiceModel {
  /** botocore's service name: ecs, elbv2, cloudwatch, … */
  name: string;
  /** the engine's namespace: ecs, elbv2, applicationautoscaling, … */
  namespace: string;
  protocols: string[];
  apiVersion: string;
  signingName: string;
  targetPrefix?: string;
  jsonVersion?: string;
  xmlNamespace?: string;
  queryCompatible?: boolean;
  operations: Record<string, { i?: string; o?: string; w?: string }>;
  shapes: Record<string, Shape>;
}

const raw = data as unknown as { services: Record<string, Omit<ServiceModel, 'name'>> };

export const SERVICES: ServiceModel[] = Object.entries(raw.services).map(([name, s]) => ({ name, ...s }));

/** A member reference with its shape name spelled out. */
export function ref(r: string | MemberRef): MemberRef {
  return typeof r === 'string' ? { s: r } : r;
}

/** The service a JSON request's X-Amz-Target prefix names. */
export function serviceByTarget(prefix: string): ServiceModel | undefined {
  return SERVICES.find((s) => s.targetPrefix === prefix && s.protocols.includes('json'));
}

/** The service a query request names by its Version, or failing that by its SigV4 signing name. */
export function serviceByQuery(version: string | undefined, signingName: string | undefined): ServiceModel | undefined {
  const query = SERVICES.filter((s) => s.protocols.includes('query') || s.protocols.includes('ec2'));
  return (
    query.find((s) => s.apiVersion === version && (!signingName || s.signingName === signingName)) ?? query.find((s) => s.apiVersion === version) ?? (version === undefined ? query.find((s) => s.signingName === signingName) : undefined)
  );
}

export function serviceByName(name: string): ServiceModel | undefined {
  return SERVICES.find((s) => s.name === name);
}
