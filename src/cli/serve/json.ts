import { ref, type ServiceModel } from './model';

/**
 * AWS JSON 1.0/1.1 responses written from an engine output by the operation's output shape: only the
 * model's members, in model order; timestamps as epoch seconds; doubles with a decimal point (`50.0`, as
 * AWS sends them, so that the CLI prints them as it prints AWS's); documents as they are.
 */
export function jsonBody(svc: ServiceModel, shape: string | undefined, value: unknown): string {
  if (!shape) return '{}';
  return writeJson(svc, shape, value) ?? '{}';
}

/** Epoch seconds of an engine timestamp (epoch seconds already, or an ISO 8601 string). */
export function epochSeconds(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}

function writeJson(svc: ServiceModel, name: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = svc.shapes[name];
  if (!s) return undefined;
  switch (s.t) {
    case 'structure': {
      if (typeof v !== 'object' || Array.isArray(v)) return undefined;
      if (s.doc) return JSON.stringify(v);
      const parts: string[] = [];
      for (const [member, r] of Object.entries(s.m ?? {})) {
        const w = writeJson(svc, ref(r).s, (v as Record<string, unknown>)[member]);
        if (w !== undefined) parts.push(`${JSON.stringify(member)}:${w}`);
      }
      return `{${parts.join(',')}}`;
    }
    case 'list':
      if (!Array.isArray(v)) return undefined;
      return `[${v.flatMap((x) => writeJson(svc, s.e!, x) ?? []).join(',')}]`;
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return undefined;
      const parts = Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => {
        const w = writeJson(svc, s.v!, x);
        return w === undefined ? [] : [`${JSON.stringify(k)}:${w}`];
      });
      return `{${parts.join(',')}}`;
    }
    case 'timestamp': {
      const t = epochSeconds(v);
      return t === undefined ? undefined : String(t);
    }
    case 'double':
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      return Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v);
    case 'integer':
    case 'long':
      return typeof v === 'number' && Number.isFinite(v) ? String(Math.trunc(v)) : undefined;
    case 'boolean':
      return typeof v === 'boolean' ? String(v) : undefined;
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? JSON.stringify(String(v)) : undefined;
  }
}

/**
 * The first member of a JSON request that does not have its shape's type (a list given as a number), as
 * AWS's SerializationException says it; undefined when every member fits. Members outside the model pass
 * (the engine's own validation answers them).
 */
export function jsonInputProblem(svc: ServiceModel, name: string, v: unknown, path = ''): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = svc.shapes[name];
  if (!s) return undefined;
  const wrong = (what: string) => `${path || 'The request'}: expected ${what}, found ${Array.isArray(v) ? 'a list' : typeof v}.`;
  switch (s.t) {
    case 'structure':
      if (typeof v !== 'object' || Array.isArray(v)) return wrong('a structure');
      if (s.doc) return undefined;
      for (const [member, r] of Object.entries(s.m ?? {})) {
        const p = jsonInputProblem(svc, ref(r).s, (v as Record<string, unknown>)[member], path ? `${path}.${member}` : member);
        if (p) return p;
      }
      return undefined;
    case 'list':
      if (!Array.isArray(v)) return wrong('a list');
      for (let i = 0; i < v.length; i++) {
        const p = jsonInputProblem(svc, s.e!, v[i], `${path}[${i}]`);
        if (p) return p;
      }
      return undefined;
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return wrong('a map');
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const p = jsonInputProblem(svc, s.v!, x, `${path}.${k}`);
        if (p) return p;
      }
      return undefined;
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return typeof v === 'number' ? undefined : wrong('a number');
    case 'boolean':
      return typeof v === 'boolean' ? undefined : wrong('a boolean');
    case 'timestamp':
      return typeof v === 'number' || typeof v === 'string' ? undefined : wrong('a timestamp');
    default:
      return typeof v === 'string' ? undefined : wrong('a string');
  }
}
