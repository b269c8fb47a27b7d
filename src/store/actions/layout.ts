import { isLocale, loadLocale, LOCALES, message, type Locale } from '../../i18n';
import { notify, patch, type SandboxState, type SandboxStore } from '../store';
import { clampPane, defaultPanes, effectiveTheme, PANE_IDS, savePrefs, type PaneId, type Theme, type ThemeChoice } from '../prefs';
import { reason, type ActionTable } from '../registry';

/** Keeps the theme, the panes and the language in this browser (never in the workspace or a share link). */
function remember(st: SandboxStore): void {
  const { theme, panes, panesSized, language, languageChosen } = st.getState().ui;
  savePrefs(st.port.storage, { theme, panes, sized: panesSized, language: languageChosen ? language : null });
}

const THEME_CHOICES: { label: string; arg: ThemeChoice }[] = [
  { label: 'Light', arg: 'light' },
  { label: 'Dark', arg: 'dark' },
  { label: 'As the system prefers', arg: 'system' },
];

/** The theme in effect now. */
export const themeOf = (s: SandboxState): Theme => effectiveTheme(s.ui.theme, s.ui.systemTheme);

/** The page's look and arrangement: the theme, the language, the panes' sizes, the canvas's framing, and saying no to a question. */
export const LAYOUT_ACTIONS = {
  'theme.toggle': {
    label: 'Switch between the light and the dark theme',
    group: 'View',
    keys: ['T'],
    run: (st) => {
      patch(st, (s) => ({ ui: { theme: themeOf(s) === 'dark' ? 'light' : 'dark' } }));
      remember(st);
    },
  },
  'theme.set': {
    label: 'Theme',
    group: 'View',
    palette: { choices: () => THEME_CHOICES },
    run: (st, choice: ThemeChoice) => {
      if (!THEME_CHOICES.some((c) => c.arg === choice)) return;
      patch(st, { ui: { theme: choice } });
      remember(st);
    },
  },
  'theme.system': {
    label: 'Follow the system theme',
    group: 'View',
    palette: false,
    run: (st, theme: Theme) => {
      if (theme === 'light' || theme === 'dark') patch(st, (s) => (s.ui.systemTheme === theme ? {} : { ui: { systemTheme: theme } }));
    },
  },
  'language.set': {
    label: 'Language',
    group: 'View',
    palette: { choices: () => LOCALES.map((l) => ({ label: l.name, arg: l.id })) },
    run: async (st, locale: Locale) => {
      if (!isLocale(locale)) return;
      try {
        // The lessons' texts in that language come with it once the lessons are in use, so the page changes at once.
        await Promise.all([loadLocale(locale), st.getState().lesson.catalog ? import('../lessons').then((m) => m.localeTexts(locale)) : undefined]);
      } catch {
        notify(st, message('notice.languageFailed', { name: LOCALES.find((l) => l.id === locale)!.name }), 'warning');
        return;
      }
      patch(st, { ui: { language: locale, languageChosen: true } });
      remember(st);
    },
  },
  'pane.resize': {
    label: 'Resize a pane',
    group: 'View',
    palette: false,
    run: (st, arg: { pane: PaneId; size: number }) => {
      if (!arg || !PANE_IDS.includes(arg.pane)) return;
      const size = clampPane(arg.pane, Number(arg.size));
      const { panes, panesSized } = st.getState().ui;
      if (panes[arg.pane] === size && panesSized.includes(arg.pane)) return;
      patch(st, (s) => ({ ui: { panes: { ...s.ui.panes, [arg.pane]: size }, panesSized: s.ui.panesSized.includes(arg.pane) ? s.ui.panesSized : [...s.ui.panesSized, arg.pane] } }));
      remember(st);
    },
  },
  'pane.reset': {
    label: 'Reset the sizes of the panes',
    group: 'View',
    run: (st) => {
      patch(st, { ui: { panes: defaultPanes(), panesSized: [] } });
      remember(st);
    },
  },
  'canvas.fit': {
    label: 'Fit the canvas to what matters',
    group: 'View',
    keys: ['F'],
    enabled: (s) => (s.world.timeline ? (s.ui.view === 'canvas' ? true : reason('reason.tablesShown')) : reason('reason.cannotRun')),
    run: (st) => patch(st, (s) => ({ ui: { fit: s.ui.fit + 1 } })),
  },
  'confirm.cancel': {
    label: 'No, keep things as they are',
    group: 'View',
    palette: false,
    run: (st) => patch(st, (s) => ({ ui: { confirm: null, dialog: s.ui.dialog === 'confirm' ? null : s.ui.dialog } })),
  },
} satisfies ActionTable;

/** Calls `f` with the theme in effect now and again each time it changes; returns the unsubscribe. */
export function onTheme(st: SandboxStore, f: (theme: Theme) => void): () => void {
  let last = themeOf(st.getState());
  f(last);
  return st.subscribe((s) => {
    const t = themeOf(s);
    if (t !== last) f((last = t));
  });
}

/** Calls `f` with the page's language now and again each time it changes; returns the unsubscribe. */
export function onLanguage(st: SandboxStore, f: (language: Locale) => void): () => void {
  let last = st.getState().ui.language;
  f(last);
  return st.subscribe((s) => {
    if (s.ui.language !== last) f((last = s.ui.language));
  });
}
