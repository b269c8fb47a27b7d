import en from './locales/en.json';
import type diagnostics from './diagnostics/en.json';
import { loadLater } from './later';

/**
 * The page's languages. Every string a learner reads is a key of src/i18n/locales/<locale>.json (the
 * lessons keep theirs beside them, lessons/<id>/text/<locale>.md and .yaml). English is part of the
 * first load (but for the messages of views that load on demand, ./later.ts) and the fallback for
 * anything missing; every other locale is its own chunk, fetched when it is first chosen. Plurals,
 * numbers, lists and durations go through the platform's Intl. The diagnostics of the parsers that load
 * on demand (Compose, Copilot, lessons, scenarios) keep theirs in ./diagnostics/<locale>.json: the
 * English arrive with those parsers (`addEnglish`), the others with their locale.
 */
export type Locale = 'en' | 'es';

/** The languages offered, each named in itself (the picker shows them so). */
export const LOCALES: readonly { id: Locale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'es', name: 'Español' },
];

export const DEFAULT_LOCALE: Locale = 'en';

export type Messages = Record<string, string>;

type Keys = (keyof typeof en | keyof typeof diagnostics) & string;
/** A key with plural forms ("x#one", "x#other"): used by its name before the "#". */
type PluralBase<K> = K extends `${infer B}#other` ? B : never;
export type MessageKey = Exclude<Keys, `${string}#${string}`> | PluralBase<Keys>;

/** Values put into a message's {placeholders}; `count` also picks the plural form; a message value is said in the same locale, and so is each item of a list. */
export type Params = Record<string, string | number | Message | MessageList>;

/** Texts said one after another with `join` between them (the problems of a file, one a line). */
export interface MessageList {
  join: string;
  items: readonly (string | Message)[];
}

export function isLocale(v: unknown): v is Locale {
  return LOCALES.some((l) => l.id === v);
}

/** The first of the browser's languages (navigator.languages) that the page speaks, else English. */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  for (const tag of languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

const loaded: Partial<Record<Locale, Messages>> = { en };
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  es: () => Promise.all([import('./locales/es.json'), import('./diagnostics/es.json')]).then(([m, d]) => ({ ...(m.default as Messages), ...(d.default as Messages) })),
};
const listeners = new Set<() => void>();

/** Fetches a locale's messages (once); resolves when they can be used. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (loaded[locale]) return;
  loaded[locale] = await LOADERS[locale as Exclude<Locale, 'en'>]();
  for (const f of listeners) f();
}

let later: Promise<void> | undefined;

/**
 * Adds the English messages of the views that load on demand (./later.ts) to the first load's, once; a view
 * that shows them awaits this with its code. A failed fetch is tried again by the next view that asks.
 */
export function loadEnglishLater(): Promise<void> {
  later ??= loadLater().then(
    (m) => {
      if (m) loaded.en = { ...loaded.en, ...m };
    },
    () => {
      later = undefined;
    },
  );
  return later;
}

/** A view's module, given once the English messages it may show have loaded too (React.lazy's argument). */
export function withEnglishLater<M>(load: () => Promise<M>): () => Promise<M> {
  return () => Promise.all([load(), loadEnglishLater()]).then(([m]) => m);
}

/**
 * Adds English messages that arrive with the code that says them (the on-demand parsers' diagnostics,
 * ./diagnostics/en.json), so that the page can say what that code said in any locale.
 */
export function addEnglish(messages: Messages): void {
  loaded.en = { ...loaded.en, ...messages };
}

export function isLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Calls `f` each time a locale finishes loading; returns the unsubscribe. */
export function onLoaded(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

const plurals = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let r = plurals.get(locale);
  if (!r) plurals.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

function fill(text: string, params: Params | undefined, locale: Locale): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    if (typeof v === 'object' && 'items' in v) return v.items.map((x) => (typeof x === 'string' ? x : translate(locale, x.key, x.params))).join(v.join);
    if (typeof v === 'object') return translate(locale, v.key, v.params);
    return typeof v === 'number' ? formatNumber(locale, v) : v;
  });
}

/** The raw text of a key in a locale (the plural form `count` picks, if the key has them), else in English. */
function lookup(locale: Locale, key: string, count: number | undefined): string | undefined {
  for (const l of locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE]) {
    const m = loaded[l];
    if (!m) continue;
    if (count !== undefined) {
      const form = m[`${key}#${pluralRules(l).select(count)}`] ?? m[`${key}#other`];
      if (form !== undefined) return form;
    }
    if (m[key] !== undefined) return m[key];
  }
  return undefined;
}

/** A message in a locale, its placeholders filled; a key missing everywhere is shown as itself. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const count = typeof params?.count === 'number' ? params.count : undefined;
  return fill(lookup(locale, key, count) ?? key, params, locale);
}

/** A message for a key made at run time (an action's id), or undefined when no locale has it. */
export function translateMaybe(locale: Locale, key: string, params?: Params): string | undefined {
  const text = lookup(locale, key, undefined);
  return text === undefined ? undefined : fill(text, params, locale);
}

/** Number formats made so far, by locale and options: making one costs far more than using it, and the page formats numbers every frame. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number, opts?: Intl.NumberFormatOptions): string {
  const key = opts ? `${locale}${JSON.stringify(opts)}` : locale;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f.format(n);
}

/** A list as the locale joins it ("a, b and c", "a, b y c"). */
export function formatList(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(locale, { type }).format(items);
}

/** A length of time in words ("2 minutes, 30 seconds", "2 minutos y 30 segundos"), to the second. */
export function formatDuration(locale: Locale, ms: number): string {
  const total = Math.round(ms / 1000);
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor(total / 60) % 60, 'minute'],
    [total % 60, 'second'],
  ];
  const words = parts.filter(([v]) => v > 0).map(([v, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(v));
  if (words.length === 0) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(0);
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(words);
}

/** A wall-clock date and time as the locale writes it (a damaged copy's, a progress file's). */
export function formatDateTime(locale: Locale, when: number | Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}

/** How long ago, as the locale says it ("5 minutes ago", "hace 5 minutos"). */
export function formatAgo(locale: Locale, ms: number): string {
  const s = Math.round(ms / 1000);
  if (s === 0) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  // Always a number ("1 day ago", not "yesterday": a day ago may be today), each unit rounded before it is
  // chosen, so that 59 min 59 s is "1 hour ago" and not "60 minutes ago".
  const f = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (s < 60) return f.format(-s, 'second');
  if (Math.round(s / 60) < 60) return f.format(-Math.round(s / 60), 'minute');
  if (Math.round(s / 3600) < 24) return f.format(-Math.round(s / 3600), 'hour');
  return f.format(-Math.round(s / 86_400), 'day');
}

/** A translator bound to one locale, as the UI uses it. */
export interface Translator {
  (key: MessageKey, params?: Params): string;
  locale: Locale;
}

export function translator(locale: Locale): Translator {
  return Object.assign((key: MessageKey, params?: Params) => translate(locale, key, params), { locale });
}

/** A text said by the store (a notice): its English words, and the key and values the page translates it by. */
export interface Message {
  text: string;
  key: MessageKey;
  params?: Params;
}

export function message(key: MessageKey, params?: Params): Message {
  return { text: translate(DEFAULT_LOCALE, key, params), key, ...(params ? { params } : {}) };
}
