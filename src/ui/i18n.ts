import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { isLoaded, onLoaded, translator, type Translator } from '../i18n';
import { useSandbox } from './context';
import { demoIn, indexIn, lessonIn, localeTexts, lessonTextsReady, onLessonTexts } from '../store/lessons';
import type { Demo, Lesson, LessonIndex } from '../content/lesson';

/**
 * The page's translator: the messages of the language chosen (ui.language), once they have loaded,
 * else English; components re-render when the language changes or its messages arrive.
 */
export function useT(): Translator {
  const language = useSandbox((s) => s.ui.language);
  const ready = useSyncExternalStore(onLoaded, () => isLoaded(language));
  return useMemo(() => translator(ready ? language : 'en'), [language, ready]);
}

/** A lesson, demo or the lessons' index with its texts in the page's language (English where it has none). */
export function useLessonIn(def: Lesson): Lesson;
export function useLessonIn(def: Lesson | undefined): Lesson | undefined;
export function useLessonIn(def: Lesson | undefined): Lesson | undefined {
  const locale = useTextsLocale();
  return useMemo(() => (def ? lessonIn(def, locale) : undefined), [def, locale]);
}

export function useDemoIn(def: Demo | undefined): Demo | undefined {
  const locale = useTextsLocale();
  return useMemo(() => (def ? demoIn(def, locale) : undefined), [def, locale]);
}

export function useIndexIn(index: LessonIndex): LessonIndex {
  const locale = useTextsLocale();
  return useMemo(() => indexIn(index, locale), [index, locale]);
}

/** The locale the lessons' texts are shown in: the page's, once its lesson texts have loaded (they load on first use). */
function useTextsLocale(): string {
  const { locale } = useT();
  const ready = useSyncExternalStore(onLessonTexts, () => lessonTextsReady(locale));
  useEffect(() => {
    if (!ready) void localeTexts(locale).catch(() => undefined);
  }, [locale, ready]);
  return ready ? locale : 'en';
}

/** A lesson's title in the page's language, by its id (the English title given until the catalog has it). */
export function useLessonTitle(): (id: string, fallback: string) => string {
  const catalog = useSandbox((s) => s.lesson.catalog);
  const locale = useTextsLocale();
  return (id, fallback) => {
    const l = catalog?.lessons[id];
    return l ? lessonIn(l, locale).title : fallback;
  };
}

/** Puts the catalog's lessons, demos and index into the page's language, for lists that show many of them. */
export function useLocalizer(): { lesson: (d: Lesson) => Lesson; demo: (d: Demo) => Demo; index: (i: LessonIndex) => LessonIndex } {
  const locale = useTextsLocale();
  return useMemo(() => ({ lesson: (d) => lessonIn(d, locale), demo: (d) => demoIn(d, locale), index: (i) => indexIn(i, locale) }), [locale]);
}
