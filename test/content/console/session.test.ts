import { describe, expect, it } from 'vitest';
import { fileText, newSession, writeFile } from '../../../src/content/console/session';

describe('a console session', () => {
  it('starts with a copy of the files it is given, and nothing else', () => {
    const files = { 'compose.yaml': 'services: {}' };
    const s = newSession(files);
    expect(s).toEqual({ files: { 'compose.yaml': 'services: {}' }, copilot: { environments: {}, services: {}, calls: [] }, env: {}, regions: {} });
    s.files.other = 'x';
    expect(files).toEqual({ 'compose.yaml': 'services: {}' });
    expect(newSession().files).toEqual({});
  });

  it('reads a file by its own name only', () => {
    const files = { a: 'text', '': 'empty name' };
    expect(fileText(files, 'a')).toBe('text');
    expect(fileText(files, '')).toBe('empty name');
    expect(fileText(files, 'b')).toBeUndefined();
    expect(fileText(files, 'toString')).toBeUndefined();
    expect(fileText(files, '__proto__')).toBeUndefined();
  });

  it('writes a file of any name as a file of that name', () => {
    const files: Record<string, string> = {};
    writeFile(files, 'a', '1');
    writeFile(files, 'a', '2');
    writeFile(files, '__proto__', 'p');
    expect(Object.keys(files)).toEqual(['a', '__proto__']);
    expect(fileText(files, '__proto__')).toBe('p');
    expect(files.a).toBe('2');
    expect(Object.getPrototypeOf(files)).toBe(Object.prototype);
  });
});
