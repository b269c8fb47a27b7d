import { useMemo, useState } from 'react';
import { parseScenario, ScenarioError } from '../content/scenario';
import { formatReport, runScenario } from '../content/runner';
import example from '../../docs/examples/binpack.yaml?raw';

/**
 * The scenario runner in the browser: edit a scenario, run it with the same engine and runner as
 * the command line, and read the timeline and the expectations. Nothing leaves the page.
 */
export function App() {
  const [text, setText] = useState<string>(() => localStorage.getItem('ecs-sandbox.scenario') ?? example);
  const [ran, setRan] = useState(0);
  const result = useMemo(() => {
    void ran;
    try {
      return { ok: true as const, text: formatReport(runScenario(parseScenario(text, 'scenario.yaml'))) };
    } catch (e) {
      return { ok: false as const, text: e instanceof ScenarioError ? e.message : String(e) };
    }
  }, [ran]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '1rem auto', maxWidth: 1200, padding: '0 1rem' }}>
      <h1 style={{ fontSize: '1.4rem' }}>ECS Sandbox — scenario runner</h1>
      <p>Edit a scenario (YAML), then run it. The simulation is deterministic: the same scenario and seed give the same timeline.</p>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1rem' }}>
        <label style={{ display: 'flex', flexDirection: 'column' }}>
          <span>Scenario</span>
          <textarea
            value={text}
            spellCheck={false}
            onChange={(e) => {
              setText(e.target.value);
              localStorage.setItem('ecs-sandbox.scenario', e.target.value);
            }}
            style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13, minHeight: '70vh' }}
          />
        </label>
        <section aria-live="polite" style={{ display: 'flex', flexDirection: 'column' }}>
          <span>{result.ok ? 'Timeline' : 'Problems'}</span>
          <pre style={{ background: result.ok ? '#f6f8fa' : '#fff1f0', padding: '0.5rem', overflow: 'auto', minHeight: '70vh', margin: 0, fontSize: 13 }}>{result.text}</pre>
        </section>
      </div>
      <p>
        <button type="button" onClick={() => setRan((n) => n + 1)}>Run scenario</button>{' '}
        <button type="button" onClick={() => { setText(example); localStorage.removeItem('ecs-sandbox.scenario'); }}>Reset to the example</button>
      </p>
    </main>
  );
}
