import { ScenarioError } from '../../content/scenario';
import { ServedAccount } from './account';
import { serve, type Endpoint } from './server';

export const SERVE_USAGE = 'sim serve [scenario.yaml] [--port N] [--seed S] [--speed X]';

/** The port `sim serve` listens on when none is given. */
export const DEFAULT_PORT = 4567;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  read: (file: string) => string;
}

interface ServeArgs {
  file?: string;
  port: number;
  seed?: string;
  speed?: number;
}

/** Reads `[scenario] --port N --seed S --speed X`; a message when they are wrong. */
export function parseServeArgs(args: string[]): ServeArgs | string {
  const out: ServeArgs = { port: DEFAULT_PORT };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (name === '--port' || name === '--seed' || name === '--speed') {
      const v = inline ?? args[++i];
      if (v === undefined) return `${name} needs a value`;
      if (name === '--seed') out.seed = v;
      else if (name === '--port') {
        if (!/^\d+$/.test(v) || Number(v) > 65535) return `--port: '${v}' is not a port number`;
        out.port = Number(v);
      } else {
        const x = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(x > 0)) return `--speed: '${v}' is not a positive number`;
        out.speed = x;
      }
    } else if (!a.startsWith('--') && out.file === undefined) out.file = a;
    else return `unknown option ${a}`;
  }
  return out;
}

/**
 * `sim serve`: the scenario's world (an empty one without a scenario), its clock run to the scenario's end,
 * served on 127.0.0.1 to the AWS CLI and SDKs. Prints the event log as it goes. Returns 2 when the options or
 * the scenario are invalid; otherwise 0 once the server is starting (the process then runs until stopped).
 */
export function serveCommand(args: string[], io: Io, started?: (e: Endpoint) => void): number {
  const o = parseServeArgs(args);
  if (typeof o === 'string') {
    io.err(`${o}\nusage: ${SERVE_USAGE}\n`);
    return 2;
  }
  let text = 'name: served account\nactions: []\n';
  if (o.file) {
    try {
      text = io.read(o.file);
    } catch (e) {
      io.err(`${o.file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let account: ServedAccount;
  try {
    account = ServedAccount.fromScenario(text, o.file ?? 'serve', o.seed, (line) => io.out(`${line}\n`));
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
  account.flush();
  serve(account, o.port).then(
    (endpoint) => {
      const clock = o.speed ? `the clock runs at ${o.speed}x real time` : 'the clock stands still until POST /_sim/advance {"by": "60s"}';
      io.out(`Serving ${account.name} (seed ${account.seed}, ${account.region}) on ${endpoint.url}; ${clock}.\n`);
      io.out(`Try: aws --endpoint-url ${endpoint.url} ecs list-clusters\n`);
      if (o.speed) account.run(o.speed);
      started?.(endpoint);
    },
    (e: NodeJS.ErrnoException) => {
      io.err(`sim serve: cannot listen on 127.0.0.1:${o.port}: ${e.code === 'EADDRINUSE' ? 'the port is in use (give another with --port)' : e.message}\n`);
      process.exitCode = 1;
    },
  );
  return 0;
}
