import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Demo, Lesson, LessonIndex } from '../content/lesson';
import { useSandbox } from './context';
import { useT } from './i18n';

/**
 * The lessons' and demos' texts in the page's language. The lesson catalog is not part of the first
 * load, so neither is this: the catalog's module is fetched when a lesson text is first asked for
 * (by then it is loaded anyway, since the lesson came from it), and the language's texts after it.
 */
type Lessons = typeof import('../store/lessons');
let lessons: Lessons | undefined;
let loading: Promise<Lessons> | undefined;
const listeners = new Set<() => void>();
const tell = () => {
  for (const f of listeners) f();
};
const subscribe = (f: () => void) => {
  listeners.add(f);
  const off = lessons?.onLessonTexts(f);
  return () => {
    listeners.delete(f);
    off?.();
  };
};

function load(locale: string): void {
  loading ??= import('../store/lessons').then((m) => {
    lessons = m;
    tell();
    return m;
  });
  void loading.then((m) => m.localeTexts(locale)).then(tell, () => undefined);
}

/** The locale the lessons' texts are shown in: the page's once its lesson texts have loaded, English until then. */
function useTextsLocale(): string {
  const { locale } = useT();
  const ready = useSyncExternalStore(subscribe, () => locale === 'en' || (lessons?.lessonTextsReady(locale) ?? false));
  useEffect(() => {
    if (!ready) load(locale);
  }, [locale, ready]);
  return ready ? locale : 'en';
}

/** A lesson with its texts in the page's language (English where it has none). */
export function useLessonIn(def: Lesson): Lesson;
export function useLessonIn(def: Lesson | undefined): Lesson | undefined;
export function useLessonIn(def: Lesson | undefined): Lesson | undefined {
  const locale = useTextsLocale();
  return useMemo(() => (def && lessons ? lessons.lessonIn(def, locale) : def), [def, locale]);
}

/** A demo with its title, notes and questions in the page's language. */
export function useDemoIn(def: Demo | undefined): Demo | undefined {
  const locale = useTextsLocale();
  return useMemo(() => (def && lessons ? lessons.demoIn(def, locale) : def), [def, locale]);
}

/** Puts the catalog's lessons, demos and index into the page's language, for lists that show many of them. */
export function useLocalizer(): { lesson: (d: Lesson) => Lesson; demo: (d: Demo) => Demo; index: (i: LessonIndex) => LessonIndex } {
  const locale = useTextsLocale();
  return useMemo(
    () => ({
      lesson: (d) => lessons?.lessonIn(d, locale) ?? d,
      demo: (d) => lessons?.demoIn(d, locale) ?? d,
      index: (i) => lessons?.indexIn(i, locale) ?? i,
    }),
    [locale],
  );
}

/** A lesson's title in the page's language, by its id (the English title given until the catalog has it). */
export function useLessonTitle(): (id: string, fallback: string) => string {
  const catalog = useSandbox((s) => s.lesson.catalog);
  const local = useLocalizer();
  return (id, fallback) => {
    const l = catalog?.lessons[id];
    return l ? local.lesson(l).title : fallback;
  };
}
