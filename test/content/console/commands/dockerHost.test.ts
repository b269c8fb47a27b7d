import { describe, expect, it } from 'vitest';
import { dockerCall, fail } from '../../../../src/content/console/commands/dockerHost';
import { Sim } from '../../../../src/sim';

describe("the local Docker host's calls", () => {
  it('fail with the message as the output and status 1', () => {
    expect(fail('no such image')).toEqual({ output: 'no such image', exitCode: 1 });
  });

  it("call the world's docker operations, giving their output or their error's message", () => {
    const sim = new Sim({ seed: 'host' });
    const call = dockerCall(sim);
    expect(call('Ps', {})).toEqual({ ok: true, out: { containers: [] } });
    expect(call('Logs', { container: 'x' })).toEqual({ ok: false, msg: 'Error response from daemon: No such container: x' });
    expect(call('Nope', {})).toMatchObject({ ok: false, msg: expect.stringContaining("Unknown operation 'docker.Nope'") });
  });
});
