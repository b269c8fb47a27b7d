import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computePins, PINS_FILE, type Pin } from './support/pins';

// Behaviour pinned: every scenario, lesson run and demo ends with the event log and the world it
// ended with when the fixture was recorded. A restructuring changes none of them; a change of
// behaviour re-records the fixture (`npm run pin`) in a commit that says which behaviour and why.
describe('pinned behaviour', () => {
  const recorded = JSON.parse(readFileSync(PINS_FILE, 'utf8')) as Record<string, Pin>;
  const now = computePins();
  it('pins every scenario, lesson solution and trap, and demo', () => {
    expect(existsSync(PINS_FILE)).toBe(true);
    expect(Object.keys(now).sort()).toEqual(Object.keys(recorded).sort());
    expect(Object.keys(now).filter((k) => k.startsWith('lesson:')).length).toBeGreaterThan(28);
    expect(Object.keys(now).filter((k) => k.startsWith('demo:')).length).toBeGreaterThanOrEqual(4);
  });
  for (const name of Object.keys(recorded)) {
    it(name, () => {
      expect(now[name], `${name} no longer runs`).toBeDefined();
      expect(now[name]).toEqual(recorded[name]);
    });
  }
});
