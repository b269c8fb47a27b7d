import type { Sim } from '../../../sim';
import type { PlanRequest } from '../../../formats/copilot';
import { resolveRefs, type CallRecord } from '../../calls';
import type { CommandResult, ConsoleSession } from '../types';

export type Flags = Record<string, string | true>;

/** One copilot verb's view of the line and the workspace. */
export interface CopilotContext {
  sim: Sim;
  session: ConsoleSession;
  words: string[];
  flags: Flags;
}

export const str = (flags: Flags, k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);

export const fail = (m: string, more: Partial<CommandResult> = {}): CommandResult => ({ output: `✘ ${m}`, exitCode: 1, ...more });

export const needApp = (session: ConsoleSession): CommandResult | undefined => (session.copilot.app ? undefined : fail('could not find an application attached to this workspace: run copilot app init <name> first'));

/** A request of the command's own, recorded with what came back. */
export function record(sim: Sim, call: string, input: Record<string, unknown>): CallRecord {
  const r = sim.call(call, input);
  return { at: sim.now / 1000, call, input, ...(r.error ? { error: r.error } : { output: r.output }) };
}

/**
 * Runs requests in order, each able to use an earlier one's output through ${call:id.path}; stops at the first
 * refusal. Every request is kept in the workspace's calls (later deployments refer to them) and returned.
 */
export function execute(sim: Sim, session: ConsoleSession, requests: PlanRequest[]): { made: CallRecord[]; failed?: { text: string; error: { code: string; message: string } } } {
  const calls = session.copilot.calls;
  const made: CallRecord[] = [];
  for (const r of requests) {
    const input = resolveRefs(sim, r.input, calls) as Record<string, unknown>;
    const res = sim.call(r.call, input);
    sim.runUntil(sim.now);
    const rec: CallRecord = { at: sim.now / 1000, call: r.call, id: r.id, input, ...(res.error ? { error: res.error } : { output: res.output }) };
    calls.push(rec);
    made.push(rec);
    if (res.error) return { made, failed: { text: `${r.call} (${r.id}): ${res.error.code}: ${res.error.message}`, error: res.error } };
  }
  return { made };
}
