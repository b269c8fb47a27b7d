import { useState } from 'react';
import { BUILT_IN_SCENARIOS } from '../store/defaults';
import { LESSON_START } from '../store/actions/world';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';
import { useT } from './i18n';
import { useDemoIn, useLessonIn, useLocalizer } from './lessonText';
import { LOCALES, translateMaybe, type Locale } from '../i18n';
import { Icon } from './icons';
// The presenter's bar and the presenting layout are drawn from this module: their styles load with it.
import './presenter.css';

/** The scenario picker: the built-in scenarios, and the lessons' start states once they have loaded. */
function ScenarioPicker() {
  const run = useRun();
  const t = useT();
  const scenarioId = useSandbox((s) => s.world.scenarioId);
  const lessonId = useSandbox((s) => s.lesson.current?.id ?? null);
  const demoId = useSandbox((s) => s.lesson.demo?.id ?? null);
  const catalog = useSandbox((s) => s.lesson.catalog);
  const local = useLocalizer();
  // The lessons' start states join the picker once it is first used (they load on demand).
  const loadStarts = () => {
    if (!catalog) run('lessons.load');
  };
  const starts = catalog ? Object.values(catalog.lessons).map((l) => ({ id: `${LESSON_START}${l.id}`, title: `${l.id}: ${local.lesson(l).title}` })) : null;
  return (
    <label className="field scenario">
      <span>{t('header.scenario')}</span>
      <select value={scenarioId ?? ''} onFocus={loadStarts} onMouseDown={loadStarts} onChange={(e) => run('scenario.pick', e.target.value)}>
        {(scenarioId === null || (scenarioId.startsWith(LESSON_START) && !starts)) && (
          <option value={scenarioId ?? ''}>
            {lessonId
              ? t('header.scenario.lessonStart', { id: lessonId })
              : demoId
                ? t('header.scenario.demo', { id: demoId })
                : scenarioId
                  ? t('header.scenario.startOf', { id: scenarioId.slice(LESSON_START.length) })
                  : t('header.scenario.own')}
          </option>
        )}
        <optgroup label={t('header.scenario.sandbox')}>
          {BUILT_IN_SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {translateMaybe(t.locale, `choice.scenario.pick.${s.id}`) ?? s.title}
            </option>
          ))}
        </optgroup>
        {starts && (
          <optgroup label={t('header.scenario.starts')}>
            {starts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}

/** The seed: edited as a draft, applied on Enter or when the field is left. */
function SeedField() {
  const run = useRun();
  const t = useT();
  const seed = useSandbox((s) => s.world.seed);
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <form
      className="field"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft !== null && draft.trim() !== seed) run('seed.set', draft);
        setDraft(null);
      }}
    >
      <label htmlFor="seed">{t('header.seed')}</label>
      <input id="seed" className="seed" value={draft ?? seed} onChange={(e) => setDraft(e.target.value)} onBlur={(e) => e.currentTarget.form?.requestSubmit()} spellCheck={false} />
    </form>
  );
}

/** The button that switches the theme, saying which one it switches to (as an icon where room is short). */
export function ThemeButton({ icon = false }: { icon?: boolean }) {
  const dark = useSandbox((s) => (s.ui.theme === 'system' ? s.ui.systemTheme : s.ui.theme) === 'dark');
  const t = useT();
  const name = t(dark ? 'header.theme.light' : 'header.theme.dark');
  const title = t(dark ? 'header.theme.toLight' : 'header.theme.toDark');
  if (icon)
    return (
      <ActionButton id="theme.toggle" className="icon-button" title={title} label={name}>
        <Icon name={dark ? 'light' : 'dark'} />
      </ActionButton>
    );
  return (
    <ActionButton id="theme.toggle" title={title}>
      {name}
    </ActionButton>
  );
}

/** The page's language, each offered in its own language; the choice is remembered in this browser. */
export function LanguagePicker() {
  const run = useRun();
  const t = useT();
  const language = useSandbox((s) => s.ui.language);
  return (
    <label className="field language">
      <span className="sr-only">{t('header.language')}</span>
      <select aria-label={t('header.language')} value={language} onChange={(e) => run('language.set', e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l.id} value={l.id} lang={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The sandbox bar, one row from 1280 px in every language: which scenario (as wide as its name where there is
 * room), which seed, reset, the views, and the theme, share, keys, export and import as icons named by their words.
 */
export function Header() {
  const tables = useSandbox((s) => s.ui.view === 'table');
  const t = useT();
  return (
    <header className="bar" aria-label={t('header.label')}>
      <h1 className="brand">ECS Sandbox</h1>
      <ActionButton id="lessons.show" haspopup="dialog">
        {t('header.lessons')}
      </ActionButton>
      <ScenarioPicker />
      <SeedField />
      <ActionButton id="world.reset">{t('header.reset')}</ActionButton>
      <span className="spacer" />
      <ActionButton id="view.toggle">{t(tables ? 'header.canvas' : 'header.tables')}</ActionButton>
      <ActionButton id="present.toggle">{t('header.present')}</ActionButton>
      <LanguagePicker />
      <ActionButton id="palette.toggle" haspopup="dialog">
        {t('header.commands')}
      </ActionButton>
      <span className="icons">
        <ThemeButton icon />
        <ActionButton id="share.link" className="icon-button" label={t('header.share')}>
          <Icon name="share" />
        </ActionButton>
        <ActionButton id="keys.show" haspopup="dialog" className="icon-button" label={t('header.keys')}>
          <Icon name="keys" />
        </ActionButton>
        <ActionButton id="workspace.export" className="icon-button" label={t('header.export')}>
          <Icon name="export" />
        </ActionButton>
        <ActionButton id="workspace.import" className="icon-button" label={t('header.import')}>
          <Icon name="import" />
        </ActionButton>
      </span>
    </header>
  );
}

/** Presenter view's only bar: what is shown, whether an audience window follows, and always the way out. */
export function PresenterBar() {
  const demo = useDemoIn(useSandbox((s) => s.lesson.demo?.def));
  const lesson = useLessonIn(useSandbox((s) => s.lesson.current?.def));
  const title = demo?.title ?? (lesson ? `${lesson.id}: ${lesson.title}` : 'ECS Sandbox');
  const followed = useSandbox((s) => s.present.audience);
  const t = useT();
  return (
    <header className="bar presenter-bar" aria-label={t('presenter.label')}>
      <h1 className="brand">{title}</h1>
      <span className="row">
        {followed ? (
          <span className="badge" role="status">
            {t('presenter.audienceOpen')}
          </span>
        ) : (
          <ActionButton id="present.audience">{t('presenter.openAudience')}</ActionButton>
        )}
        <ThemeButton />
        <ActionButton id="present.toggle" className="primary" label={`${t('presenter.leave')} (P)`}>
          {t('presenter.leave')} <kbd>P</kbd>
        </ActionButton>
      </span>
    </header>
  );
}
