import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseServeArgs, SERVE_USAGE, serveCommand } from '../../../src/cli/serve/command';
import type { Endpoint } from '../../../src/cli/serve/server';

const FILES: Record<string, string> = {
  'demo.yaml': 'name: demo world\nseed: 3\nactions:\n  - { at: 0, call: ecs.CreateCluster, input: { clusterName: demo } }\n  - { at: 0, call: sim.LaunchInstances, input: { cluster: demo, instanceType: m5.large, count: 1 } }\nuntil: 2m\n',
  'broken.yaml': 'name: x\nactions: [\n',
};

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (s: string) => void out.push(s),
      err: (s: string) => void err.push(s),
      read: (f: string) => {
        if (!(f in FILES)) throw new Error(`ENOENT: no such file or directory, open '${f}'`);
        return FILES[f]!;
      },
    },
  };
}

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
  process.exitCode = undefined;
});

describe('the options of sim serve', () => {
  it('has a scenario file, a port (4567 unless given), a seed and a speed, as --name value or --name=value', () => {
    expect(parseServeArgs([])).toEqual({ port: DEFAULT_PORT });
    expect(DEFAULT_PORT).toBe(4567);
    expect(parseServeArgs(['world.yaml', '--port', '8080', '--seed', 'abc', '--speed', '60'])).toEqual({ file: 'world.yaml', port: 8080, seed: 'abc', speed: 60 });
    expect(parseServeArgs(['--port=0', '--speed=0.5', '--seed=7', 'w.yaml'])).toEqual({ file: 'w.yaml', port: 0, seed: '7', speed: 0.5 });
  });

  it('says what is wrong with them', () => {
    expect(parseServeArgs(['--port'])).toBe('--port needs a value');
    expect(parseServeArgs(['--port', 'http'])).toBe("--port: 'http' is not a port number");
    expect(parseServeArgs(['--port', '65536'])).toBe("--port: '65536' is not a port number");
    expect(parseServeArgs(['--speed', '0'])).toBe("--speed: '0' is not a positive number");
    expect(parseServeArgs(['--speed', '-2'])).toBe("--speed: '-2' is not a positive number");
    expect(parseServeArgs(['--speed', '1e3'])).toBe("--speed: '1e3' is not a positive number");
    expect(parseServeArgs(['--colour'])).toBe('unknown option --colour');
    expect(parseServeArgs(['a.yaml', 'b.yaml'])).toBe('unknown option b.yaml');
  });
});

describe('sim serve', () => {
  it("serves a scenario's world from the end of its run on 127.0.0.1, after printing its timeline and how to use it", async () => {
    const t = io();
    const endpoint = await new Promise<Endpoint>((resolve) => expect(serveCommand(['demo.yaml', '--port', '0'], t.io, resolve)).toBe(0));
    opened.push(endpoint);
    const out = t.out.join('');
    expect(out).toMatch(/^ {4}0:00:00 {2}Cluster demo was created\.\n/);
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out).toContain(`Serving demo world (seed 3, us-east-1) on ${endpoint.url}; the clock stands still until POST /_sim/advance {"by": "60s"}.\nTry: aws --endpoint-url ${endpoint.url} ecs list-clusters\n`);
    const state = (await (await fetch(`${endpoint.url}/_sim/state`)).json()) as { clock: number; containerInstances: unknown[] };
    expect(state.clock).toBe(120);
    expect(state.containerInstances).toHaveLength(1);
    expect(t.err).toEqual([]);
  });

  it('serves an empty account without a scenario, and says when its clock runs at a speed', async () => {
    const t = io();
    const endpoint = await new Promise<Endpoint>((resolve) => serveCommand(['--port', '0', '--speed', '60', '--seed', '5'], t.io, resolve));
    opened.push(endpoint);
    expect(t.out.join('')).toContain(`Serving served account (seed 5, us-east-1) on ${endpoint.url}; the clock runs at 60x real time.`);
    const state = (await (await fetch(`${endpoint.url}/_sim/state`)).json()) as { clusters: unknown[] };
    expect(state.clusters).toEqual([]);
  });

  it('refuses bad options, a file it cannot read and an invalid scenario with exit 2, saying why', () => {
    const cases: [string[], RegExp][] = [
      [['--port', 'x'], /^--port: 'x' is not a port number\nusage: /],
      [['--speed'], /^--speed needs a value\nusage: /],
      [['missing.yaml'], /^missing\.yaml: ENOENT/],
      [['broken.yaml'], /broken\.yaml/],
    ];
    for (const [args, said] of cases) {
      const t = io();
      expect(serveCommand(args, t.io), args.join(' ')).toBe(2);
      expect(t.err.join(''), args.join(' ')).toMatch(said);
      expect(t.out).toEqual([]);
    }
    const t = io();
    serveCommand(['--colour'], t.io);
    expect(t.err.join('')).toBe(`unknown option --colour\nusage: ${SERVE_USAGE}\n`);
  });

  it('says when the port is in use, and the process then ends with status 1', async () => {
    const taken: Server = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    opened.push({ close: () => new Promise((r) => taken.close(r)) });
    const port = (taken.address() as { port: number }).port;
    const t = io();
    expect(serveCommand(['--port', String(port)], t.io)).toBe(0);
    await expect.poll(() => t.err.join('')).toBe(`sim serve: cannot listen on 127.0.0.1:${port}: the port is in use (give another with --port)\n`);
    expect(process.exitCode).toBe(1);
  });
});
