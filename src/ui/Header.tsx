import { useRef, useState } from 'react';
import { BUILT_IN_SCENARIOS } from '../store/defaults';
import { ACTIONS, runAction } from '../store/actions';
import { ActionButton } from './ActionButton';
import { useSandbox, useSandboxStore } from './context';
import { LessonsButton } from './LessonsDialog';
import { loadScenario } from '../store/store';

/** The sandbox bar: which scenario, which seed, reset, and the workspace's share / export / import. */
export function Header() {
  const store = useSandboxStore();
  const scenarioId = useSandbox((s) => s.scenarioId);
  const seed = useSandbox((s) => s.seed);
  const shareUrl = useSandbox((s) => s.shareUrl);
  const lessonId = useSandbox((s) => s.lesson?.id ?? null);
  const demoId = useSandbox((s) => s.demo?.id ?? null);
  const [seedDraft, setSeedDraft] = useState<string | null>(null);
  // The lessons' start states join the picker once it is first used (they load on demand).
  const [starts, setStarts] = useState<{ id: string; title: string; text: string; seed: string }[] | null>(null);
  const loadStarts = () => {
    if (starts) return;
    void import('../store/lessons').then((m) => m.loadCatalog()).then((c) => setStarts(Object.values(c.lessons).map((l) => ({ id: `lesson-start:${l.id}`, title: `${l.id}: ${l.title}`, text: l.startText, seed: l.start.seed }))));
  };
  const file = useRef<HTMLInputElement>(null);
  const keys = useRef<HTMLDialogElement>(null);
  return (
    <header className="bar" aria-label="Sandbox">
      <h1 className="brand">ECS Sandbox</h1>
      <LessonsButton />
      <label className="field">
        <span>Scenario</span>
        <select
          value={scenarioId ?? ''} onFocus={loadStarts} onMouseDown={loadStarts}
          onChange={(e) => {
            const start = starts?.find((x) => x.id === e.target.value);
            if (start) {
              store.setState({ lesson: null, demo: null });
              loadScenario(store, start.text, start.seed, start.id);
            } else runAction(store, 'scenario.pick', e.target.value);
          }}
        >
          {(scenarioId === null || (scenarioId.startsWith('lesson-start:') && !starts)) && <option value={scenarioId ?? ''}>{lessonId ? `Lesson ${lessonId}'s start` : demoId ? `Demo: ${demoId}` : scenarioId ? `Start of lesson ${scenarioId.slice(13)}` : 'Your own scenario (from the editor)'}</option>}
          <optgroup label="Sandbox">
            {BUILT_IN_SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </optgroup>
          {starts && <optgroup label="Start states of the lessons">{starts.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}</optgroup>}
        </select>
      </label>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          if (seedDraft !== null && seedDraft.trim() !== seed) runAction(store, 'seed.set', seedDraft);
          setSeedDraft(null);
        }}
      >
        <label htmlFor="seed">Seed</label>
        <input id="seed" className="seed" value={seedDraft ?? seed} onChange={(e) => setSeedDraft(e.target.value)} onBlur={(e) => e.currentTarget.form?.requestSubmit()} spellCheck={false} />
      </form>
      <ActionButton id="world.reset">Reset</ActionButton>
      <span className="spacer" />
      <ActionButton id="view.toggle">Canvas / tables</ActionButton>
      <ActionButton id="present.toggle">Present</ActionButton>
      <ActionButton id="share.link">Share link</ActionButton>
      {shareUrl && <input aria-label="Share link" className="share" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />}
      <button type="button" onClick={() => keys.current?.showModal()} aria-haspopup="dialog">Keys</button>
      <dialog ref={keys} className="keys" aria-labelledby="keys-title">
        <h2 id="keys-title">Keyboard</h2>
        <p>These keys work when the focus is not in a text field or the editor. Tab moves through every control; Enter or Space presses it.</p>
        <table>
          <caption className="sr-only">Shortcuts</caption>
          <thead><tr><th scope="col">Key</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {ACTIONS.filter((a) => a.shortcut).map((a) => <tr key={a.id}><td><kbd>{a.shortcut}</kbd></td><td>{a.label}</td></tr>)}
            <tr><td><kbd>Ctrl+Enter</kbd></td><td>In the editor: the file's main action (register, compose up, deploy, apply)</td></tr>
            <tr><td><kbd>Tab</kbd></td><td>In the console: complete the command</td></tr>
          </tbody>
        </table>
        <form method="dialog"><button type="submit">Close</button></form>
      </dialog>
      <ActionButton id="workspace.export">Export</ActionButton>
      <button type="button" onClick={() => file.current?.click()}>Import…</button>
      <input
        ref={file} type="file" accept="application/json,.json" hidden aria-label="Workspace file to import"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) runAction(store, 'workspace.import', await f.text());
          e.target.value = '';
        }}
      />
    </header>
  );
}
