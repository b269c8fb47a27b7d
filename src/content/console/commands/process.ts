import type { CommandResult, ConsoleCommand, RunContext } from '../types';
import { parsed } from '../types';
import { flagValue } from '../shell';
import { joinOutputs, say } from '../said';

type Printed = CommandResult;
const fail = (m: string): Printed => ({ output: m, exitCode: 1 });
const USAGE = 'usage: process ps | start <name> --port N [--image I] | stop <name> | restart <name> | crash <name> --on /path';

interface ProcessRow {
  name: string;
  pid: number;
  port: number;
  state: string;
  exitCode?: number;
  restarts: number;
}

const VERBS: Record<string, (name: string | undefined, rest: string[], ctx: RunContext) => Printed> = {
  // The console's own table, so its heading and states are said in the learner's language.
  ps: (_name, _rest, { sim }) => {
    const rows = (sim.call('docker.ProcessList', {}).output as { processes: ProcessRow[] }).processes;
    return rows.reduce<Printed>((out, x) => {
      const values = { pid: String(x.pid), name: x.name, port: String(x.port), code: String(x.exitCode ?? 0), count: String(x.restarts) };
      const key = x.state === 'running' ? (x.restarts ? 'console.process.row.runningRestarted' : 'console.process.row.running') : x.restarts ? 'console.process.row.exitedRestarted' : 'console.process.row.exited';
      return { ...out, ...joinOutputs(out, say(key, values)) };
    }, say('console.process.heading'));
  },
  start: (name, rest, { sim }) => {
    if (!name) return fail('usage: process start <name> --port <port> [--image <image>]');
    const image = flagValue(rest, ['--image']);
    const r = sim.call('docker.ProcessStart', { name, port: Number(flagValue(rest, ['--port'])), ...(image ? { image } : {}) });
    return r.error ? fail(r.error.message) : say('console.process.started', { name, port: String((r.output as { port: number }).port), pid: String((r.output as { pid: number }).pid) });
  },
  stop: (name, _rest, { sim }) => {
    if (!name) return fail('usage: process stop <name>');
    const r = sim.call('docker.ProcessStop', { name });
    return r.error ? fail(r.error.message) : say('console.process.stopped', { name });
  },
  restart: (name, _rest, { sim }) => {
    if (!name) return fail('usage: process restart <name>');
    const r = sim.call('docker.ProcessRestart', { name });
    return r.error ? fail(r.error.message) : say('console.process.restarted', { name, pid: String((r.output as { pid: number }).pid) });
  },
  crash: (name, rest, { sim }) => {
    const path = flagValue(rest, ['--on']);
    if (!name || !path) return fail('usage: process crash <name> --on /path');
    const r = sim.call('docker.ProcessFault', { name, path });
    return r.error ? fail(r.error.message) : say('console.process.crashPlanted', { name, path });
  },
};

/**
 * Bare processes on the host, before containers: `process start <name> --port N [--image I]`,
 * `process stop|restart <name>`, `process ps`, and the fault `process crash <name> --on /path`
 * (the next request to that path hits a bug that crashes the whole process).
 */
export const processCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'process',
  usage: ['process ps', 'process start <name> --port <port> [--image <image>]', 'process stop | restart <name>', 'process crash <name> --on /path'],
  help: "Runs the application as a bare process on the world's local host, before containers; `process crash` plants a bug that crashes the whole process on the next request to a path.",
  time: 'none',
  complete: (before) => (before.length === 0 ? Object.keys(VERBS) : []),
  parse: (words) => parsed({ words }),
  run: ({ words }, ctx) => {
    const [verb, name, ...rest] = words;
    const f = verb !== undefined && Object.hasOwn(VERBS, verb) ? VERBS[verb]! : undefined;
    return f ? f(name, rest, ctx) : fail(USAGE);
  },
};
