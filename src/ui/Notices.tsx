import { useEffect } from 'react';
import { useSandbox, useSandboxStore } from './context';

/** Messages to the learner (recovered storage, refused requests, share links), newest last. */
export function Notices() {
  const store = useSandboxStore();
  const notices = useSandbox((s) => s.notices);
  useEffect(() => {
    // Information fades after a while; warnings and errors stay until dismissed.
    const info = notices.filter((n) => n.tone === 'info');
    if (!info.length) return;
    const h = setTimeout(() => store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== info[0]!.id) })), 12_000);
    return () => clearTimeout(h);
  }, [notices, store]);
  return (
    <div className="notices" role="status" aria-live="polite" aria-label="Messages">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss this message" onClick={() => store.setState((s) => ({ notices: s.notices.filter((x) => x.id !== n.id) }))}>×</button>
        </div>
      ))}
    </div>
  );
}
