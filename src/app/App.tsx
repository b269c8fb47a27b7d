import { useState } from 'react';
import { parseScenario, ScenarioError } from '../content/scenario';
import { formatReport, runScenario } from '../content/runner';
import example from '../../docs/examples/binpack.yaml?raw';

const STORAGE_KEY = 'ecs-sandbox.scenario';

type Result = { kind: 'report'; passed: boolean; summary: string; text: string } | { kind: 'problems'; text: string };

function run(text: string): Result {
  try {
    const report = runScenario(parseScenario(text, 'scenario.yaml'));
    const failed = report.expect.filter((x) => !x.passed).length;
    const summary = report.expect.length
      ? `${report.expect.length - failed} of ${report.expect.length} expectations held`
      : `ran to ${report.clock} s, ${report.events.length} events`;
    return { kind: 'report', passed: failed === 0, summary, text: formatReport(report) };
  } catch (e) {
    // A scenario that cannot run is reported, never thrown at the learner; their text stays.
    return { kind: 'problems', text: e instanceof ScenarioError ? e.message : `Unexpected error: ${String(e)}` };
  }
}

function loadSaved(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? example;
  } catch {
    return example;
  }
}

/**
 * The scenario runner in the browser: edit a scenario, run it with the same engine and runner as
 * the command line, and read the timeline and the expectations. Nothing leaves the page.
 */
export function App() {
  const [text, setText] = useState<string>(loadSaved);
  const [result, setResult] = useState<Result>(() => run(text));
  const save = (t: string) => {
    setText(t);
    try {
      localStorage.setItem(STORAGE_KEY, t);
    } catch {
      // Storage may be full or disabled; the text stays in the editor.
    }
  };
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '1rem auto', maxWidth: 1400, padding: '0 1rem' }}>
      <h1 style={{ fontSize: '1.4rem', marginBottom: '0.25rem' }}>ECS Sandbox — scenario runner</h1>
      <p style={{ marginTop: 0 }}>
        Edit a scenario (YAML), then run it (Ctrl+Enter). The simulation is deterministic: the same scenario and seed give the same timeline.
      </p>
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginBottom: '0.5rem' }}>
        <button type="button" onClick={() => setResult(run(text))}>Run scenario</button>
        <button type="button" onClick={() => { save(example); setResult(run(example)); }}>Reset to the example</button>
        <span role="status" style={{ marginLeft: '1rem', fontWeight: 600, color: result.kind === 'problems' ? '#a40000' : result.passed ? '#1a6b1a' : '#a40000' }}>
          {result.kind === 'problems' ? 'The scenario cannot run' : result.summary}
        </span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '1rem' }}>
        <label style={{ display: 'flex', flexDirection: 'column' }}>
          <span>Scenario</span>
          <textarea
            value={text}
            spellCheck={false}
            wrap="off"
            onChange={(e) => save(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                setResult(run(text));
              }
            }}
            style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13, minHeight: '75vh', whiteSpace: 'pre' }}
          />
        </label>
        <section aria-label={result.kind === 'problems' ? 'Problems' : 'Timeline'} style={{ display: 'flex', flexDirection: 'column' }}>
          <span>{result.kind === 'problems' ? 'Problems' : 'Timeline'}</span>
          <pre style={{ background: result.kind === 'problems' ? '#fff1f0' : '#f6f8fa', padding: '0.5rem', overflow: 'auto', minHeight: '75vh', margin: 0, fontSize: 13 }}>
            {result.text}
          </pre>
        </section>
      </div>
    </main>
  );
}
