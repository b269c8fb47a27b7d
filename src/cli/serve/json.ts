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
