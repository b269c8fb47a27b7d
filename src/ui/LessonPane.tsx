import { useEffect, useMemo, useRef } from 'react';
import { evaluateNow } from '../content/lesson';
import { runAction } from '../store/actions';
import { clock } from '../store/selectors';
import { ActionButton } from './ActionButton';
import { Markdown } from './Markdown';
import { useSandbox, useSandboxStore } from './context';

/** The current lesson beside the workspace: its text, the live checklist, predictions, hints, and the debrief. */
export function LessonPane() {
  const store = useSandboxStore();
  const lesson = useSandbox((s) => s.lesson);
  const version = useSandbox((s) => s.version);
  const timeline = useSandbox((s) => s.timeline);
  const confirm = useRef<HTMLDialogElement>(null);
  const debrief = useRef<HTMLDivElement>(null);
  const passed = lesson?.report?.passed ?? false;
  useEffect(() => {
    if (passed) debrief.current?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [passed]);
  const live = useMemo(() => (lesson && timeline ? evaluateNow(timeline.sim, lesson.def) : []), [lesson, timeline, version]);
  if (!lesson) return null;
  const def = lesson.def;
  const report = lesson.report;
  const items = report ? report.checklist : live;
  return (
    <section className="lesson" aria-label={`Lesson ${def.id}`}>
      <div className="lesson-head">
        <h2>{def.id}: {def.title}</h2>
        <ActionButton id="lesson.exit">Leave</ActionButton>
      </div>
      <div className="lesson-body" tabIndex={0}>
        <Markdown text={def.text.briefing} />
        <h3>Steps</h3>
        <Markdown text={def.text.steps} />
        {def.predictions.map((p) => (
          <fieldset key={p.id} className="predict">
            <legend>Predict, then run: {p.prompt}</legend>
            {p.choices.map((c, i) => (
              <label key={i}>
                <input type="radio" name={`predict-${p.id}`} checked={lesson.predictions[p.id] === i} onChange={() => runAction(store, 'lesson.predict', { id: p.id, choice: i })} /> {c.label}
              </label>
            ))}
            {report && <p className="small">{(() => {
              const r = report.predictions.find((x) => x.id === p.id);
              return r?.correct ? `It was ${r.correct}.${r.right === true ? ' You predicted it.' : r.right === false ? ` You said ${r.chosen}.` : ''}` : '';
            })()}</p>}
          </fieldset>
        ))}
        <h3 id="checklist-title">Checklist {report ? <span className="small muted">(checked by replaying your {timeline?.actions.length ?? 0} actions to {clock(report.clock)})</span> : <span className="small muted">(live)</span>}</h3>
        <ul className="checklist" aria-labelledby="checklist-title">
          {items.map((c) => (
            <li key={c.id} className={c.passed ? 'ok' : ''}>
              <span aria-hidden="true">{c.passed ? '✓' : '○'}</span> {c.label}
              <span className="sr-only">{c.passed ? ' (done)' : ' (not yet)'}</span>
              {!c.passed && c.detail && <div className="small muted">{c.detail}</div>}
            </li>
          ))}
        </ul>
        {report && !report.passed && report.diagnostics.map((d) => <p key={d.id} className="diag" role="note"><strong>Why:</strong> {d.message}</p>)}
        {lesson.showGoal && <div className="note"><strong>The goal:</strong> {def.summary} The lesson is checked at {clock(def.until)} of simulated time.</div>}
        {def.text.hints.slice(0, lesson.hints).map((h, i) => <div key={i} className="note"><strong>Hint {i + 1}:</strong> <Markdown text={h} /></div>)}
        {lesson.showSolution && (
          <div className="note">
            <strong>Reference solution</strong> ({def.solution.actions.length} actions):
            <ol className="solution">{def.solution.actions.map((a, i) => <li key={i}><time>{clock(a.at)}</time> <code>{a.kind === 'command' ? a.line : `${a.call} (${Object.keys(a.input).join(', ')})`}</code></li>)}</ol>
            <ActionButton id="lesson.applySolution" />
          </div>
        )}
        {report?.passed && (
          <div className="debrief" role="status" ref={debrief}>
            <h3>Debrief</h3>
            <Markdown text={def.text.debrief} />
          </div>
        )}
      </div>
      <div className="lesson-actions">
        <ActionButton id="lesson.check" className="primary">Check my work</ActionButton>
        <ActionButton id="lesson.hint">Hint</ActionButton>
        <ActionButton id="lesson.goal">Show goal</ActionButton>
        <button type="button" onClick={() => (lesson.showSolution ? runAction(store, 'lesson.solution') : confirm.current?.showModal())}>{lesson.showSolution ? 'Hide solution' : 'Show solution'}</button>
        <ActionButton id="lesson.reset">Restart</ActionButton>
      </div>
      <dialog ref={confirm} aria-labelledby="confirm-title">
        <h2 id="confirm-title">Show the solution?</h2>
        <p>Seeing the reference solution first takes away the puzzle. You can still check your own work afterwards.</p>
        <form method="dialog" className="row">
          <button type="submit" onClick={() => runAction(store, 'lesson.solution')}>Show it</button>
          <button type="submit">Not yet</button>
        </form>
      </dialog>
    </section>
  );
}
