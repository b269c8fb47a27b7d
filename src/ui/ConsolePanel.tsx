import { Fragment, useEffect, useRef } from 'react';
import { renderOutput } from '../content/console/said';
import { pressKey } from '../store/actions';
import { loadConsole } from '../content/console/onDemand';
import { pressOf } from '../store/registry';
import { selectConsoleLines } from '../store/selectors/console';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox, useSandboxStore } from './context';
import { messageIn, useT } from './i18n';

/** The command line: aws / docker / copilot / sim commands on the live world, with history and Tab completion. */
export function ConsolePanel() {
  const store = useSandboxStore();
  const run = useRun();
  const t = useT();
  const transcript = useSandbox(selectConsoleLines);
  const focusAsked = useSandbox((s) => s.ui.console.focus);
  const input = useRef<HTMLInputElement>(null);
  const command = useSandbox((s) => s.ui.console.draft);
  const hint = useSandbox((s) => s.ui.console.hint);
  const disabled = useSandbox((s) => s.world.timeline === null);
  const allowed = useSandbox((s) => s.lesson.current?.def.allowed);
  const out = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (out.current) out.current.scrollTop = out.current.scrollHeight;
  }, [transcript]);
  useEffect(() => {
    // A command typed in from elsewhere (Run in console): the command line takes the focus, the learner presses Enter.
    if (focusAsked) input.current?.focus();
  }, [focusAsked]);
  return (
    <div className="console">
      <p className="small muted">
        <Examples allowed={allowed} lessonLabel={t('console.lessonCommands')} /> <code>sleep 1m</code>, <code>help</code>. {t('console.help')}
      </p>
      <div ref={out} className="console-out" role="log" aria-live="polite" aria-label={t('console.output')} tabIndex={0}>
        {transcript.length === 0 ? (
          <span className="muted">{t('console.empty')}</span>
        ) : (
          transcript.map((r, i) => (
            <div key={i}>
              <div className="cmd">$ {r.command}</div>
              {r.output && <div className={r.failed ? 'err' : ''}>{renderOutput(r, t.locale, (s) => messageIn(t, s)).replace(/^\n/, '')}</div>}
            </div>
          ))
        )}
      </div>
      <div className="console-in">
        <span aria-hidden="true">$</span>
        <input
          ref={input}
          aria-label={t('console.command')}
          value={command}
          spellCheck={false}
          autoCapitalize="off"
          disabled={disabled}
          // The console's commands and the AWS CLI's model load when the command line is first used.
          onFocus={() => void loadConsole()}
          onChange={(e) => run('console.type', e.target.value)}
          onKeyDown={(e) => {
            // The command line's keys (Enter, Tab, Up, Down) are the registry's console scope.
            if (pressKey(store, pressOf(e), { where: 'console' })) e.preventDefault();
          }}
        />
        <ActionButton id="console.submit" />
      </div>
      <p className="hint" aria-live="polite">
        {hint}
      </p>
    </div>
  );
}

/** The commands the line above the console names: in a lesson, the ones its allowed list lets through; else a few of every kind. */
function Examples({ allowed, lessonLabel }: { allowed: readonly string[] | undefined; lessonLabel: string }) {
  const commands = allowed?.filter((a) => !a.startsWith('editor.'));
  if (!commands?.length) {
    return (
      <>
        <code>aws ecs run-task --cluster demo --task-definition web --count 2</code>, <code>aws ecs describe-services …</code>, <code>docker compose up</code>, <code>copilot svc deploy</code>, <code>sim terminate-instances …</code>,
      </>
    );
  }
  return (
    <>
      {lessonLabel}{' '}
      {commands.map((c, i) => (
        <Fragment key={c}>
          {i ? ', ' : ''}
          <code>{c} …</code>
        </Fragment>
      ))}
      ,
    </>
  );
}
