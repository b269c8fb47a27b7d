import type { ConsoleCommand } from '../types';
import { parsed, refused } from '../types';

export const curlCommand: ConsoleCommand<{ url: string }> = {
  name: 'curl',
  usage: ['curl http://localhost:<port>/<path>'],
  help: "Sends one HTTP request to a port on the world's local host, as a learner would from their own machine, and says whether something answered.",
  time: 'none',
  parse: (words) => {
    const url = words.find((t) => !t.startsWith('-'));
    return url ? parsed({ url }) : refused('curl: no URL specified!', 2);
  },
  run: ({ url }, { sim }) => {
    const r = sim.call('docker.Curl', { url });
    // The engine answers with curl's own message; its exit status is the number curl prints first.
    if (r.error) return { output: r.error.message, exitCode: r.error.message.startsWith('curl: (56)') ? 56 : r.error.message.startsWith('curl: (6)') ? 6 : 7 };
    const o = r.output as { status: number; path: string };
    // The answer as data too (status, path, the container that answered): what a lesson counts, whatever curl prints.
    return { output: o.status === 200 ? `200 OK ${o.path}` : `404 Not Found ${o.path}`, exitCode: 0, response: o };
  },
};
