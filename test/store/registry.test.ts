import { describe, expect, it } from 'vitest';
import { ariaKeys, keyMatches, keyText, pressOf, type KeyPress } from '../../src/store/registry';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrl: false, meta: false, shift: false, alt: false, ...mods });

describe('key spellings', () => {
  it('match the keys a learner presses: Space, a printed character, a letter', () => {
    expect(keyMatches('Space', press(' '))).toBe(true);
    expect(keyMatches('Space', press(' ', { shift: true }))).toBe(true);
    expect(keyMatches(']', press(']'))).toBe(true);
    expect(keyMatches('V', press('v'))).toBe(true);
    expect(keyMatches('V', press('V', { shift: true }))).toBe(false);
    expect(keyMatches('V', press('v', { ctrl: true }))).toBe(false);
    expect(keyMatches('V', press('v', { alt: true }))).toBe(false);
  });

  it('read Mod as Ctrl or Cmd, and tell Shift apart where it changes the meaning', () => {
    expect(keyMatches('Mod+Z', press('z', { ctrl: true }))).toBe(true);
    expect(keyMatches('Mod+Z', press('z', { meta: true }))).toBe(true);
    expect(keyMatches('Mod+Z', press('Z', { ctrl: true, shift: true }))).toBe(false);
    expect(keyMatches('Mod+Shift+Z', press('Z', { ctrl: true, shift: true }))).toBe(true);
    expect(keyMatches('Mod+Z', press('z'))).toBe(false);
    expect(keyMatches('Tab', press('Tab'))).toBe(true);
    expect(keyMatches('Tab', press('Tab', { shift: true }))).toBe(false);
    expect(keyMatches('ArrowUp', press('ArrowUp'))).toBe(true);
  });

  it('are shown as the Keys dialog writes them, and spelled for aria-keyshortcuts', () => {
    expect(keyText('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(keyText('ArrowDown')).toBe('Down');
    expect(ariaKeys('Mod+K')).toBe('Control+K Meta+K');
    expect(ariaKeys('Escape')).toBe('Escape');
  });

  it('read a DOM key event', () => {
    expect(pressOf({ key: 'k', ctrlKey: false, metaKey: true, shiftKey: false, altKey: false })).toEqual(press('k', { meta: true }));
  });
});
