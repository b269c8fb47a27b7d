import { useEffect, useLayoutEffect, useRef } from 'react';
import type { LessonState } from '../store/store';
import { selectChecklist, selectDiagnostics, selectReport } from '../store/selectors/lesson';
import { selectMissingPrerequisites, selectNextLesson } from '../store/selectors/flow';
import { selectActionCount, clock } from '../store/selectors/time';
import { ActionButton } from './ActionButton';
import { Markdown } from './Markdown';
import { useAction, useRun, useSandbox } from './context';

/** The lesson's "predict, then run" questions, with the answer once the work has been checked. */
function Predictions({ lesson }: { lesson: LessonState }) {
  const run = useRun();
  const report = lesson.report;
  return (
    <>
      {lesson.def.predictions.map((p) => (
        <fieldset key={p.id} className="predict">
          <legend>Predict, then run: {p.prompt}</legend>
          {p.choices.map((c, i) => (
            <label key={i}>
              <input type="radio" name={`predict-${p.id}`} checked={lesson.predictions[p.id] === i} onChange={() => run('lesson.predict', { id: p.id, choice: i })} /> {c.label}
            </label>
          ))}
          {report && <p className="small">{(() => {
            const r = report.predictions.find((x) => x.id === p.id);
            return r?.correct ? `It was ${r.correct}.${r.right === true ? ' You predicted it.' : r.right === false ? ` You said ${r.chosen}.` : ''}` : '';
          })()}</p>}
        </fieldset>
      ))}
    </>
  );
}

/** The goals and what went wrong, live (the checker's judgement at this moment), or the check's verdict at its moment. */
function Checklist() {
  const items = useSandbox(selectChecklist);
  const diagnostics = useSandbox(selectDiagnostics);
  const actions = useSandbox(selectActionCount);
  const report = useSandbox(selectReport);
  return (
    <>
      <h3 id="checklist-title">Checklist {report ? <span className="small muted">(checked by replaying your {actions} actions to {clock(report.clock)})</span> : <span className="small muted">(live)</span>}</h3>
      <ul className="checklist" aria-labelledby="checklist-title">
        {items.map((c) => (
          <li key={c.id} className={c.passed ? 'ok' : ''}>
            <span aria-hidden="true">{c.passed ? '✓' : '○'}</span> {c.label}
            <span className="sr-only">{c.passed ? ' (done)' : ' (not yet)'}</span>
            {!c.passed && c.detail && <div className="small muted detail"><Markdown text={c.detail} command={runInConsole} /></div>}
          </li>
        ))}
      </ul>
      {diagnostics.map((d) => <p key={d.id} className="diag" role="note"><strong>Why:</strong> {d.message}</p>)}
    </>
  );
}

/** What the learner asked for: the goal, hints, the reference solution. */
function Help({ lesson }: { lesson: LessonState }) {
  const def = lesson.def;
  return (
    <>
      {lesson.showGoal && <div className="note"><strong>The goal:</strong> {def.summary} The canvas beside yours shows the world the reference solution ends in, at {clock(def.until)} of simulated time (its commands are not shown). Check my work judges your world at the moment you are at.</div>}
      {def.text.hints.slice(0, lesson.hints).map((h, i) => <div key={i} className="note"><strong>Hint {i + 1}:</strong> <Markdown text={h} command={runInConsole} /></div>)}
      {lesson.showSolution && (
        <div className="note">
          <strong>Reference solution</strong> ({def.solution.actions.length} actions):
          <ol className="solution">{def.solution.actions.map((a, i) => <li key={i}><time>{clock(a.at)}</time> <code>{a.kind === 'command' ? a.line : `${a.call} (${Object.keys(a.input).join(', ')})`}</code></li>)}</ol>
          <ActionButton id="lesson.applySolution" />
        </div>
      )}
    </>
  );
}

