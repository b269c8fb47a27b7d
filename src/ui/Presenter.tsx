import { useEffect, useRef } from 'react';
import { ActionButton } from './ActionButton';
import { Markdown } from './Markdown';
import { useSandbox } from './context';
import { clock } from '../store/selectors/time';
import type { DemoState } from '../store/store';
import './presenter.css';

/** What the demo bar says (plain English, in one place). */
const TEXT = {
  region: (title: string) => `Demo: ${title}`,
  next: (at: string) => `Next question at ${at}.`,
  none: 'No questions left.',
  predict: 'Predict:',
  happens: 'What happens:',
  reveal: 'Reveal',
  continue: 'Continue',
  notes: 'Presenter notes',
  enter: 'Presenter view',
  enterLabel: 'Enter presenter view',
  audience: 'Open the audience window',
  notesHead: 'Your notes',
  notesNote: 'Only this window shows them: the audience window has the world, the event log and the question.',
  asked: (at: string) => `Asked now (${at})`,
  nextAt: (at: string) => `Next question at ${at}`,
  answer: 'Answer:',
  noDemo: 'No demo is open: the audience window shows the world and the event log as you work.',
};

/** When the next question comes, in the clock's own format (0:07:50), or that none is left. */
export function nextQuestion(demo: DemoState): string {
  const next = demo.def.pauses[demo.passed];
  return next ? TEXT.next(clock(next.at)) : TEXT.none;
}

/** The question the clock waits at: the prompt, then what happens once revealed, and the one button. */
export function DemoQuestion({ pause, autoFocus }: { pause: NonNullable<DemoState['pause']>; autoFocus: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The question takes the focus, so Enter (or Space) reveals and then continues.
    if (autoFocus) button.current?.focus();
  }, [autoFocus, pause.at]);
  return (
    <div className="demo-question" role="alertdialog" aria-labelledby="demo-q">
      <p id="demo-q"><strong>{TEXT.predict}</strong> {pause.prompt}</p>
      {pause.revealed && <p role="status"><strong>{TEXT.happens}</strong> {pause.reveal}</p>}
      <ActionButton ref={button} id="demo.reveal" className="primary">{pause.revealed ? TEXT.continue : TEXT.reveal}</ActionButton>
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
  if (!demo) return null;
  const p = demo.pause;
  return (
    <section className="demo-bar" aria-label={TEXT.region(demo.def.title)}>
      <strong className="demo-title">{demo.def.title}</strong>
      {!p && <span className="muted small">{nextQuestion(demo)}</span>}
      {p && <DemoQuestion pause={p} autoFocus />}
      {!presenting && !p && demo.def.text && <details className="demo-notes"><summary>{TEXT.notes}</summary><Markdown text={demo.def.text} /></details>}
      {!presenting && <ActionButton id="present.toggle" label={`${TEXT.enterLabel} (P)`}>{TEXT.enter}</ActionButton>}
      {!presenting && <ActionButton id="present.audience">{TEXT.audience}</ActionButton>}
    </section>
  );
}

/**
 * The presenter's notes, in the presenter's window while an audience window follows it: the
 * question asked now or the next one, with its answer, and the demo's notes.
 */
export function PresenterNotes() {
  const demo = useSandbox((s) => s.lesson.demo);
  const q = demo ? (demo.pause ?? demo.def.pauses[demo.passed] ?? null) : null;
  return (
    <section className="presenter-notes" aria-label={TEXT.notesHead}>
      <h2>{TEXT.notesHead}</h2>
      <p className="muted small">{TEXT.notesNote}</p>
      {!demo && <p>{TEXT.noDemo}</p>}
      {q && (
        <div className="next-question">
          <h3>{demo!.pause ? TEXT.asked(clock(q.at)) : TEXT.nextAt(clock(q.at))}</h3>
          <p>{q.prompt}</p>
          <p><strong>{TEXT.answer}</strong> {q.reveal}</p>
        </div>
      )}
      {demo?.def.text && <Markdown text={demo.def.text} />}
    </section>
  );
}
