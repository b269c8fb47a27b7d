import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sim/core/errors';
import { need } from '../../../src/sim/api/input';

const err = (m: string) => new ApiError('ValidationError', m);

describe('need', () => {
  it('answers a required member of its JSON type', () => {
    expect(need<string>({ Name: 'a' }, 'Name', 'string', err)).toBe('a');
    expect(need<number>({ Min: 0 }, 'Min', 'number', err)).toBe(0);
  });

  it("refuses a member missing, null or of another type with the namespace's error", () => {
    expect(() => need({}, 'Name', 'string', err)).toThrow(expect.objectContaining({ code: 'ValidationError', message: 'The parameter Name is required.' }));
    expect(() => need({ Name: null }, 'Name', 'string', err)).toThrow(expect.objectContaining({ message: 'The parameter Name is required.' }));
    expect(() => need({ Min: '1' }, 'Min', 'number', err)).toThrow(expect.objectContaining({ message: 'Min must be a number.' }));
  });
});
