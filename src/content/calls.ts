import type { Sim } from '../sim';
import { getPath } from './paths';

/** One request and what came back: the API response, or the error as `{ code, message }`. */
export interface CallRecord {
  at: number;
  call: string;
  id?: string;
  input: Record<string, unknown>;
  output?: unknown;
  error?: { code: string; message: string };
}

/** What a reference's value goes through: `|base64` (decoded), then `|after:<text>` (the part after the first <text>). */
interface Tail {
  base64?: boolean;
  after?: string;
}

/** A `${…}` reference as written: what it names, and the `|base64` and `|after:<text>` it may end in. */
export type Ref =
  ({ kind: 'ci'; instance: string } & Tail) | ({ kind: 'task'; n: number } & Tail) | ({ kind: 'taskIp'; n: number } & Tail) | ({ kind: 'call'; key: string; path?: string } & Tail) | { kind: 'bad'; message: string } | { kind: 'other' };

export const REF_KINDS = ['ci', 'task', 'taskIp', 'call'] as const;

/** Reads the text between `${` and `}`. Other `${NAME}` texts (shell variables in a command, say) are not references. */
export function parseRef(full: string): Ref {
  const bar = full.indexOf('|after:');
  const after = bar >= 0 ? full.slice(bar + '|after:'.length) : undefined;
  const named = bar >= 0 ? full.slice(0, bar) : full;
  const base64 = named.endsWith('|base64');
  const ref = base64 ? named.slice(0, -'|base64'.length) : named;
  const colon = ref.indexOf(':');
  const kind = colon < 0 ? ref : ref.slice(0, colon);
  const rest = colon < 0 ? '' : ref.slice(colon + 1);
  const tail: Tail = { ...(base64 ? { base64 } : {}), ...(after !== undefined ? { after } : {}) };
  if (!(REF_KINDS as readonly string[]).includes(kind) || colon < 0) {
    return (REF_KINDS as readonly string[]).includes(kind) ? { kind: 'bad', message: `\${${full}}: give ${usage(kind)}` } : { kind: 'other' };
  }
  if (after === '') return { kind: 'bad', message: `\${${full}}: |after: needs the text to cut after` };
  if (kind === 'ci') return rest ? { kind: 'ci', instance: rest, ...tail } : { kind: 'bad', message: `\${${full}}: give ${usage(kind)}` };
  if (kind === 'task' || kind === 'taskIp') {
    if (!/^\d{1,6}$/.test(rest)) return { kind: 'bad', message: `\${${full}}: give ${usage(kind)}` };
    return kind === 'task' ? { kind, n: Number(rest), ...tail } : { kind, n: Number(rest), ...tail };
  }
  const dot = rest.indexOf('.');
  const key = dot < 0 ? rest : rest.slice(0, dot);
  if (!key) return { kind: 'bad', message: `\${${full}}: give ${usage(kind)}` };
  return { kind: 'call', key, ...(dot >= 0 ? { path: rest.slice(dot + 1) } : {}), ...tail };
}

function usage(kind: string): string {
  if (kind === 'ci') return '${ci:<ec2InstanceId>}, such as ${ci:i-1}';
  if (kind === 'task') return "${task:<n>} with n the task's place in creation order (0, 1, …)";
  if (kind === 'taskIp') return "${taskIp:<n>} with n the task's place in creation order (0, 1, …)";
  return '${call:<id or index>.<path>}, such as ${call:run.tasks[0].taskArn}';
}

/** Every `${…}` text in the strings of a value, with the path of the string it is in. */
export function refsIn(value: unknown, path: (string | number)[] = [], out: { path: (string | number)[]; text: string }[] = []): typeof out {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/\$\{([^}]+)\}/g)) out.push({ path, text: m[1]! });
  } else if (Array.isArray(value)) value.forEach((v, i) => refsIn(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) refsIn(v, [...path, k], out);
  return out;
}

/** The call a reference or an expectation names: by its index in the scenario, or by its id; undefined until it has run. */
export function callNamed(calls: readonly (CallRecord | undefined)[], key: string | number): CallRecord | undefined {
  if (typeof key === 'number' || /^\d+$/.test(key)) {
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < calls.length ? calls[i] : undefined;
  }
  for (const c of calls) if (c !== undefined && c.id === key) return c;
  return undefined;
}

function resolveOne(sim: Sim, full: string, calls: readonly (CallRecord | undefined)[]): unknown {
  const r = parseRef(full);
  let v: unknown;
  if (r.kind === 'other' || r.kind === 'bad') return `\${${full}}`;
  const w = sim.world;
  if (r.kind === 'ci') v = Object.hasOwn(w.ec2, r.instance) ? (w.ec2[r.instance]!.containerInstanceArn ?? `unresolved-container-instance-${r.instance}`) : `unresolved-container-instance-${r.instance}`;
  else if (r.kind === 'task') v = w.taskOrder[r.n] ?? `unresolved-task-${r.n}`;
  else if (r.kind === 'taskIp') {
    const arn = w.taskOrder[r.n];
    v = (arn !== undefined && Object.hasOwn(w.tasks, arn) ? w.tasks[arn]!.privateIp : undefined) ?? `unresolved-task-ip-${r.n}`;
  } else {
    const rec = callNamed(calls, r.key);
    v = r.path === undefined ? rec?.output : getPath(rec?.output, r.path);
  }
  // An ECR authorization token is base64 of "AWS:<password>": `|base64|after:AWS:` is the password docker login takes.
  if (r.base64) v = typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? atob(v) : `unresolved-${full}`;
  if (r.after === undefined) return v;
  const i = typeof v === 'string' ? v.indexOf(r.after) : -1;
  return i < 0 ? `unresolved-${full}` : (v as string).slice(i + r.after.length);
}

/**
 * Substitutes ${ci:<ec2InstanceId>}, ${task:<n>}, ${taskIp:<n>} and ${call:<id|index>.<path>} in a call's input.
 * A reference may end in `|after:<text>`: the part of the value after the first <text> (for example the
 * `app/<name>/<id>` of a load balancer ARN, which a ResourceLabel is built from), after `|base64` if it has it (the
 * value decoded: `${call:token.authorizationData[0].authorizationToken|base64|after:AWS:}` is the password of an ECR
 * authorization token, which docker login takes). A reference to a call that has
 * not run resolves to nothing; it never throws (the scenario file is checked for such references before it runs).
 */
export function resolveRefs(sim: Sim, value: unknown, calls: readonly (CallRecord | undefined)[]): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) return resolveOne(sim, whole[1]!, calls);
    return value.replace(/\$\{([^}]+)\}/g, (_, r: string) => String(resolveOne(sim, r, calls)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(sim, v, calls));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(sim, v, calls)]));
  }
  return value;
}
