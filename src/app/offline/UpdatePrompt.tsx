import { useEffect, useState } from 'react';
import { onUpdateReady } from './serviceWorker';
import './updatePrompt.css';

/**
 * "A new version is ready — Reload": a polite live region, shown when a new build of the page is
 * waiting. Nothing changes until the learner chooses Reload; Not now keeps this page as it is.
 */
export function UpdatePrompt() {
  const [apply, setApply] = useState<(() => void) | null>(null);
  const [later, setLater] = useState(false);
  useEffect(() => onUpdateReady((a) => setApply(() => a)), []);
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      {apply && !later ? (
        <div className="update-prompt-box">
          <span>A new version is ready</span>
          <button type="button" className="update-prompt-reload" onClick={apply}>
            Reload
          </button>
          <button type="button" onClick={() => setLater(true)}>
            Not now
          </button>
        </div>
      ) : null}
    </div>
  );
}
