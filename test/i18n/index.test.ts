import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, formatAgo, formatDateTime, formatDuration, formatList, formatNumber, isLocale, loadLocale, message, pickLocale, translate, translateMaybe, translator, type MessageKey } from '../../src/i18n';

beforeAll(() => loadLocale('es'));

describe('the languages', () => {
  it('are English and Spanish, each named in itself, English the default', () => {
    expect(LOCALES).toEqual([
      { id: 'en', name: 'English' },
      { id: 'es', name: 'Español' },
    ]);
    expect(DEFAULT_LOCALE).toBe('en');
  });

  it('are told from other values', () => {
    expect(isLocale('es')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale('ES')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("are picked from the browser's first language the page speaks, by its base and in any case", () => {
    expect(pickLocale(['ES'])).toBe('es');
    expect(pickLocale(['fr-CA', 'es-419', 'en'])).toBe('es');
    expect(pickLocale(['en-US', 'es'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('a message', () => {
  it('has its placeholders filled, numbers in the locale’s digits, and a placeholder with no value left as written', () => {
    expect(translate('en', 'header.scenario.demo', { id: 'L1' })).toBe('Demo: L1');
    expect(translate('en', 'header.scenario.demo')).toBe('Demo: {id}');
    expect(translate('en', 'header.scenario.demo', {})).toBe('Demo: {id}');
    expect(translate('en', 'console.traffic.sending', { rate: 1234.5, where: 'x' })).toBe('Sending 1,234.5 requests a second to x.');
    expect(translate('es', 'console.traffic.sending', { rate: 12345, where: 'x' })).toBe('Enviando 12.345 peticiones por segundo a x.');
    // A value is put in once: braces in it are not read again.
    expect(translate('en', 'header.scenario.demo', { id: '{id}' })).toBe('Demo: {id}');
  });

  it('says a message given as a value in the same locale, its own plural and values included', () => {
    const work = message('confirm.work', { count: 2, at: '10:05' });
    expect(translate('es', 'confirm.text', { work })).toBe('Esto reemplaza el mundo que has construido aquí (tus 2 acciones hasta las 10:05). No se puede deshacer; Exportar guarda antes una copia de tu trabajo.');
    expect(translate('en', 'confirm.text', { work })).toContain('(your 2 actions up to 10:05)');
  });

  it("picks its plural form by the locale's rules from a numeric count, and falls back to the other form", () => {
    expect(translate('en', 'confirm.work', { count: 1, at: 'x' })).toBe('your 1 action up to x');
    expect(translate('en', 'confirm.work', { count: 0, at: 'x' })).toBe('your 0 actions up to x');
    expect(translate('en', 'confirm.work', { count: 1.5, at: 'x' })).toBe('your 1.5 actions up to x');
    expect(translate('es', 'confirm.work', { count: 1, at: 'x' })).toBe('tu 1 acción hasta las x');
    expect(translate('es', 'confirm.work', { count: 0, at: 'x' })).toBe('tus 0 acciones hasta las x');
    // Spanish says a million with its "many" form, which the locale file leaves to the other form.
    expect(translate('es', 'confirm.work', { count: 1_000_000, at: 'x' })).toBe('tus 1.000.000 acciones hasta las x');
  });

  it('is shown as its key when no locale has it', () => {
    expect(translate('es', 'no.such.key' as MessageKey)).toBe('no.such.key');
    expect(translate('en', 'no.such.key' as MessageKey, { count: 2 })).toBe('no.such.key');
  });

  it('for a key made at run time is undefined when no locale has it, without plural forms', () => {
    expect(translateMaybe('es', 'header.scenario.demo', { id: 'L1' })).toBe('Demo: L1');
    expect(translateMaybe('es', 'header.lessons')).toBe('Lecciones');
    expect(translateMaybe('en', 'action.nope')).toBeUndefined();
    expect(translateMaybe('en', 'time.actions', { count: 1 })).toBeUndefined();
  });

  it('said by the store keeps its English text, its key and its values', () => {
    expect(message('confirm.work', { count: 1, at: '1m' })).toEqual({ text: 'your 1 action up to 1m', key: 'confirm.work', params: { count: 1, at: '1m' } });
    expect(message('header.lessons')).toEqual({ text: 'Lessons', key: 'header.lessons' });
  });

  it('is said by a translator bound to its locale', () => {
    const t = translator('es');
    expect(t.locale).toBe('es');
    expect(t('header.lessons')).toBe('Lecciones');
    expect(t('header.scenario.demo', { id: 'L2' })).toBe('Demo: L2');
  });
});

describe('numbers, lists, durations and dates', () => {
  it('format numbers in the locale, with options', () => {
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('es', 12345.5)).toBe('12.345,5');
    expect(formatNumber('en', 0.256, { style: 'percent' })).toBe('26%');
    expect(formatNumber('es', 0.256, { style: 'percent' })).toBe('26\u00a0%');
    // A format made for options is not reused for other options.
    expect(formatNumber('en', 0.5, { style: 'percent' })).toBe('50%');
    expect(formatNumber('en', 0.5, { minimumFractionDigits: 2 })).toBe('0.50');
  });

  it('join lists with the locale’s words, as a conjunction or a disjunction', () => {
    expect(formatList('en', ['a', 'b'], 'disjunction')).toBe('a or b');
    expect(formatList('es', ['a', 'b'], 'disjunction')).toBe('a o b');
    expect(formatList('es', ['a', 'b'])).toBe('a y b');
    expect(formatList('en', ['a'])).toBe('a');
    expect(formatList('en', [])).toBe('');
  });

  it('say a duration in words to the second, leaving out the units that are zero', () => {
    expect(formatDuration('en', 0)).toBe('0 seconds');
    expect(formatDuration('en', 400)).toBe('0 seconds');
    expect(formatDuration('en', 61_000)).toBe('1 minute, 1 second');
    expect(formatDuration('es', 3_661_000)).toBe('1 hora, 1 minuto y 1 segundo');
    expect(formatDuration('en', 7_200_000)).toBe('2 hours');
    expect(formatDuration('en', 3_600_499)).toBe('1 hour');
  });

  it('say how long ago in the unit that fits', () => {
    expect(formatAgo('en', 0)).toBe('now');
    expect(formatAgo('es', 4_000)).toBe('hace 4 segundos');
    expect(formatAgo('en', 90_000)).toBe('2 minutes ago');
    expect(formatAgo('es', 3_600_000)).toBe('hace 1 hora');
    expect(formatAgo('en', 3 * 86_400_000)).toBe('3 days ago');
  });

  it('round a time just under an hour or a day up to that unit', () => {
    expect(formatAgo('en', 3_599_000)).toBe('1 hour ago');
    expect(formatAgo('en', 86_399_000)).toBe('1 day ago');
    expect(formatAgo('en', 59_600)).toBe('1 minute ago');
    expect(formatAgo('es', 3_569_000)).toBe('hace 59 minutos');
  });

  it('say a day ago with its number, not as yesterday, and a moment ago as now', () => {
    expect(formatAgo('en', 86_400_000)).toBe('1 day ago');
    expect(formatAgo('es', 86_400_000)).toBe('hace 1 día');
    expect(formatAgo('en', 1_000)).toBe('1 second ago');
    expect(formatAgo('es', 400)).toBe('ahora');
  });

  it('write a date and time as the locale does', () => {
    const noon = Date.UTC(2025, 5, 15, 12, 0);
    expect(formatDateTime('en', noon)).toContain('Jun 15, 2025');
    expect(formatDateTime('es', new Date(noon))).toContain('15 jun 2025');
  });
});

describe('loading a locale', () => {
  it('says English until the locale has loaded, loads it once, and tells each listener when it has', async () => {
    vi.resetModules();
    const i18n = await import('../../src/i18n');
    expect(i18n.isLoaded('en')).toBe(true);
    expect(i18n.isLoaded('es')).toBe(false);
    expect(i18n.translate('es', 'header.lessons')).toBe('Lessons');
    expect(i18n.translate('es', 'confirm.work', { count: 1, at: 'x' })).toBe('your 1 action up to x');
    const heard: string[] = [];
    i18n.onLoaded(() => heard.push('a'));
    i18n.onLoaded(() => heard.push('b'));
    await i18n.loadLocale('es');
    expect(heard).toEqual(['a', 'b']);
    expect(i18n.isLoaded('es')).toBe(true);
    expect(i18n.translate('es', 'header.lessons')).toBe('Lecciones');
    await i18n.loadLocale('es');
    await i18n.loadLocale('en');
    expect(heard).toEqual(['a', 'b']);
  });
});

describe('the English messages of the views that load on demand', () => {
  it('come before the view does, are fetched once, and are fetched again after a failure', async () => {
    vi.resetModules();
    let calls = 0;
    let fail = true;
    vi.doMock('../../src/i18n/later', () => ({
      LATER_PREFIXES: ['charts'],
      loadLater: () => {
        calls++;
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve({ 'charts.title': 'Charts, later' });
      },
    }));
    try {
      const i18n = await import('../../src/i18n');
      const view = i18n.withEnglishLater(() => Promise.resolve({ default: 'view' }));
      await expect(view()).resolves.toEqual({ default: 'view' });
      expect(i18n.translate('en', 'charts.title' as MessageKey)).toBe('charts.title');
      fail = false;
      const seen: string[] = [];
      await view().then(() => seen.push(i18n.translate('en', 'charts.title' as MessageKey)));
      expect(seen).toEqual(['Charts, later']);
      await i18n.loadEnglishLater();
      expect(calls).toBe(2);
      // The messages the first load has stay.
      expect(i18n.translate('en', 'header.lessons')).toBe('Lessons');
    } finally {
      vi.doUnmock('../../src/i18n/later');
      vi.resetModules();
    }
  });
});
