import type { Sim } from '../sim';
import { getPath } from './expect';

/** One request and what came back: the API response, or the error as `{ code, message }`. */
export interface CallRecord {
  at: number;
  call: string;
  id?: string;
  input: Record<string, unknown>;
  output?: unknown;
  error?: { code: string; message: string };
}

/**
 * Substitutes ${ci:<ec2InstanceId>}, ${task:<n>}, ${taskIp:<n>} and ${call:<id|index>.<path>} in a call's input.
 * A reference may end in `|after:<text>`: the part of the value after the first <text> (for example the
 * `app/<name>/<id>` of a load balancer ARN, which a ResourceLabel is built from).
 */
export function resolveRefs(sim: Sim, value: unknown, calls: CallRecord[]): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    const sub = (full: string): unknown => {
      const bar = full.indexOf('|after:');
      if (bar >= 0) {
        const v = sub(full.slice(0, bar));
        const marker = full.slice(bar + '|after:'.length);
        const i = typeof v === 'string' ? v.indexOf(marker) : -1;
        return i < 0 ? `unresolved-${full}` : (v as string).slice(i + marker.length);
      }
      const ref = full;
      const [kind, rest = ''] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
      if (kind === 'ci') return sim.world.ec2[rest]?.containerInstanceArn ?? `unresolved-container-instance-${rest}`;
      if (kind === 'task') return sim.world.taskOrder[Number(rest)] ?? `unresolved-task-${rest}`;
      if (kind === 'taskIp') return sim.world.tasks[sim.world.taskOrder[Number(rest)] ?? '']?.privateIp ?? `unresolved-task-ip-${rest}`;
      if (kind === 'call') {
        const dot = rest.indexOf('.');
        const key = dot < 0 ? rest : rest.slice(0, dot);
        const rec = /^\d+$/.test(key) ? calls[Number(key)] : calls.find((c) => c.id === key);
        return dot < 0 ? rec?.output : getPath(rec?.output, rest.slice(dot + 1));
      }
      return `\${${ref}}`;
    };
    if (whole) return sub(whole[1]!);
    return value.replace(/\$\{([^}]+)\}/g, (_, r: string) => String(sub(r)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(sim, v, calls));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(sim, v, calls)]));
  }
  return value;
}
