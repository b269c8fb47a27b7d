import { describe, expect, it } from 'vitest';
import { trafficCommand } from '../../../../src/content/console/commands/traffic';
import { newSession } from '../../../../src/content/console/session';
import { Sim } from '../../../../src/sim';

const USAGE = 'usage: traffic http://localhost:<port>/<path>[,/<path>…] <requests per second>  |  traffic stats <port> [seconds]';

/** A host with a process answering /api on port 3000. */
function host() {
  const sim = new Sim({ seed: 'traffic', images: { 'api:1': { readySeconds: 1, routes: { '/api': { cpuMs: 2 } } } } });
  expect(sim.call('docker.ProcessStart', { name: 'api', port: 3000, image: 'api:1' }).error).toBeUndefined();
  const ctx = { sim, session: newSession() };
  return { sim, run: (...words: string[]) => trafficCommand.run({ words }, ctx) };
}

describe('traffic', () => {
  it("sends a steady stream to a local port and says so in the console's own words", () => {
    const { sim, run } = host();
    expect(run('http://localhost:3000/api', '2')).toEqual({
      output: 'Sending 2 requests a second to localhost:3000/api.',
      exitCode: 0,
      pieces: [{ key: 'console.traffic.sending', params: { rate: '2', where: 'localhost:3000/api' } }],
    });
    sim.runUntil(10_000);
    expect(run('stats', '3000')).toEqual({
      output: 'localhost:3000/api at 2/s: last 30 s 20 ok, 0 failed; in all 20 ok, 0 failed',
      exitCode: 0,
      pieces: [{ key: 'console.traffic.stats', params: { where: 'localhost:3000/api', rate: 2, seconds: 30, ok: 20, failed: 0, totalOk: 20, totalFailed: 0 } }],
    });
    expect(run('stats', '3000', '5').output).toBe('localhost:3000/api at 2/s: last 5 s 10 ok, 0 failed; in all 20 ok, 0 failed');
  });

  it('reads the address with or without http://, localhost or 127.0.0.1, port 80 and path / by default', () => {
    const { run } = host();
    expect(run('localhost:3000', '2').output).toBe('Sending 2 requests a second to localhost:3000/.');
    expect(run('http://127.0.0.1/x', '1').output).toBe('Sending 1 requests a second to localhost:80/x.');
  });

  it('spreads the stream over several paths given with commas', () => {
    const { sim, run } = host();
    expect(run('http://localhost:3000/api,/other', '4').output).toBe('Sending 4 requests a second to localhost:3000/api,/other.');
    sim.runUntil(5_000);
    expect(run('stats', '3000').output).toBe('localhost:3000/api,/other at 4/s: last 30 s 10 ok, 10 failed; in all 10 ok, 10 failed\n  10 failed: api answers 404 for /other');
  });

  it('stops the stream at 0 requests a second', () => {
    const { run } = host();
    run('http://localhost:3000/api', '2');
    expect(run('http://localhost:3000/api', '0')).toEqual({ output: 'Stopped the traffic to localhost:3000.', exitCode: 0, pieces: [{ key: 'console.traffic.stopped', params: { where: 'localhost:3000' } }] });
  });

  it("counts failures by the engine's reason, each a line of its own", () => {
    const { sim, run } = host();
    run('http://localhost:4000/', '1');
    sim.runUntil(3_000);
    expect(run('stats', '4000')).toMatchObject({
      output: 'localhost:4000/ at 1/s: last 30 s 0 ok, 3 failed; in all 0 ok, 3 failed\n  3 failed: nothing publishes port 4000',
      exitCode: 0,
      pieces: [{ key: 'console.traffic.stats' }, { key: 'console.traffic.failedBecause', params: { count: 3, why: 'nothing publishes port 4000' } }],
    });
  });

  it('answers a line it cannot read with its usage, status 2, and what the host refuses with its words, status 1', () => {
    const { run } = host();
    expect(run()).toEqual({ output: USAGE, exitCode: 2 });
    expect(run('http://localhost:3000/')).toEqual({ output: USAGE, exitCode: 2 });
    expect(run('http://example.com/', '5')).toEqual({ output: USAGE, exitCode: 2 });
    expect(run('stats', '3000')).toEqual({ output: 'no traffic was sent to port 3000', exitCode: 1 });
    expect(run('http://localhost:3000/', 'x')).toEqual({ output: 'Parameter validation failed:\nInvalid value for parameter requestsPerSecond, value: nan, valid values: finite numbers', exitCode: 1 });
  });

  it('offers stats to complete its first word', () => {
    expect(trafficCommand.complete!([], '')).toEqual(['stats']);
    expect(trafficCommand.complete!(['stats'], '')).toEqual([]);
  });
});
