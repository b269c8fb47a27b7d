import { describe, expect, it } from 'vitest';
import { loadProgress, parseProgress, saveProgress, PROGRESS_KEY } from '../../src/store/progress';
import { fakePort } from '../support/fakePort';

describe('lesson progress', () => {
  it('round-trips through the browser’s storage, and starts empty without any', () => {
    const port = fakePort();
    expect(loadProgress(port.storage)).toEqual({ progress: { version: 1, lessons: {} } });
    saveProgress(port.storage, { version: 1, lessons: { L3: { passed: true, checkedAt: 1 } } });
    expect(loadProgress(port.storage).progress.lessons.L3?.passed).toBe(true);
    expect(loadProgress(undefined).progress.lessons).toEqual({});
  });

  it('reads a file as untrusted input, member by member', () => {
    expect(parseProgress('x').problem).toBe('it is not JSON');
    expect(parseProgress('{"version":2,"lessons":{}}').problem).toBe('it is not a progress file (version 1)');
    expect(parseProgress('{"version":1,"lessons":{"L1":{"passed":"yes"}}}').problem).toBe('lessons.L1: expected passed and checkedAt');
    expect(loadProgress(fakePort({ storage: { [PROGRESS_KEY]: '[]' } }).storage).notice?.text).toMatch(/could not be read/);
    const r = parseProgress('{"version":1,"lessons":{"L1":{"passed":true,"checkedAt":5,"activeMs":-1,"checks":4,"startedAt":"2026-12-01T09:00:00Z"}}}');
    expect(r.refused).toEqual(['lessons.L1.activeMs: negative']);
    expect(r.progress!.lessons.L1).toEqual({ passed: true, checkedAt: 5, checks: 4, startedAt: '2026-12-01T09:00:00Z' });
  });

  it('a file from a version without time members reads as it did, with no time', () => {
    const r = parseProgress('{"version":1,"lessons":{"L1":{"passed":true,"checkedAt":95000,"predictionsRight":1,"predictionsAsked":1,"traps":["crash-loop"]}}}');
    expect(r).toEqual({ progress: { version: 1, lessons: { L1: { passed: true, checkedAt: 95000, predictionsRight: 1, predictionsAsked: 1, traps: ['crash-loop'] } } } });
  });

  it('a browser that refuses storage keeps progress in memory without failing', () => {
    expect(() =>
      saveProgress(
        {
          getItem: () => null,
          setItem: () => {
            throw new Error('quota');
          },
        },
        { version: 1, lessons: {} },
      ),
    ).not.toThrow();
  });
});
