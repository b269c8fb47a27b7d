import { useEffect, useRef } from 'react';
import { ActionButton } from './ActionButton';
import { Markdown } from './Markdown';
import { useSandbox } from './context';
import { useT } from './i18n';
import { useDemoIn } from './lessonText';
import { clock } from '../store/selectors/time';
import type { Demo } from '../content/lesson';
import type { DemoState } from '../store/store';
import { DemoChoices, MomentCallouts } from './DemoChoices';
import { useMomentCallouts } from './demoCallouts';
import { shownChoices } from '../store/present';
import './presenter.css';

type Pause = NonNullable<DemoState['pause']>;

/** The pause as the page's language asks it (the store holds the English one, at the same time). */
function askedIn(def: Demo, pause: Pause): Pause {
  const asked = def.pauses.find((x) => x.at === pause.at);
  return asked ? { ...pause, prompt: asked.prompt, reveal: asked.reveal, ...(asked.choices ? { choices: asked.choices } : {}) } : pause;
}

/** The question the clock waits at: the prompt, then what happens once revealed, and the one button. */
export function DemoQuestion({ pause, autoFocus }: { pause: Pause; autoFocus: boolean }) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The question takes the focus, so Enter (or Space) reveals and then continues.
    if (autoFocus) button.current?.focus();
  }, [autoFocus, pause.at]);
  return (
    <div className="demo-question" role="alertdialog" aria-labelledby="demo-q">
      <p id="demo-q">
        <strong>{t('demo.predict')}</strong> {pause.prompt}
      </p>
      {pause.choices && <DemoChoices choices={shownChoices(pause)} pick />}
      {pause.revealed && (
        <p role="status">
          <strong>{t('demo.reveal')}</strong> {pause.reveal}
        </p>
      )}
      <ActionButton ref={button} id="demo.reveal" className="primary">
        {t(pause.revealed ? 'demo.continue' : 'demo.revealButton')}
      </ActionButton>
    </div>
  );
}

/**
 * A demo's bar: its title, when the next "predict, then reveal" question comes, the question while
 * the clock waits at it. The presenter's notes and the way into presenter view show only outside
 * presenter view, which is what a projector shows: the notes never reach the audience.
 */
export function DemoPause() {
  const demo = useSandbox((s) => s.lesson.demo);
  const presenting = useSandbox((s) => s.ui.presenting);
  const t = useT();
  const def = useDemoIn(demo?.def);
  const moment = useMomentCallouts();
  if (!demo || !def) return null;
  const p = demo.pause;
  const next = def.pauses[demo.passed];
  const enter = t('presenter.enter');
  return (
    <section className="demo-bar" aria-label={t('demo.label', { title: def.title })}>
      <strong className="demo-title">{def.title}</strong>
      {!p && <span className="muted small">{next ? t('demo.next', { time: clock(next.at) }) : t('demo.none')}</span>}
      {p && <DemoQuestion pause={askedIn(def, p)} autoFocus />}
      <MomentCallouts callouts={moment} />
      {!presenting && !p && def.text && (
        <details className="demo-notes">
          <summary>{t('demo.notes')}</summary>
          <Markdown text={def.text} />
        </details>
      )}
      {!presenting && (
        <ActionButton id="present.toggle" label={`${enter} (P)`}>
          {t('demo.presenter')}
        </ActionButton>
      )}
      {!presenting && <ActionButton id="present.audience">{t('presenter.openAudience')}</ActionButton>}
    </section>
  );
}

/**
 * The presenter's notes, in the presenter's window while an audience window follows it: the
 * question asked now or the next one, with its answer, and the demo's notes.
 */
export function PresenterNotes() {
  const demo = useSandbox((s) => s.lesson.demo);
  const t = useT();
  const def = useDemoIn(demo?.def);
  const q = demo && def ? (demo.pause ? askedIn(def, demo.pause) : (def.pauses[demo.passed] ?? null)) : null;
  return (
    <section className="presenter-notes" aria-label={t('presenter.notes')}>
      <h2>{t('presenter.notes')}</h2>
      <p className="muted small">{t('presenter.notes.only')}</p>
      {!demo && <p>{t('presenter.notes.noDemo')}</p>}
      {q && (
        <div className="next-question">
          <h3>{t(demo!.pause ? 'presenter.asked' : 'presenter.nextAt', { time: clock(q.at) })}</h3>
          <p>{q.prompt}</p>
          <p>
            <strong>{t('presenter.answer')}</strong> {q.reveal}
          </p>
        </div>
      )}
      {def?.text && <Markdown text={def.text} />}
    </section>
  );
}
