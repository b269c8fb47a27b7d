import { useEffect } from 'react';
import { useRun, useSandbox } from './context';
import type { ActionId } from '../store/actions';

/** Messages to the learner (recovered storage, refused requests, share links), newest last. */
export function Notices() {
  const run = useRun();
  const notices = useSandbox((s) => s.ui.notices);
  useEffect(() => {
    // Information fades after a while; warnings and errors stay until dismissed.
    const info = notices.filter((n) => n.tone === 'info');
    if (!info.length) return;
    const h = setTimeout(() => run('notice.dismiss', info[0]!.id), 12_000);
    return () => clearTimeout(h);
  }, [notices, run]);
  return (
    <div className="notices" role="status" aria-live="polite" aria-label="Messages">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`}>
          <span>{n.text}</span>
          {n.action && <button type="button" onClick={() => run(n.action!.id as ActionId, n.action!.arg)}>{n.action.label}</button>}
          <button type="button" aria-label="Dismiss this message" onClick={() => run('notice.dismiss', n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
