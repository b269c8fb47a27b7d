import { fileError, type Problem } from '../../formats/problem';
import type { Focus } from './types';

const FOCUS_KINDS = ['local', 'cluster', 'service', 'loadBalancer'];

/** Reads a focus member; a problem names the member. */
export function readFocus(v: unknown, member: string): { focus?: Focus; problem?: { member: string; message: string } } {
  if (v === undefined) return {};
  const bad = (m: string, message: string) => ({ problem: { member: m, message } });
  const f = v as { kind?: unknown; name?: unknown; loadBalancer?: unknown } | null;
  if (!f || typeof f !== 'object' || Array.isArray(f)) return bad(member, 'expected { kind, name }');
  const extra = Object.keys(f).find((k) => k !== 'kind' && k !== 'name' && k !== 'loadBalancer');
  if (extra) return bad(`${member}.${extra}`, `unknown member '${extra}'`);
  if (!FOCUS_KINDS.includes(f.kind as string)) return bad(`${member}.kind`, `expected one of ${FOCUS_KINDS.join(', ')}`);
  if (f.name !== undefined && (typeof f.name !== 'string' || !f.name)) return bad(`${member}.name`, 'expected a name');
  if (f.kind === 'service' && f.name === undefined) return bad(`${member}.name`, 'a service focus names the service');
  if (f.kind === 'local' && f.name !== undefined) return bad(`${member}.name`, 'the local host has no name');
  if (f.loadBalancer !== undefined && f.kind !== 'cluster') return bad(`${member}.loadBalancer`, 'only a cluster focus frames a load balancer beside it');
  if (f.loadBalancer !== undefined && (typeof f.loadBalancer !== 'string' || !f.loadBalancer)) return bad(`${member}.loadBalancer`, "expected a load balancer's name");
  return { focus: { kind: f.kind as Focus['kind'], ...(f.name !== undefined ? { name: f.name as string } : {}), ...(f.loadBalancer !== undefined ? { loadBalancer: f.loadBalancer as string } : {}) } };
}

/** A file's focus member as `{ focus }` to spread into what is read (or nothing), its problem added to `problems`. */
export function focusMember(v: unknown, member: string, file: string, at: () => { line: number; column: number }, problems: Problem[]): { focus?: Focus } {
  const r = readFocus(v, member);
  if (r.problem) problems.push(fileError(file, at(), r.problem.member, r.problem.message));
  return r.focus ? { focus: r.focus } : {};
}
