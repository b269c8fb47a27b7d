import { useEffect, useState } from 'react';
import { onUpdateReady } from './serviceWorker';
import { translate, type Locale } from '../../i18n';
import './updatePrompt.css';

/**
 * "A new version is ready — Reload": a polite live region, shown when a new build of the page is
 * waiting. Nothing changes until the learner chooses Reload; Not now keeps this page as it is. It sits
 * outside the sandbox's store, so it speaks the language the page opened in.
 */
export function UpdatePrompt({ locale }: { locale: Locale }) {
  const [apply, setApply] = useState<(() => void) | null>(null);
  const [later, setLater] = useState(false);
  useEffect(() => onUpdateReady((a) => setApply(() => a)), []);
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      {apply && !later ? (
        <div className="update-prompt-box">
          <span>{translate(locale, 'update.ready')}</span>
          <button type="button" className="update-prompt-reload" onClick={apply}>
            {translate(locale, 'update.reload')}
          </button>
          <button type="button" onClick={() => setLater(true)}>
            {translate(locale, 'update.later')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
