import { describe, expect, it } from 'vitest';
import { curlCommand } from '../../../../src/content/console/commands/curl';
import { newSession } from '../../../../src/content/console/session';
import { Sim } from '../../../../src/sim';

const DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /srv\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';

/** A host with a process answering /api on port 3000, and a container on 8080 that needs 5 s before it listens. */
function host() {
  const sim = new Sim({ seed: 'curl', images: { 'api:1': { readySeconds: 5, routes: { '/api': { cpuMs: 2 } } } } });
  expect(sim.call('docker.ProcessStart', { name: 'api', port: 3000, image: 'api:1' }).error).toBeUndefined();
  expect(sim.call('docker.Build', { tag: 'api:1', dockerfile: DOCKERFILE }).error).toBeUndefined();
  expect(sim.call('docker.Run', { image: 'api:1', name: 'slow', ports: ['8080:3000'], env: {} }).error).toBeUndefined();
  const ctx = { sim, session: newSession() };
  const curl = (...words: string[]) => {
    const p = curlCommand.parse(words, { files: {} });
    return p.ok ? curlCommand.run(p.args, ctx) : p;
  };
  return { sim, curl };
}

describe('curl', () => {
  it('says what answered, keeping the answer as data', () => {
    const { curl } = host();
    expect(curl('-s', 'http://localhost:3000/api')).toEqual({ output: '200 OK /api', exitCode: 0, response: { status: 200, container: 'api', path: '/api' } });
    expect(curl('http://localhost:3000/other')).toEqual({ output: '404 Not Found /other', exitCode: 0, response: { status: 404, container: 'api', path: '/other' } });
  });

  it("answers a failure with curl's message and the status curl gives it", () => {
    const { sim, curl } = host();
    expect(curl('http://localhost:9/')).toEqual({ output: "curl: (7) Failed to connect to localhost port 9 after 0 ms: Couldn't connect to server", exitCode: 7 });
    expect(curl('http://nohost:3000/')).toEqual({ output: 'curl: (6) Could not resolve host: nohost', exitCode: 6 });
    expect(curl('http://localhost:8080/')).toMatchObject({ output: expect.stringMatching(/^curl: \(56\) Recv failure: Connection reset by peer/), exitCode: 56 });
    sim.runUntil(6_000);
    expect(curl('http://localhost:8080/api')).toMatchObject({ output: '200 OK /api', exitCode: 0 });
  });

  it('refuses a line without a URL as curl does', () => {
    const { curl } = host();
    expect(curl()).toEqual({ ok: false, message: 'curl: no URL specified!', exitCode: 2 });
    expect(curl('-v', '-s')).toEqual({ ok: false, message: 'curl: no URL specified!', exitCode: 2 });
  });
});
