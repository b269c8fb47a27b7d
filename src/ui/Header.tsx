import { useState } from 'react';
import { BUILT_IN_SCENARIOS } from '../store/defaults';
import { LESSON_START } from '../store/actions/world';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';

/** The scenario picker: the built-in scenarios, and the lessons' start states once they have loaded. */
function ScenarioPicker() {
  const run = useRun();
  const scenarioId = useSandbox((s) => s.world.scenarioId);
  const lessonId = useSandbox((s) => s.lesson.current?.id ?? null);
  const demoId = useSandbox((s) => s.lesson.demo?.id ?? null);
  const catalog = useSandbox((s) => s.lesson.catalog);
  // The lessons' start states join the picker once it is first used (they load on demand).
  const loadStarts = () => {
    if (!catalog) run('lessons.load');
  };
  const starts = catalog ? Object.values(catalog.lessons).map((l) => ({ id: `${LESSON_START}${l.id}`, title: `${l.id}: ${l.title}` })) : null;
  return (
    <label className="field scenario">
      <span>Scenario</span>
      <select value={scenarioId ?? ''} onFocus={loadStarts} onMouseDown={loadStarts} onChange={(e) => run('scenario.pick', e.target.value)}>
        {(scenarioId === null || (scenarioId.startsWith(LESSON_START) && !starts)) && (
          <option value={scenarioId ?? ''}>{lessonId ? `Lesson ${lessonId}'s start` : demoId ? `Demo: ${demoId}` : scenarioId ? `Start of lesson ${scenarioId.slice(LESSON_START.length)}` : 'Your own scenario (from the editor)'}</option>
        )}
        <optgroup label="Sandbox">
          {BUILT_IN_SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </optgroup>
        {starts && <optgroup label="Start states of the lessons">{starts.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}</optgroup>}
      </select>
    </label>
  );
}

/** The seed: edited as a draft, applied on Enter or when the field is left. */
function SeedField() {
  const run = useRun();
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
      <label htmlFor="seed">Seed</label>
      <input id="seed" className="seed" value={draft ?? seed} onChange={(e) => setDraft(e.target.value)} onBlur={(e) => e.currentTarget.form?.requestSubmit()} spellCheck={false} />
    </form>
  );
}

/** The last share link made, under the header (not in its row), to copy by hand; it closes. */
function ShareField() {
  const shareUrl = useSandbox((s) => s.ui.shareUrl);
  const [closed, setClosed] = useState<string | null>(null);
  if (!shareUrl || closed === shareUrl) return null;
  return (
    <div className="share-pop" role="group" aria-label="The share link">
      <input aria-label="Share link" className="share" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" aria-label="Hide the link field" onClick={() => setClosed(shareUrl)}>×</button>
    </div>
  );
}

/** The button that switches the theme, saying which one it switches to. */
export function ThemeButton() {
  const dark = useSandbox((s) => (s.ui.theme === 'system' ? s.ui.systemTheme : s.ui.theme) === 'dark');
  return <ActionButton id="theme.toggle" title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}>{dark ? 'Light' : 'Dark'}</ActionButton>;
}

/** The sandbox bar, one row from 1280 px: which scenario, which seed, reset, the views, the theme, and the workspace's share / export / import. */
export function Header() {
  const tables = useSandbox((s) => s.ui.view === 'table');
  return (
    <header className="bar" aria-label="Sandbox">
      <h1 className="brand">ECS Sandbox</h1>
      <ActionButton id="lessons.show" haspopup="dialog">Lessons</ActionButton>
      <ScenarioPicker />
      <SeedField />
      <ActionButton id="world.reset">Reset</ActionButton>
      <span className="spacer" />
      <ActionButton id="view.toggle">{tables ? 'Canvas' : 'Tables'}</ActionButton>
      <ActionButton id="present.toggle">Present</ActionButton>
      <ThemeButton />
      <ActionButton id="share.link">Share link</ActionButton>
      <ActionButton id="palette.toggle" haspopup="dialog">Commands</ActionButton>
      <ActionButton id="keys.show" haspopup="dialog">Keys</ActionButton>
      <ActionButton id="workspace.export">Export</ActionButton>
      <ActionButton id="workspace.import">Import…</ActionButton>
      <ShareField />
    </header>
  );
}

/** Presenter view's only bar: what is shown, whether an audience window follows, and always the way out. */
export function PresenterBar() {
  const title = useSandbox((s) => s.lesson.demo?.def.title ?? (s.lesson.current ? `${s.lesson.current.id}: ${s.lesson.current.def.title}` : 'ECS Sandbox'));
  const followed = useSandbox((s) => s.present.audience);
  return (
    <header className="bar presenter-bar" aria-label="Presenter view">
      <h1 className="brand">{title}</h1>
      <span className="row">
        {followed ? <span className="badge" role="status">Audience window open</span> : <ActionButton id="present.audience">Open the audience window</ActionButton>}
        <ThemeButton />
        <ActionButton id="present.toggle" className="primary" label="Leave presenter view (P)">Leave presenter view <kbd>P</kbd></ActionButton>
      </span>
    </header>
  );
}
