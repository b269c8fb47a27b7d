import { useRef, useState } from 'react';
import { BUILT_IN_SCENARIOS } from '../store/defaults';
import { runAction } from '../store/actions';
import { ActionButton } from './ActionButton';
import { useSandbox, useSandboxStore } from './context';

/** The sandbox bar: which scenario, which seed, reset, and the workspace's share / export / import. */
export function Header() {
  const store = useSandboxStore();
  const scenarioId = useSandbox((s) => s.scenarioId);
  const seed = useSandbox((s) => s.seed);
  const shareUrl = useSandbox((s) => s.shareUrl);
  const [seedDraft, setSeedDraft] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  return (
    <header className="bar" aria-label="Sandbox">
      <h1 className="brand">ECS Sandbox</h1>
      <label className="field">
        <span>Scenario</span>
        <select value={scenarioId ?? ''} onChange={(e) => runAction(store, 'scenario.pick', e.target.value)}>
          {scenarioId === null && <option value="">Your own scenario (from the editor)</option>}
          {BUILT_IN_SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
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
      <ActionButton id="share.link">Share link</ActionButton>
      {shareUrl && <input aria-label="Share link" className="share" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />}
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