/** Show or hide the solution; showing it asks first, since it takes the puzzle away. */
function SolutionButton({ shown }: { shown: boolean }) {
  const solution = useAction('lesson.solution');
  const confirm = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" disabled={solution.disabledReason !== null} onClick={() => (shown ? solution.run() : confirm.current?.showModal())}>{shown ? 'Hide solution' : 'Show solution'}</button>
      <dialog ref={confirm} aria-labelledby="confirm-title">
        <h2 id="confirm-title">Show the solution?</h2>
        <p>Seeing the reference solution first takes away the puzzle. You can still check your own work afterwards.</p>
        <form method="dialog" className="row">
          <button type="submit" onClick={() => solution.run()}>Show it</button>
          <button type="submit">Not yet</button>
        </form>
      </dialog>
    </>
  );
}

/** A command in the lesson text: typed into the console by its button, for the learner to run with Enter. */
const runInConsole = (command: string) => (
  <ActionButton id="console.prefill" arg={command} className="run-inline" label={`Run in console: ${command}`} title="Type it into the console; press Enter there to run it">Run ▸</ActionButton>
);

/** When the lesson builds on lessons not passed yet: which, and a way to go back to them. */
function Prerequisites() {
  const run = useRun();
  const missing = useSandbox(selectMissingPrerequisites);
  if (!missing.length) return null;
  return (
    <div className="prereq" role="note">
      <strong>This lesson builds on {missing.length === 1 ? 'a lesson' : 'lessons'} you have not passed yet</strong> (you can go on here too):
      <ul>
        {missing.map((m) => <li key={m.id}><button type="button" className="link" onClick={() => run('lesson.open', m.id)}>{m.id}: {m.title}</button></li>)}
      </ul>
    </div>
  );
}

/** The debrief once the lesson is passed, and the way on. */
function Debrief({ text }: { text: string }) {
  const next = useSandbox(selectNextLesson);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, []);
  return (
    <div className="debrief" role="status" ref={box}>
      <h3>Debrief</h3>
      <Markdown text={text} />
      {next ? <ActionButton id="lesson.next" className="primary">Next lesson: {next.id}, {next.title}</ActionButton> : <p><strong>That was the last lesson.</strong> The demos and the sandbox remain.</p>}
    </div>
  );
}

/** The current lesson beside the workspace: its text, the live checklist, predictions, hints, and the debrief. */
export function LessonPane() {
  const lesson = useSandbox((s) => s.lesson.current);
  const body = useRef<HTMLDivElement>(null);
  const opened = lesson?.opened;
  useLayoutEffect(() => {
    // Each lesson opens at its top, not where the last one was scrolled to.
    if (body.current) body.current.scrollTop = 0;
  }, [opened]);
  if (!lesson) return null;
  const def = lesson.def;
  return (
    <section className="lesson" id="lesson-pane" aria-label={`Lesson ${def.id}`}>
      <div className="lesson-head">
        <h2>{def.id}: {def.title}</h2>
        <ActionButton id="lesson.exit">Leave</ActionButton>
      </div>
      <div className="lesson-body" tabIndex={0} ref={body}>
        <Prerequisites />
        <Markdown text={def.text.briefing} command={runInConsole} />
        <h3>Steps</h3>
        <Markdown text={def.text.steps} command={runInConsole} />
        <Predictions lesson={lesson} />
        <Checklist />
        <Help lesson={lesson} />
        {lesson.report?.passed && <Debrief text={def.text.debrief} />}
      </div>
      <div className="lesson-actions">
        <ActionButton id="lesson.check" className="primary">Check my work</ActionButton>
        <ActionButton id="lesson.hint">Hint</ActionButton>
        <ActionButton id="lesson.goal">{lesson.showGoal ? 'Hide goal' : 'Show goal'}</ActionButton>
        <SolutionButton shown={lesson.showSolution} />
        <ActionButton id="lesson.reset">Restart</ActionButton>
      </div>
    </section>
  );
}
