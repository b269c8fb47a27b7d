// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followTheme } from '../../src/app/theme';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';

/** The system's colour scheme as matchMedia reports it, which the test can switch as the system would. */
function systemScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    matches: dark,
    addEventListener: (_: 'change', f: () => void) => void listeners.add(f),
    removeEventListener: (_: 'change', f: () => void) => void listeners.delete(f),
  };
  const asked: string[] = [];
  vi.stubGlobal('matchMedia', (q: string) => (asked.push(q), media));
  return {
    asked,
    listeners,
    set(next: boolean) {
      media.matches = next;
      for (const f of listeners) f();
    },
  };
}

const pageTheme = () => document.documentElement.dataset.theme;

afterEach(() => {
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.theme;
});

describe('the theme on the page', () => {
  it("follows the system's preference at once and as it changes, while the learner has not chosen one", () => {
    const system = systemScheme(true);
    const store = sandbox();
    const stop = followTheme(store);
    expect(system.asked).toEqual(['(prefers-color-scheme: dark)']);
    expect(pageTheme()).toBe('dark');
    expect(store.getState().ui.systemTheme).toBe('dark');
    system.set(false);
    expect(pageTheme()).toBe('light');
    expect(store.getState().ui.systemTheme).toBe('light');
    stop();
  });

  it("keeps the learner's choice when the system changes, and sets the choice as it is made", () => {
    const system = systemScheme(false);
    const store = sandbox();
    const stop = followTheme(store);
    expect(pageTheme()).toBe('light');
    runAction(store, 'theme.set', 'dark');
    expect(pageTheme()).toBe('dark');
    system.set(false);
    system.set(true);
    system.set(false);
    expect(pageTheme()).toBe('dark');
    runAction(store, 'theme.toggle');
    expect(pageTheme()).toBe('light');
    stop();
  });

  it('stops following both the system and the store when told to', () => {
    const system = systemScheme(false);
    const store = sandbox();
    followTheme(store)();
    expect(system.listeners.size).toBe(0);
    runAction(store, 'theme.set', 'dark');
    expect(pageTheme()).toBe('light');
  });

  it('is light in a browser that cannot tell the preference', () => {
    vi.stubGlobal('matchMedia', undefined);
    const store = sandbox();
    followTheme(store)();
    expect(pageTheme()).toBe('light');
    expect(store.getState().ui.systemTheme).toBe('light');
  });
});
