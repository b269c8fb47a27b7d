import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../../../src/i18n';
import { joinOutputs, piecesOf, renderOutput, say } from '../../../src/content/console/said';

beforeAll(() => loadLocale('es'));

describe("the console's own words", () => {
  it('are said in English in the output and kept as their key and values', () => {
    expect(say('console.traffic.stopped', { where: 'localhost:80' })).toEqual({
      output: 'Stopped the traffic to localhost:80.',
      exitCode: 0,
      pieces: [{ key: 'console.traffic.stopped', params: { where: 'localhost:80' } }],
    });
    expect(say('console.process.heading', undefined, 3)).toEqual({ output: 'PID    NAME    PORT   STATE', exitCode: 3, pieces: [{ key: 'console.process.heading' }] });
  });

  it("are a result's pieces, or its text as one piece, or none for no text", () => {
    expect(piecesOf(say('console.process.heading'))).toEqual([{ key: 'console.process.heading' }]);
    expect(piecesOf({ output: 'tool text' })).toEqual(['tool text']);
    expect(piecesOf({ output: '' })).toEqual([]);
  });

  it('join a line apart, leaving out an empty output, with pieces only when either has words of its own', () => {
    expect(joinOutputs({ output: 'a' }, { output: 'b' })).toEqual({ output: 'a\nb' });
    expect(joinOutputs({ output: '' }, { output: 'b' })).toEqual({ output: 'b' });
    expect(joinOutputs({ output: 'a' }, { output: '' })).toEqual({ output: 'a' });
    const stopped = say('console.traffic.stopped', { where: 'x' });
    expect(joinOutputs({ output: 'tool' }, stopped)).toEqual({ output: 'tool\nStopped the traffic to x.', pieces: ['tool', { key: 'console.traffic.stopped', params: { where: 'x' } }] });
    expect(joinOutputs(stopped, { output: '' })).toEqual({ output: 'Stopped the traffic to x.', pieces: [{ key: 'console.traffic.stopped', params: { where: 'x' } }] });
  });

  it("are shown in the learner's language, a tool's text beside them as it is", () => {
    const r = joinOutputs({ output: 'curl: (7) refused' }, say('console.traffic.stopped', { where: 'x' }));
    expect(renderOutput(r, 'es')).toBe('curl: (7) refused\nSe detuvo el tráfico hacia x.');
    expect(renderOutput(r, 'en')).toBe(r.output);
    expect(renderOutput({ output: 'only text' }, 'es')).toBe('only text');
  });

  it('are said by the page’s own sayer when it gives one', () => {
    expect(renderOutput(say('console.traffic.stopped', { where: 'x' }), 'es', (s) => `<${s.key}>`)).toBe('<console.traffic.stopped>');
  });
});
