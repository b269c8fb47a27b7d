import { useEffect, useRef } from 'react';
import { ActionButton } from './ActionButton';
import { Markdown } from './Markdown';
import { useSandbox } from './context';
import { useT } from './i18n';
import { useDemoIn } from './lessonText';
import { clock } from '../store/selectors/time';

/** A demo's "predict, then reveal" question, over the canvas while the clock waits. */
export function DemoPause() {
  const demo = useSandbox((s) => s.lesson.demo);
  const t = useT();
  const def = useDemoIn(demo?.def);
  const button = useRef<HTMLButtonElement>(null);
  const open = demo?.pause ? `${demo.passed}` : null;
  useEffect(() => {
    // The question takes the focus, so Enter (or Space) reveals and then continues.
    if (open !== null) button.current?.focus();
  }, [open]);
  if (!demo || !def) return null;
  const p = demo.pause;
  // The pause as the page's language asks it (the store holds the English one, at the same time).
  const asked = p ? def.pauses.find((x) => x.at === p.at) : undefined;
  return (
    <section className="demo-bar" aria-label={t('demo.label', { title: def.title })}>
      <strong>{def.title}</strong>
      {!p && <span className="muted small"> {demo.passed < def.pauses.length ? t('demo.next', { time: clock(def.pauses[demo.passed]!.at) }) : t('demo.none')}</span>}
      {p && (
        <div className="demo-question" role="alertdialog" aria-labelledby="demo-q">
          <p id="demo-q"><strong>{t('demo.predict')}</strong> {asked?.prompt ?? p.prompt}</p>
          {p.revealed && <p role="status"><strong>{t('demo.reveal')}</strong> {asked?.reveal ?? p.reveal}</p>}
          <ActionButton ref={button} id="demo.reveal" className="primary">{t(p.revealed ? 'demo.continue' : 'demo.revealButton')}</ActionButton>
        </div>
      )}
      {!p && def.text && <details><summary>{t('demo.notes')}</summary><Markdown text={def.text} /></details>}
      <ActionButton id="present.toggle">{t('demo.presenter')}</ActionButton>
    </section>
  );
}
