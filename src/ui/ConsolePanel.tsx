import { useEffect, useRef, useState } from 'react';
import { complete } from '../content/console';
import { runAction } from '../store/actions';
import { useSandbox, useSandboxStore } from './context';

/** The command line: aws / docker / copilot / sim commands on the live world, with history and Tab completion. */
export function ConsolePanel() {
  const store = useSandboxStore();
  const version = useSandbox((s) => s.version);
  const timeline = useSandbox((s) => s.timeline);
  const transcript = timeline?.transcript ?? [];
  const [command, setCommand] = useState('');
  const [hint, setHint] = useState('');
  const history = useRef<{ lines: string[]; at: number }>({ lines: [], at: 0 });
  const out = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (out.current) out.current.scrollTop = out.current.scrollHeight;
  }, [transcript.length, version]);
  const submit = () => {
    if (!command.trim()) return;
    runAction(store, 'console.run', command);
    history.current.lines.push(command);
    history.current.at = history.current.lines.length;
    setCommand('');
  };
  return (
    <div className="console">
      <p className="small muted">
        <code>aws ecs run-task --cluster demo --task-definition web --count 2</code>, <code>aws ecs describe-services …</code>, <code>docker compose up</code>,
        {' '}<code>copilot svc deploy</code>, <code>sim terminate-instances …</code>, <code>sleep 1m</code>. Tab completes; Up and Down recall earlier commands.
      </p>
      <div ref={out} className="console-out" role="log" aria-live="polite" aria-label="Console output" tabIndex={0}>
        {transcript.length === 0 ? <span className="muted">No commands yet.</span> : transcript.map((r, i) => (
          <div key={i}>
            <div className="cmd">$ {r.command}</div>
            {r.output && <div className={r.exitCode === 0 ? '' : 'err'}>{r.output.replace(/^\n/, '')}</div>}
          </div>
        ))}
      </div>
      <div className="console-in">
        <span aria-hidden="true">$</span>
        <input
          aria-label="Command" value={command} spellCheck={false} autoCapitalize="off" disabled={!timeline}
          onChange={(e) => {
            setCommand(e.target.value);
            setHint('');
          }}
          onKeyDown={(e) => {
            const h = history.current;
            if (e.key === 'Tab' && !e.shiftKey) {
              const c = complete(command);
              if (c.candidates.length === 0) return;
              e.preventDefault();
              setCommand(c.line);
              setHint(c.candidates.length > 1 ? c.candidates.join('  ') : '');
            } else if (e.key === 'Enter') {
              e.preventDefault();
              setHint('');
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
        />
        <button type="button" onClick={submit} disabled={!timeline}>Run command</button>
      </div>
      <p className="hint" aria-live="polite">{hint}</p>
    </div>
  );
}
