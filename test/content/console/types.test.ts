import { describe, expect, it } from 'vitest';
import { parsed, refused, refusedSaying } from '../../../src/content/console/types';

describe("a command's parse result", () => {
  it('is its arguments, or its refusal with the message and status', () => {
    expect(parsed({ url: 'x' })).toEqual({ ok: true, args: { url: 'x' } });
    expect(refused('curl: no URL specified!', 2)).toEqual({ ok: false, message: 'curl: no URL specified!', exitCode: 2 });
  });

  it("is a refusal in the console's own words, keeping their pieces when they have them", () => {
    const said = { output: 'Stopped.', exitCode: 1, pieces: [{ key: 'console.traffic.stopped' as const, params: { where: 'x' } }] };
    expect(refusedSaying(said)).toEqual({ ok: false, message: 'Stopped.', exitCode: 1, pieces: said.pieces });
    expect(refusedSaying({ output: 'plain', exitCode: 2 })).toEqual({ ok: false, message: 'plain', exitCode: 2 });
  });
});
