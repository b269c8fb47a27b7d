import { useEffect, useMemo } from 'react';
import type { Demo } from '../content/lesson';
import type { Pane } from '../store/selectors/panes';
import type { AudienceShow } from '../store/store';
import { useSandbox, useSandboxStore } from './context';
import { useT } from './i18n';
import { useDemoIn, useLessonIn } from './lessonText';

/**
 * The demo a window shows, in English and in the window's language. The presenter's window has it
 * open; the audience's window is told only its English texts (it follows its own language), so it
 * finds the catalog's demo by that title, loading the catalog when it is not English. A demo of a
 * file the catalog does not have, or one whose texts differ from the catalog's, stays as written.
 */
function useShownDemo(): { en: Demo; local: Demo } | null {
  const store = useSandboxStore();
  const { locale } = useT();
  const title = useSandbox((s) => s.present.show?.title ?? null);
  const open = useSandbox((s) => s.lesson.demo?.def);
  const catalog = useSandbox((s) => s.lesson.catalog);
  const fromTitle = title !== null && open?.title !== title;
  useEffect(() => {
    if (fromTitle && !catalog && locale !== 'en') void import('../store/lessons').then((m) => m.catalogIn(store));
  }, [fromTitle, catalog, locale, store]);
  const en = fromTitle ? Object.values(catalog?.demos ?? {}).find((d) => d.title === title) : open;
  const local = useDemoIn(en);
  return en && local ? { en, local } : null;
}

/** A pane's label in the window's language: a variant's from the demo's texts, else as the demo wrote it. */
export function usePaneLabel(): (pane: Pane) => string {
  const demo = useShownDemo();
  return useMemo(
    () => (pane: Pane) => {
      const i = pane.variant;
      if (!demo || i === undefined || demo.en.variants[i]?.label !== pane.label) return pane.label;
      return demo.local.variants[i]?.label ?? pane.label;
    },
    [demo],
  );
}

/**
 * The title of the lesson a show presents, in the window's language ("L1: Conoce el monolito"), loading the
 * catalog when it is not English; null for a demo, or a title other than the catalog's English one.
 */
function useLessonShownTitle(show: AudienceShow): string | null {
  const store = useSandboxStore();
  const { locale } = useT();
  const catalog = useSandbox((s) => s.lesson.catalog);
  const id = show.lesson;
  useEffect(() => {
    if (id && !catalog && locale !== 'en') void import('../store/lessons').then((m) => m.catalogIn(store));
  }, [id, catalog, locale, store]);
  const en = id ? catalog?.lessons[id] : undefined;
  const local = useLessonIn(en);
  return en && local && show.title === `${en.id}: ${en.title}` ? `${en.id}: ${local.title}` : null;
}

/** What the audience's window shows, its demo's title, question and callouts (or its lesson's title) in the window's language. */
export function useShowIn(show: AudienceShow): AudienceShow {
  const demo = useShownDemo();
  const lessonTitle = useLessonShownTitle(show);
  return useMemo(() => (demo && demo.en.title === show.title ? localShow(show, demo.en, demo.local) : lessonTitle ? { ...show, title: lessonTitle } : show), [show, demo, lessonTitle]);
}

function localShow(show: AudienceShow, en: Demo, local: Demo): AudienceShow {
  const q = show.question;
  const i = q ? en.pauses.findIndex((p) => p.prompt === q.prompt) : -1;
  const pe = en.pauses[i];
  const pl = local.pauses[i];
  const question =
    q && pe && pl
      ? {
          prompt: pl.prompt,
          reveal: q.reveal !== null && q.reveal === pe.reveal ? pl.reveal : q.reveal,
          ...(q.choices ? { choices: q.choices.map((c, j) => (pe.choices?.[j]?.label === c.label ? { ...c, label: pl.choices?.[j]?.label ?? c.label } : c)) } : {}),
        }
      : q;
  const callouts = show.callouts && localCallouts(show.callouts, en, local);
  return { ...show, title: local.title, question, ...(callouts ? { callouts } : {}) };
}

type Shown = { node?: string; text: string }[];

function localCallouts(callouts: Shown, en: Demo, local: Demo): Shown {
  return callouts.map((c) => {
    const k = en.callouts?.findIndex((x) => x.text === c.text) ?? -1;
    const text = k >= 0 ? local.callouts?.[k]?.text : undefined;
    return text ? { ...c, text } : c;
  });
}

/** The presenter's callouts as the audience's window shows them: in its language, where the demo's texts have them. */
export function useShownCallouts(callouts: Shown | undefined): Shown | undefined {
  const demo = useShownDemo();
  return useMemo(() => (callouts && demo ? localCallouts(callouts, demo.en, demo.local) : callouts), [callouts, demo]);
}
