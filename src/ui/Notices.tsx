import { useEffect, useRef, useState } from 'react';
import { noticeLifetime } from '../store/selectors/notices';
import type { Notice } from '../store/store';
import { useRun, useSandbox } from './context';
import type { ActionId } from '../store/actions';
import { messageIn, useT } from './i18n';
import { translateMaybe } from '../i18n';

/** One notice: it fades after its lifetime, paused while the pointer or the focus is on the notices. */
function Item({ n, paused }: { n: Notice; paused: boolean }) {
  const run = useRun();
  const t = useT();
  const life = noticeLifetime(n);
  const left = useRef(life);
  useEffect(() => {
    if (left.current === null || paused) return;
    const started = Date.now();
    const h = setTimeout(() => run('notice.dismiss', n.id), left.current);
    return () => {
      clearTimeout(h);
      if (left.current !== null) left.current = Math.max(1000, left.current - (Date.now() - started));
    };
  }, [paused, n.id, run]);
  return (
    <div className={`notice ${n.tone}`}>
      <span>
        {n.message ? messageIn(t, n.message) : n.text}
        {n.count > 1 && <span className="times"> ({n.count}×)</span>}
      </span>
      {n.action && (
        <button type="button" className="notice-action" onClick={() => run(n.action!.id as ActionId, n.action!.arg)}>
          {translateMaybe(t.locale, `noticeAction.${n.action.id}`) ?? n.action.label}
        </button>
      )}
      <button type="button" aria-label={t('notices.dismiss')} title={t('notices.dismiss')} onClick={() => run('notice.dismiss', n.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** The last share link made, among the messages (so it covers no control), to copy by hand; it closes, Escape too. */
function ShareField() {
  const run = useRun();
  const shareUrl = useSandbox((s) => s.ui.shareUrl);
  const t = useT();
  if (!shareUrl) return null;
  return (
    <div className="notice info share-pop" role="group" aria-label={t('header.shareGroup')}>
      <input aria-label={t('header.shareField')} className="share" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" aria-label={t('header.shareHide')} title={t('header.shareHide')} onClick={() => run('share.hide')}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/**
 * Messages to the learner (refused requests, a check's verdict, share links, recovered storage),
 * newest last, over the world so they never push the page around. Each fades after a few seconds
 * unless it waits for the learner; hovering or focusing them holds them; Escape dismisses the newest.
 */
export function Notices() {
  const notices = useSandbox((s) => s.ui.notices);
  const t = useT();
  const [held, setHeld] = useState(false);
  return (
    <div className="notices" role="status" aria-live="polite" aria-label={t('notices.label')} onPointerEnter={() => setHeld(true)} onPointerLeave={() => setHeld(false)} onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      <ShareField />
      {notices.map((n) => (
        <Item key={n.id} n={n} paused={held} />
      ))}
    </div>
  );
}
