import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

describe('a bare process on the host (L1)', () => {
  it('serves every route from one process; one crashing route takes them all down until it is restarted', () => {
    const sim = new Sim({ seed: 'proc', images: { 'forum:0': { routes: { '/api/users': { cpuMs: 5 }, '/api/posts': { cpuMs: 5 } } } } });
    const session = newSession({});
    const run = (l: string) => runCommand(sim, l, session);
    expect(run('process start forum --port 3000 --image forum:0').output).toBe('forum listening on port 3000 (pid 1001)');
    expect(run('process start other --port 3000').output).toBe('Error: listen EADDRINUSE: address already in use :::3000');
    expect(run('docker run -d -p 3000:80 nginx').exitCode).toBe(125);
    expect(run('curl localhost:3000/api/users').output).toBe('200 OK /api/users');
    expect(run('traffic http://localhost:3000/api/users,/api/posts 2').output).toBe('Sending 2 requests a second to localhost:3000/api/users,/api/posts.');
    run('sleep 10s');
    expect(run('process crash forum --on /api/posts').output).toBe('The next request to /api/posts will crash forum.');
    run('sleep 10s');
    expect(sim.events.find((e) => e.type === 'ProcessCrashed')!.message).toMatch(/^Process forum \(pid 1001\) crashed handling GET \/api\/posts: .*Every route it served is down\.$/);
    expect(run('curl localhost:3000/api/users')).toMatchObject({ exitCode: 7, output: expect.stringContaining('nothing listens on port 3000 (process forum exited with code 1)') });
    expect(run('process ps').output).toBe('PID    NAME    PORT   STATE\n1001   forum   3000   exited (1)');
    expect(run('process restart forum').output).toMatch(/^forum restarted \(pid (\d+)\)$/);
    run('sleep 30s');
    expect(run('traffic stats 3000').output).toMatch(
      /^localhost:3000\/api\/users,\/api\/posts at 2\/s: last 30 s 60 ok, 0 failed; in all \d+ ok, \d+ failed\n {2}1 failed: process forum crashed handling \/api\/posts\n {2}\d+ failed: nothing listens on port 3000/,
    );
    expect(run('process ps').output).toMatch(/^PID {4}NAME {4}PORT {3}STATE\n\d+ {3}forum {3}3000 {3}running, restarted 1×$/);
  });
});
