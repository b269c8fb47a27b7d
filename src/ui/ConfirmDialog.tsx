import { ActionButton } from './ActionButton';
import { useSandbox } from './context';
import { useDialog } from './useDialog';
import { messageIn, useT } from './i18n';

/**
 * The question asked before something that cannot be undone (replacing the learner's world): yes
 * runs the action it names; no, Escape or Close leaves everything as it was, the focus back where it was.
 */
export function ConfirmDialog() {
  const { ref, open } = useDialog('confirm');
  const c = useSandbox((s) => s.ui.confirm);
  const t = useT();
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-q" aria-describedby="confirm-text">
      {open && c && (
        <>
          <h2 id="confirm-q">{c.said ? messageIn(t, c.said.title) : c.title}</h2>
          <p id="confirm-text">{c.said ? messageIn(t, c.said.text) : c.text}</p>
          <div className="row">
            <ActionButton id="confirm.cancel">{c.said ? t('confirm.no') : c.no}</ActionButton>
            <ActionButton id="confirm.accept" className="primary">
              {c.said ? t('confirm.yes') : c.yes}
            </ActionButton>
          </div>
        </>
      )}
    </dialog>
  );
}
