import { fileError, withForm, type Problem, type ProblemForm, type Said } from '../../formats/problem';
import { say } from '../../formats/diagnostics';
import type { Focus } from './types';

const FOCUS_KINDS = ['local', 'cluster', 'service', 'loadBalancer'];

/** Reads a focus member; a problem names the member. */
export function readFocus(v: unknown, member: string): { focus?: Focus; problem?: { member: string; message: string; readonly form?: ProblemForm } } {
  if (v === undefined) return {};
  const bad = (m: string, said: Said) => ({ problem: withForm({ member: m, message: said.message }, said.form) });
  const f = v as { kind?: unknown; name?: unknown; loadBalancer?: unknown } | null;
  if (!f || typeof f !== 'object' || Array.isArray(f)) return bad(member, say('problem.focus.shape'));
  const extra = Object.keys(f).find((k) => k !== 'kind' && k !== 'name' && k !== 'loadBalancer');
  if (extra) return bad(`${member}.${extra}`, say('problem.lesson.unknownMember', { member: extra }));
  if (!FOCUS_KINDS.includes(f.kind as string)) return bad(`${member}.kind`, say('problem.focus.kind', { kinds: FOCUS_KINDS.join(', ') }));
  if (f.name !== undefined && (typeof f.name !== 'string' || !f.name)) return bad(`${member}.name`, say('problem.focus.name'));
  if (f.kind === 'service' && f.name === undefined) return bad(`${member}.name`, say('problem.focus.service'));
  if (f.kind === 'local' && f.name !== undefined) return bad(`${member}.name`, say('problem.focus.local'));
  if (f.loadBalancer !== undefined && f.kind !== 'cluster') return bad(`${member}.loadBalancer`, say('problem.focus.loadBalancerCluster'));
  if (f.loadBalancer !== undefined && (typeof f.loadBalancer !== 'string' || !f.loadBalancer)) return bad(`${member}.loadBalancer`, say('problem.focus.loadBalancer'));
  return { focus: { kind: f.kind as Focus['kind'], ...(f.name !== undefined ? { name: f.name as string } : {}), ...(f.loadBalancer !== undefined ? { loadBalancer: f.loadBalancer as string } : {}) } };
}

/** A file's focus member as `{ focus }` to spread into what is read (or nothing), its problem added to `problems`. */
export function focusMember(v: unknown, member: string, file: string, at: () => { line: number; column: number }, problems: Problem[]): { focus?: Focus } {
  const r = readFocus(v, member);
  if (r.problem) problems.push(fileError(file, at(), r.problem.member, r.problem.form ? { message: r.problem.message, form: r.problem.form } : r.problem.message));
  return r.focus ? { focus: r.focus } : {};
}
