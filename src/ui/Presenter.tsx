import { useEffect, useRef } from 'react';
import { ActionButton } from './ActionButton';
import { Markdown } from './Markdown';
import { useSandbox } from './context';
import { clock } from '../store/selectors/time';

/** A demo's "predict, then reveal" question, over the canvas while the clock waits. */
export function DemoPause() {
  const demo = useSandbox((s) => s.lesson.demo);
  const button = useRef<HTMLButtonElement>(null);
  const open = demo?.pause ? `${demo.passed}` : null;
  useEffect(() => {
    // The question takes the focus, so Enter (or Space) reveals and then continues.
    if (open !== null) button.current?.focus();
  }, [open]);
  if (!demo) return null;
  const p = demo.pause;
  return (
    <section className="demo-bar" aria-label={`Demo: ${demo.def.title}`}>
      <strong>{demo.def.title}</strong>
      {!p && <span className="muted small"> {demo.passed < demo.def.pauses.length ? `Next question at ${clock(demo.def.pauses[demo.passed]!.at)}.` : 'No questions left.'}</span>}
      {p && (
        <div className="demo-question" role="alertdialog" aria-labelledby="demo-q">
          <p id="demo-q"><strong>Predict:</strong> {p.prompt}</p>
          {p.revealed && <p role="status"><strong>What happens:</strong> {p.reveal}</p>}
          <ActionButton ref={button} id="demo.reveal" className="primary">{p.revealed ? 'Continue' : 'Reveal'}</ActionButton>
        </div>
      )}
      {!p && demo.def.text && <details><summary>Presenter notes</summary><Markdown text={demo.def.text} /></details>}
      <ActionButton id="present.toggle">Presenter view</ActionButton>
    </section>
  );
}
