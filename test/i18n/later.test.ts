import { describe, expect, it } from 'vitest';
import { isLater, LATER_PREFIXES } from '../../src/i18n/later';
import en from '../../src/i18n/locales/en.json';

describe('the English that on-demand views bring', () => {
  it('an entry is a key, its plural forms and the keys under it, and nothing that only starts like it', () => {
    const later = ['keys.scope', 'class.files'];
    expect(isLater('keys.scope', later)).toBe(true);
    expect(isLater('keys.scope.page', later)).toBe(true);
    expect(isLater('class.files#one', later)).toBe(true);
    expect(isLater('class.filesRead', later)).toBe(false);
    expect(isLater('keys.show', later)).toBe(false);
  });

  it('each entry leaves out at least one English message: none is misspelt', () => {
    const keys = Object.keys(en);
    expect(LATER_PREFIXES.filter((p) => !keys.some((k) => isLater(k, [p])))).toEqual([]);
  });

  it('the first view keeps what it shows: the console’s own words, the lesson’s action-named keys', () => {
    for (const k of ['console.help', 'console.empty', 'lesson.goal', 'lesson.solution', 'class.export', 'inspector.label']) expect(isLater(k), k).toBe(false);
    for (const k of ['console.cmd.aws', 'lesson.solution.show', 'placement.caption', 'palette.count#one', 'inspector.tab.placement']) expect(isLater(k), k).toBe(true);
  });
});
