import type { ConsoleCommand, RunContext } from '../types';
import { parsed } from '../types';

const USAGE = 'usage: traffic http://localhost:<port>/<path>[,/<path>…] <requests per second>  |  traffic stats <port> [seconds]';

interface Stats { port: number; path: string; requestsPerSecond: number; total: { ok: number; failed: number }; window: { seconds: number; ok: number; failed: number }; failuresByReason: Record<string, number> }

function stats(port: string | undefined, seconds: string | undefined, { sim }: RunContext) {
  const r = sim.call('docker.TrafficStats', { port: Number(port), ...(seconds ? { seconds: Number(seconds) } : {}) });
  if (r.error) return { output: r.error.message, exitCode: 1 };
  const o = r.output as Stats;
  return {
    exitCode: 0,
    output: [`localhost:${o.port}${o.path} at ${o.requestsPerSecond}/s: last ${o.window.seconds} s ${o.window.ok} ok, ${o.window.failed} failed; in all ${o.total.ok} ok, ${o.total.failed} failed`,
      ...Object.entries(o.failuresByReason).map(([why, n]) => `  ${n} failed: ${why}`)].join('\n'),
  };
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
    return { output: Number(b) > 0 ? `Sending ${b} requests a second to localhost:${m[1] ?? 80}${m[2] ?? '/'}.` : `Stopped the traffic to localhost:${m[1] ?? 80}.`, exitCode: 0 };
  },
};
