import type { ConsoleCommand, RunContext } from '../types';
import { parsed } from '../types';
import { joinOutputs, say } from '../said';

const USAGE = 'usage: traffic http://localhost:<port>/<path>[,/<path>…] <requests per second>  |  traffic stats <port> [seconds]';

interface Stats {
  port: number;
  path: string;
  requestsPerSecond: number;
  total: { ok: number; failed: number };
  window: { seconds: number; ok: number; failed: number };
  failuresByReason: Record<string, number>;
}

function stats(port: string | undefined, seconds: string | undefined, { sim }: RunContext) {
  const r = sim.call('docker.TrafficStats', { port: Number(port), ...(seconds ? { seconds: Number(seconds) } : {}) });
  if (r.error) return { output: r.error.message, exitCode: 1 };
  const o = r.output as Stats;
  const head = say('console.traffic.stats', { where: `localhost:${o.port}${o.path}`, rate: o.requestsPerSecond, seconds: o.window.seconds, ok: o.window.ok, failed: o.window.failed, totalOk: o.total.ok, totalFailed: o.total.failed });
  // Each reason is the engine's own text; only the count's words are the console's.
  const reasons = Object.entries(o.failuresByReason).map(([why, n]) => say('console.traffic.failedBecause', { count: n, why }));
  return { ...reasons.reduce(joinOutputs, head), exitCode: 0 };
}

export const trafficCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'traffic',
  usage: ['traffic http://localhost:<port>/<path>[,/<path>…] <requests per second>', 'traffic stats <port> [seconds]'],
  help: "Sends a steady stream of requests to a port on the world's local host (0 stops it), and counts what answered and what failed, and why.",
  time: 'none',
  complete: (before) => (before.length === 0 ? ['stats'] : []),
  parse: (words) => parsed({ words }),
  run: ({ words }, ctx) => {
    const [a, b, c] = words;
    if (a === 'stats') return stats(b, c, ctx);
    const m = /^(?:http:\/\/)?(?:localhost|127\.0\.0\.1)(?::(\d+))?(\/\S*)?$/.exec(a ?? '');
    if (!m || b === undefined) return { output: USAGE, exitCode: 2 };
    const paths = (m[2] ?? '/').split(',').filter(Boolean);
    const r = ctx.sim.call('docker.SetTraffic', { port: Number(m[1] ?? 80), ...(paths.length > 1 ? { paths } : { path: paths[0] ?? '/' }), requestsPerSecond: Number(b) });
    if (r.error) return { output: r.error.message, exitCode: 1 };
    return Number(b) > 0 ? say('console.traffic.sending', { rate: b, where: `localhost:${m[1] ?? 80}${m[2] ?? '/'}` }) : say('console.traffic.stopped', { where: `localhost:${m[1] ?? 80}` });
  },
};
