import { epochSeconds } from './json';
import { ref, type MemberRef, type ServiceModel, type Shape } from './model';

/**
 * The query protocol (ELBv2, CloudWatch, EC2 Auto Scaling) and EC2's flavour of it: form-encoded
 * requests read back into the engine's JSON input by the operation's input shape, and XML responses
 * written from the engine's output by the output shape (lists as `member` elements, or EC2's `item`,
 * timestamps in ISO 8601, errors as <ErrorResponse> or EC2's <Response><Errors>).
 */

/** A request parameter that does not fit its shape (a count that is not a number): AWS answers 400. */
export class QueryInputError extends Error {}

type Params = Map<string, string>;

/** The name a member goes by on input: the query protocol's locationName, EC2's queryName or capitalised locationName. */
function inputName(r: MemberRef, member: string, ec2: boolean): string {
  if (ec2) return r.q ?? (r.n ? r.n[0]!.toUpperCase() + r.n.slice(1) : member);
  return r.n ?? member;
}

/** The indices N present under `prefix.N…`, in numeric order. */
function indices(params: Params, prefix: string): number[] {
  const found = new Set<number>();
  const head = `${prefix}.`;
  for (const key of params.keys()) {
    if (!key.startsWith(head)) continue;
    const seg = key.slice(head.length).split('.', 1)[0]!;
    if (/^\d+$/.test(seg)) found.add(Number(seg));
  }
  return [...found].sort((a, b) => a - b);
}

function decode(svc: ServiceModel, name: string, prefix: string, params: Params, ec2: boolean, flattened = false): unknown {
  const s = svc.shapes[name];
  if (!s) return undefined;
  switch (s.t) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [member, raw] of Object.entries(s.m ?? {})) {
        const r = ref(raw);
        const key = inputName(r, member, ec2);
        const v = decode(svc, r.s, prefix ? `${prefix}.${key}` : key, params, ec2, r.f);
        if (v !== undefined) out[member] = v;
      }
      return Object.keys(out).length || params.get(prefix) === '' ? out : undefined;
    }
    case 'list': {
      if (params.get(prefix) === '') return [];
      const items = ec2 || flattened || s.f ? prefix : `${prefix}.${s.n ?? 'member'}`;
      const found = indices(params, items);
      return found.length ? found.map((i) => decode(svc, s.e!, `${items}.${i}`, params, ec2)) : undefined;
    }
    case 'map': {
      const entries = flattened || s.f ? prefix : `${prefix}.entry`;
      const found = indices(params, entries);
      if (!found.length) return undefined;
      return Object.fromEntries(found.map((i) => [String(decode(svc, s.k!, `${entries}.${i}.${s.kn ?? 'key'}`, params, ec2)), decode(svc, s.v!, `${entries}.${i}.${s.vn ?? 'value'}`, params, ec2)]));
    }
    default:
      return scalar(s, prefix, params.get(prefix));
  }
}

function scalar(s: Shape, key: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const bad = () => new QueryInputError(`Value '${text}' at '${key}' failed to satisfy constraint: Member must be of type ${s.t}`);
  switch (s.t) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(text.trim())) throw bad();
      return Number(text);
    case 'double':
    case 'float': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw bad();
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw bad();
      return text === 'true';
    case 'timestamp': {
      const t = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : epochSeconds(text);
      if (t === undefined) throw bad();
      return t;
    }
    default:
      return text;
  }
}

/** The engine input of a query request: its parameters read by the input shape (Action and Version aside). */
export function decodeQuery(svc: ServiceModel, shape: string | undefined, params: Params): Record<string, unknown> {
  if (!shape) return {};
  return (decode(svc, shape, '', params, svc.protocols.includes('ec2')) as Record<string, unknown> | undefined) ?? {};
}

/** Text content escaped for XML (no attribute carries a value from a request or the engine). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(tag: string, content: string): string {
  return `<${tag}>${content}</${tag}>`;
}

/** The XML content of a value of shape `name`, or undefined when the value does not fit it (it is then not sent). */
function encode(svc: ServiceModel, name: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = svc.shapes[name];
  if (!s) return undefined;
  switch (s.t) {
    case 'structure':
      return typeof v === 'object' && !Array.isArray(v) ? members(svc, s, v as Record<string, unknown>) : undefined;
    case 'list':
      return Array.isArray(v)
        ? v
            .map((x) => encode(svc, s.e!, x))
            .flatMap((x) => (x === undefined ? [] : [element(s.n ?? 'member', x)]))
            .join('')
        : undefined;
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return undefined;
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => element('entry', element(s.kn ?? 'key', escapeXml(k)) + element(s.vn ?? 'value', encode(svc, s.v!, x) ?? '')))
        .join('');
    case 'timestamp': {
      const t = epochSeconds(v);
      return t === undefined ? undefined : new Date(Math.round(t * 1000)).toISOString();
    }
    case 'boolean':
      return typeof v === 'boolean' ? String(v) : undefined;
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? escapeXml(String(v)) : undefined;
  }
}

/** A structure's members in model order, each under its locationName (a flattened list: one element per item). */
function members(svc: ServiceModel, s: Shape, v: Record<string, unknown>): string {
  let out = '';
  for (const [member, raw] of Object.entries(s.m ?? {})) {
    const r = ref(raw);
    const ms = svc.shapes[r.s];
    const tag = r.n ?? member;
    const value = v[member];
    if ((r.f || ms?.f) && ms?.t === 'list' && Array.isArray(value)) {
      for (const x of value) {
        const c = encode(svc, ms.e!, x);
        if (c !== undefined) out += element(ms.n ?? tag, c);
      }
      continue;
    }
    const c = encode(svc, r.s, value);
    if (c !== undefined) out += element(tag, c);
  }
  return out;
}

/** A successful query response: <OpResponse><OpResult>…</OpResult><ResponseMetadata>, or EC2's <OpResponse><requestId>…. */
export function queryResponse(svc: ServiceModel, operation: string, output: unknown, requestId: string): string {
  const op = svc.operations[operation];
  const ns = `${svc.xmlNamespace ?? ''}${svc.xmlNamespace?.endsWith('/') ? '' : '/'}`;
  const body = op?.o ? (encode(svc, op.o, output ?? {}) ?? '') : '';
  if (svc.protocols.includes('ec2')) {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${ns}">${element('requestId', requestId)}${body}</${operation}Response>`;
  }
  const result = op?.o ? element(op.w ?? `${operation}Result`, body) : '';
  return `<${operation}Response xmlns="${ns}">${result}${element('ResponseMetadata', element('RequestId', requestId))}</${operation}Response>`;
}

/** A query error: <ErrorResponse><Error><Type>Sender|Receiver</Type><Code>…, or EC2's <Response><Errors><Error>…. */
export function queryError(svc: ServiceModel | undefined, code: string, message: string, requestId: string, server: boolean): string {
  const error = element('Code', escapeXml(code)) + element('Message', escapeXml(message));
  if (svc?.protocols.includes('ec2')) {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${element('Errors', element('Error', error))}${element('RequestID', requestId)}</Response>`;
  }
  const ns = svc?.xmlNamespace ? ` xmlns="${svc.xmlNamespace}"` : '';
  return `<ErrorResponse${ns}>${element('Error', element('Type', server ? 'Receiver' : 'Sender') + error)}${element('RequestId', requestId)}</ErrorResponse>`;
}
