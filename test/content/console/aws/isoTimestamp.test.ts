import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../../../src/content/console/aws/isoTimestamp';

describe('isoTimestamp', () => {
  it("prints Python's isoformat() of a UTC time: microseconds only when there are some", () => {
    expect(isoTimestamp(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00+00:00');
    expect(isoTimestamp(Date.UTC(2025, 0, 1) + 7)).toBe('2025-01-01T00:00:00.007000+00:00');
    expect(isoTimestamp(NaN)).toBe('NaN');
  });
});
