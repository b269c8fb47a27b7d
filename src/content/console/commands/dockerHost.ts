import type { Sim } from '../../../sim';

/** What a command on the local Docker host prints and its exit status. */
export type Printed = { output: string; exitCode: number };
export type DockerCall = (op: string, input: Record<string, unknown>) => { ok: true; out: Record<string, unknown> } | { ok: false; msg: string };

export const fail = (msg: string): Printed => ({ output: msg, exitCode: 1 });

/** An operation on the world's local Docker host (docker.Build, docker.Run, …). */
export const dockerCall =
  (sim: Sim): DockerCall =>
  (op, input) => {
    const r = sim.call(`docker.${op}`, input);
    return r.error ? { ok: false, msg: r.error.message } : { ok: true, out: r.output as Record<string, unknown> };
  };
