import type { ShownChoice } from '../store/store';
import { useRun } from './context';
import { useT } from './i18n';
import './callouts.css';

/**
 * A question's answer choices: numbered, the room's pick marked, and after the reveal each one judged right
 * or wrong by its predicate over the world (✓ or ✗ with the word, never colour alone). With `pick` (the
 * presenter's window) a choice is a button that marks the room's pick, as keys 1 to 5 do (the registry's
 * `demo.pick`).
 */
export function DemoChoices({ choices, pick = false }: { choices: ShownChoice[]; pick?: boolean }) {
  const t = useT();
  const run = useRun();
  const judged = choices.some((c) => c.right !== null);
  return (
    <ol className={`demo-choices${judged ? ' judged' : ''}`} aria-label={t('demo.choices')}>
      {choices.map((c, i) => {
        const verdict = c.right === null ? null : c.right ? 'right' : 'wrong';
        const body = (
          <>
            <span className="choice-key" aria-hidden="true">
              {i + 1}
            </span>
            <span className="choice-label">{c.label}</span>
            {c.picked && <span className="choice-pick">{t('demo.pick')}</span>}
            {verdict && <span className={`choice-verdict ${verdict}`}>{verdict === 'right' ? `✓ ${t('demo.right')}` : `✗ ${t('demo.wrong')}`}</span>}
          </>
        );
        return (
          <li key={i} className={[c.picked ? 'picked' : '', verdict ?? ''].filter(Boolean).join(' ') || undefined}>
            {pick && !judged ? (
              <button type="button" aria-pressed={c.picked} aria-keyshortcuts={String(i + 1)} onClick={() => run('demo.pick', i)}>
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The callouts of this moment that are pinned to no node (or whose node is not drawn now): one line each. */
export function MomentCallouts({ callouts, banner = false }: { callouts: { text: string }[]; banner?: boolean }) {
  const t = useT();
  if (!callouts.length) return null;
  return (
    <ul className={banner ? 'moment-callouts banner' : 'moment-callouts'} aria-label={t('demo.callouts')}>
      {callouts.map((c, i) => (
        <li key={i}>{c.text}</li>
      ))}
    </ul>
  );
}
