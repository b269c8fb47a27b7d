import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatList, loadLocale, pickLocale, translate } from '../../src/i18n';

const dir = resolve(import.meta.dirname, '../../src/i18n/locales');
const locales = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const messages = (l: string): Record<string, string> => JSON.parse(readFileSync(resolve(dir, `${l}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The problems of one locale against the other: keys only one has, and messages whose placeholders differ. */
export function parityProblems(a: Record<string, string>, b: Record<string, string>, names: [string, string]): string[] {
  const out: string[] = [];
  for (const k of Object.keys(a)) if (!(k in b)) out.push(`${k} is in ${names[0]} and not in ${names[1]}`);
  for (const k of Object.keys(b)) if (!(k in a)) out.push(`${k} is in ${names[1]} and not in ${names[0]}`);
  for (const k of Object.keys(a)) {
    if (k in b && placeholders(a[k]!).join() !== placeholders(b[k]!).join()) out.push(`${k}: ${names[0]} has {${placeholders(a[k]!).join('}, {')}}, ${names[1]} has {${placeholders(b[k]!).join('}, {')}}`);
  }
  return out;
}

describe('the locale files', () => {
  it('are English and Spanish', () => {
    expect(locales.sort()).toEqual(['en', 'es']);
  });

  it('have the same keys and the same placeholders in every locale', () => {
    const en = messages('en');
    for (const l of locales.filter((x) => x !== 'en')) expect(parityProblems(en, messages(l), ['en', l])).toEqual([]);
  });

  it('are told apart when a key is missing from one of them or a placeholder differs', () => {
    expect(parityProblems({ a: 'x', b: 'y {n}' }, { a: 'x', b: 'y' }, ['en', 'es'])).toEqual(['b: en has {n}, es has {}']);
    expect(parityProblems({ a: 'x' }, { a: 'x', c: 'z' }, ['en', 'es'])).toEqual(['c is in es and not in en']);
  });

  it('give every message a text, and every plural both forms', () => {
    for (const l of locales) {
      const m = messages(l);
      for (const [k, v] of Object.entries(m)) expect(v.trim(), `${l}: ${k}`).not.toBe('');
      for (const k of Object.keys(m).filter((x) => x.endsWith('#one'))) expect(m[k.replace(/#one$/, '#other')], `${l}: ${k}`).toBeDefined();
    }
  });
});

describe('translating', () => {
  it('takes the browser language when the page speaks it, else English', () => {
    expect(pickLocale(['es-MX', 'en-US'])).toBe('es');
    expect(pickLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLocale(['de'])).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it("picks plural forms by the platform's plural rules and formats numbers for the locale", async () => {
    await loadLocale('es');
    expect(translate('en', 'time.actions', { count: 1 })).toBe('1 action');
    expect(translate('en', 'time.actions', { count: 0 })).toBe('0 actions');
    expect(translate('es', 'time.actions', { count: 1 })).toBe('1 acción');
    expect(translate('es', 'time.actions', { count: 2 })).toBe('2 acciones');
    // Spanish plural rules have a "many" form for a million; it falls back to the "other" text.
    expect(translate('es', 'time.actions', { count: 1_000_000 })).toBe('1.000.000 acciones');
    expect(translate('en', 'time.actions', { count: 12_345 })).toBe('12,345 actions');
  });

  it("says lists and durations in the locale's words", () => {
    expect(formatList('es', ['a', 'b', 'c'])).toBe('a, b y c');
    expect(formatList('en', ['a', 'b', 'c'])).toBe('a, b, and c');
    expect(formatDuration('es', 150_000)).toBe('2 minutos y 30 segundos');
    expect(formatDuration('en', 3_600_000)).toBe('1 hour');
  });
});

describe('the registry in every locale', () => {
  it('names every action, tool, inspector view, event filter and palette group', async () => {
    const { ACTIONS } = await import('../../src/store/actions');
    const { PANELS, INSPECTOR_TABS } = await import('../../src/store/actions/view');
    const { EVENT_FILTERS } = await import('../../src/store/selectors/events');
    const wanted = [
      ...ACTIONS.map((a) => `action.${a.id}`),
      ...[...new Set(ACTIONS.map((a) => a.group))].map((g) => `group.${g}`),
      ...PANELS.map((p) => `panel.${p.id}`),
      ...INSPECTOR_TABS.map((x) => `inspector.tab.${x.id}`),
      ...EVENT_FILTERS.map((f) => `events.filter.${f.id}`),
    ];
    for (const l of locales)
      expect(
        wanted.filter((k) => !(k in messages(l))),
        l,
      ).toEqual([]);
    // The English texts are the registry's own, so the two never drift apart.
    const en = messages('en');
    for (const a of ACTIONS) expect(en[`action.${a.id}`], a.id).toBe(a.label);
  });
});
