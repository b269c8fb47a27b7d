import { describe, expect, it } from 'vitest';
import { lineColumn, parseJson } from '../../src/formats/json';

describe('lineColumn', () => {
  it('is the 1-based line and column of an offset in a text', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
    // Just after a newline: the start of the next line.
    expect(lineColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});

describe('parseJson', () => {
  it('is the value of valid JSON', () => {
    expect(parseJson('{"a": [1, "x", null]}', 'f.json')).toEqual({ value: { a: [1, 'x', null] } });
    expect(parseJson('3', 'f.json')).toEqual({ value: 3 });
  });

  it('names the file, the line and the column of a syntax error, and says it without the position JSON.parse adds', () => {
    const trailing = parseJson('{\n  "a": 1,\n}', 'td.json');
    expect(trailing).toEqual({ problem: { file: 'td.json', line: 3, column: 1, member: '', message: expect.any(String), severity: 'error' } });
    const list = parseJson('[1,\n2,\n3 4]', 'td.json');
    expect(list).toMatchObject({ problem: { line: 3, column: 3 } });
    for (const r of [trailing, list]) {
      const message = (r as { problem: { message: string } }).problem.message;
      expect(message).not.toMatch(/line \d+ column \d+|at position \d+/);
      expect(message.length).toBeGreaterThan(0);
    }
  });

  it('an error JSON.parse gives no position for is at the start of the file', () => {
    expect(parseJson('', 'f.json')).toMatchObject({ problem: { file: 'f.json', line: 1, column: 1, severity: 'error' } });
  });
});
