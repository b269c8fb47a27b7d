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
    <label className="field">
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

/** The sandbox bar: which scenario, which seed, reset, and the workspace's share / export / import. */
export function Header() {
  const shareUrl = useSandbox((s) => s.ui.shareUrl);
  return (
    <header className="bar" aria-label="Sandbox">
      <h1 className="brand">ECS Sandbox</h1>
      <ActionButton id="lessons.show" haspopup="dialog">Lessons</ActionButton>
      <ScenarioPicker />
      <SeedField />
      <ActionButton id="world.reset">Reset</ActionButton>
      <span className="spacer" />
      <ActionButton id="view.toggle">Canvas / tables</ActionButton>
      <ActionButton id="present.toggle">Present</ActionButton>
      <ActionButton id="share.link">Share link</ActionButton>
      {shareUrl && <input aria-label="Share link" className="share" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />}
      <ActionButton id="palette.toggle" haspopup="dialog">Commands</ActionButton>
      <ActionButton id="keys.show" haspopup="dialog">Keys</ActionButton>
      <ActionButton id="workspace.export">Export</ActionButton>
      <ActionButton id="workspace.import">Import…</ActionButton>
    </header>
  );
}
