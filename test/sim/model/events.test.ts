import { describe, expect, it } from 'vitest';
import { EVENT_CATEGORIES, EVENT_CATEGORY, eventCategory } from '../../../src/sim/model/events';
import { NARRATION } from '../../../src/sim/model/narration';

describe('event categories', () => {
  it('put each event type in one of the listed categories, every category holding some', () => {
    const used = new Set(Object.values(EVENT_CATEGORY));
    expect([...used].sort()).toEqual([...EVENT_CATEGORIES].sort());
    expect(eventCategory('TaskStateChange')).toBe('tasks');
    expect(eventCategory('TargetHealthChange')).toBe('lb');
    expect(eventCategory('sim.fault')).toBe('account');
    expect(eventCategory('ProcessCrashed')).toBe('docker');
  });

  it('have none for a type the engine does not emit, an inherited key included', () => {
    for (const t of ['NoSuchEvent', 'constructor', 'toString', '__proto__', '']) expect(eventCategory(t), t).toBeUndefined();
  });

  it('cover every event type the narration table says', () => {
    for (const form of Object.keys(NARRATION)) {
      const type = form.slice(0, form.lastIndexOf('.'));
      expect(eventCategory(type), form).toBeDefined();
    }
  });
});
