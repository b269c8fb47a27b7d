import { useEffect, useRef, useState } from 'react';
import { parseScenario, ScenarioError } from '../content/scenario';
import { formatReport, runScenario } from '../content/runner';
import { complete, newSession, runCommand, type ConsoleResult, type ConsoleSession } from '../content/console';
import type { Sim } from '../sim';
import example from '../../docs/examples/binpack.yaml?raw';

const STORAGE_KEY = 'ecs-sandbox.scenario';

type Result = { kind: 'report'; passed: boolean; summary: string; text: string; sim: Sim } | { kind: 'problems'; text: string };

function run(text: string): Result {
  try {
    let sim: Sim | undefined;
    const report = runScenario(parseScenario(text, 'scenario.yaml'), { after: (s) => (sim = s) });
    const failed = report.expect.filter((x) => !x.passed).length;
    const summary = report.expect.length
      ? `${report.expect.length - failed} of ${report.expect.length} expectations held`
      : `ran to ${report.clock} s, ${report.events.length} events`;
    return { kind: 'report', passed: failed === 0, summary, text: formatReport(report), sim: sim! };
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
  const [result, setResultState] = useState<Result>(() => run(text));
  const [log, setLog] = useState<ConsoleResult[]>([]);
  const [command, setCommand] = useState('');
  const [hint, setHint] = useState('');
  const history = useRef<{ lines: string[]; at: number }>({ lines: [], at: 0 });
  const logRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The newest output stays in view, as in a terminal.
    if (logRef.current) logRef.current.scrollTop = logRef.current.scrollHeight;
  }, [log]);
  const session = useRef<ConsoleSession>(newSession());
  const setResult = (r: Result) => {
    setResultState(r);
    setLog([]);
    session.current = newSession();
  };
  const submit = () => {
    if (result.kind !== 'report' || command.trim() === '') return;
    const r = runCommand(result.sim, command, session.current);
    setLog((l) => [...l, r]);
    history.current.lines.push(command);
    history.current.at = history.current.lines.length;
    setCommand('');
  };
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
      {/copilot:/.test(text) && (
        <p role="note" style={{ background: '#fff8e1', padding: '0.4rem 0.6rem', margin: '0 0 0.5rem' }}>
          AWS Copilot reached end of support in June 2026. Its manifests still show a whole architecture in one file, which is why the sandbox teaches them.
        </p>
      )}
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
            style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13, minHeight: '60vh', whiteSpace: 'pre' }}
          />
        </label>
        <section aria-label={result.kind === 'problems' ? 'Problems' : 'Timeline'} style={{ display: 'flex', flexDirection: 'column' }}>
          <span>{result.kind === 'problems' ? 'Problems' : 'Timeline'}</span>
          <pre style={{ background: result.kind === 'problems' ? '#fff1f0' : '#f6f8fa', padding: '0.5rem', overflow: 'auto', minHeight: '60vh', maxHeight: '60vh', margin: 0, fontSize: 13 }}>
            {result.text}
          </pre>
        </section>
      </div>
      <section aria-label="Console" style={{ marginTop: '1rem' }}>
        <h2 style={{ fontSize: '1.1rem', margin: '0 0 0.25rem' }}>Console</h2>
        <p style={{ margin: '0 0 0.25rem', fontSize: 14 }}>
          Commands act on the world where the scenario stopped: <code>aws ecs …</code> (and application-autoscaling, elbv2, servicediscovery, …) with the AWS CLI's options,
          <code> copilot app init</code> / <code>env init</code> / <code>env deploy</code> / <code>svc init</code> / <code>svc deploy</code> / <code>svc status</code> / <code>svc show</code>,
          <code> sim launch-instances --cluster demo --count 2</code>, and <code>sleep 1m</code> to let time pass. Tab completes commands and options; Up and Down recall earlier commands.
        </p>
        <div ref={logRef} role="log" aria-live="polite" aria-label="Console output" style={{ background: '#0f1720', color: '#e6edf3', fontFamily: 'ui-monospace, monospace', fontSize: 13, padding: '0.5rem', maxHeight: '40vh', overflow: 'auto', whiteSpace: 'pre-wrap' }}>
          {log.length === 0 ? <span style={{ color: '#9aa7b4' }}>{result.kind === 'report' ? 'No commands yet.' : 'Fix the scenario to use the console.'}</span> : log.map((r, i) => (
            <div key={i}>
              <div>$ {r.command}</div>
              {r.output && <div style={{ color: r.exitCode === 0 ? undefined : '#ffb4ab' }}>{r.output.replace(/^\n/, '')}</div>}
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', marginTop: '0.25rem' }}>
          <span aria-hidden="true" style={{ fontFamily: 'ui-monospace, monospace' }}>$</span>
          <input
            aria-label="Command"
            value={command}
            disabled={result.kind !== 'report'}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(e) => {
              setCommand(e.target.value);
              setHint('');
            }}
            onKeyDown={(e) => {
              const h = history.current;
              if (e.key === 'Tab' && !e.shiftKey) {
                // Completion keeps focus only when it has something to offer; otherwise Tab moves on as usual.
                const c = complete(command);
                if (c.candidates.length === 0) return;
                e.preventDefault();
                setCommand(c.line);
                setHint(c.candidates.length > 1 ? c.candidates.join('  ') : '');
              } else if (e.key === 'Enter') {
                setHint('');
                e.preventDefault();
                submit();
              } else if (e.key === 'ArrowUp' && h.at > 0) {
                e.preventDefault();
                h.at--;
                setCommand(h.lines[h.at]!);
              } else if (e.key === 'ArrowDown' && h.at < h.lines.length) {
                e.preventDefault();
                h.at++;
                setCommand(h.lines[h.at] ?? '');
              }
            }}
            style={{ flex: 1, fontFamily: 'ui-monospace, monospace', fontSize: 13, padding: '0.3rem' }}
          />
          <button type="button" onClick={submit} disabled={result.kind !== 'report'}>Run command</button>
        </div>
        <p aria-live="polite" style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13, minHeight: '1.2em', margin: '0.25rem 0 0', color: '#444' }}>{hint}</p>
      </section>
    </main>
  );
}
