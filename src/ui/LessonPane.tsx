import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useMedia } from './useMedia';
import type { LessonState } from '../store/store';
import { selectChecklist, selectDiagnostics, selectLiveVerdict, selectReport } from '../store/selectors/lesson';
import { selectMissingPrerequisites, selectNextLesson } from '../store/selectors/flow';
import { selectActionCount, clock } from '../store/selectors/time';
import { ActionButton } from './ActionButton';
import { Markdown, MarkdownSpan } from './Markdown';
import { useAction, useRun, useSandbox } from './context';
import { useT } from './i18n';
import { useLessonIn, useLessonTitle } from './lessonText';
import { takeLessonFocus } from './lessonFocus';
import type { ChecklistItem, Lesson, LessonReport } from '../content/lesson';
import { translate, type Params, type Translator } from '../i18n';

/**
 * A goal's detail in the page's language: what the checker measured (its own words by key, the engine's texts
 * as they are; a goal's label or what happened as the lesson's text says them), then the goal's `how` from the
 * lesson's text, unless the goal can no longer be met. What was measured is plain text (a label quoted in it keeps
 * its `*`); only the `how` is lesson text, with its commands and their Run buttons.
 */
function detailIn(t: Translator, c: ChecklistItem, def: Lesson): { measured: string; how: string } {
  const goal = def.goals.find((g) => g.id === c.id);
  const text = (p: { key: string; params?: Record<string, unknown> }) => {
    if (p.key === 'check.once') return { ...p.params, label: def.goals.find((g) => g.id === p.params?.goal)?.label ?? p.params?.label };
    if (p.key === 'check.never.broken') return { ...p.params, what: goal?.broken ?? p.params?.what };
    return p.params;
  };
  const measured = (c.measured ?? []).map((p) => (typeof p === 'string' ? p : translate(t.locale, p.key, text(p) as Params))).join('');
  return { measured, how: c.withoutHow ? '' : (goal?.how ?? '') };
}

/** A goal's line: its mark and label, and while it is not met what was measured and what to do about it. */
function GoalLine({ c, def, label }: { c: ChecklistItem; def: Lesson; label: string }) {
  const t = useT();
  const detail = !c.passed && c.detail ? detailIn(t, c, def) : null;
  return (
    <li className={c.passed ? 'ok' : c.broken ? 'broken' : ''}>
      <span aria-hidden="true">{c.passed ? '✓' : c.broken ? '✗' : '○'}</span> {label}
      <span className="sr-only">{` ${t(c.passed ? 'lesson.checklist.done' : c.broken ? 'lesson.checklist.broken' : 'lesson.checklist.notYet')}`}</span>
      {detail && (
        <div className="small muted detail">
          {c.broken && <strong className="broken-tag">{t('lesson.checklist.brokenTag')} </strong>}
          {detail.measured}
          {detail.measured && detail.how && ' — '}
          {detail.how && <MarkdownSpan text={detail.how} command={runInConsole} />}
        </div>
      )}
    </li>
  );
}

/** The judged predictions: the check's at its moment, the live verdict's otherwise. */
const NO_PREDICTIONS: LessonReport['predictions'] = [];
const selectPredictions = (s: Parameters<typeof selectReport>[0]) => (selectReport(s) ?? selectLiveVerdict(s))?.predictions ?? NO_PREDICTIONS;

/**
 * The lesson's "predict, then run" questions. Once the moment a question is about has happened (and the learner
 * answered, or passed the lesson), the answer is marked ✓ right and a wrong pick ✗ wrong, in words, not colour alone.
 */
function Predictions({ lesson, def }: { lesson: LessonState; def: Lesson }) {
  const run = useRun();
  const t = useT();
  const judged = useSandbox(selectPredictions);
  // The verdict names choices by their English labels; the pane says them in the page's language.
  const indexOf = (p: Lesson['predictions'][number], label: string | null) => lesson.def.predictions.find((x) => x.id === p.id)?.choices.findIndex((c) => c.label === label) ?? -1;
  const said = (p: Lesson['predictions'][number], label: string | null) => {
    const i = indexOf(p, label);
    return i >= 0 ? p.choices[i]!.label : label;
  };
  return (
    <>
      {def.predictions.map((p) => {
        const r = judged.find((x) => x.id === p.id);
        const answer = r?.correct ? indexOf(p, r.correct) : -1;
        const mine = lesson.predictions[p.id];
        // Decided: the outcome is known, so the answer can be neither given nor changed.
        const locked = r?.decided === true;
        return (
          <fieldset key={p.id} className="predict">
            <legend>{t('lesson.predict', { prompt: p.prompt })}</legend>
            {p.choices.map((c, i) => (
              <label key={i}>
                <input type="radio" name={`predict-${p.id}`} checked={mine === i} disabled={locked} onChange={() => run('lesson.predict', { id: p.id, choice: i })} /> {c.label}
                {answer === i && <span className="choice-verdict right"> ✓ {t('demo.right')}</span>}
                {answer >= 0 && answer !== i && mine === i && <span className="choice-verdict wrong"> ✗ {t('demo.wrong')}</span>}
              </label>
            ))}
            {locked && mine === undefined && !r.correct && <p className="small">{t('lesson.predict.late')}</p>}
            {r?.correct && (
              <p
                className="small"
                role="status"
              >{`${t('lesson.predict.was', { answer: said(p, r.correct)! })}${r.right === true ? ` ${t('lesson.predict.right')}` : r.right === false ? ` ${t('lesson.predict.said', { answer: said(p, r.chosen) ?? '' })}` : ''}`}</p>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

/** Up to this height the checklist starts folded to its summary line, so the lesson's text has the room. */
const SHORT = '(max-height: 960px)';

/**
 * What went wrong, explained: a band between the checklist's summary line and its goals, shown folded or not,
 * so an explanation is in sight the moment it appears. The band is a polite live region that is always there:
 * a screen reader hears each explanation once, as it appears, not as the clock moves.
 */
function Explanations({ def, band }: { def: Lesson; band: RefObject<HTMLDivElement | null> }) {
  const t = useT();
  const diagnostics = useSandbox(selectDiagnostics);
  const message = (id: string, english: string) => def.diagnostics.find((d) => d.id === id)?.message ?? english;
  return (
    <div className="lesson-why" aria-live="polite" ref={band}>
      {diagnostics.map((d) => (
        <p key={d.id} className="diag" role="note" tabIndex={-1}>
          <strong>{t('lesson.why')}</strong> {message(d.id, d.message)}
        </p>
      ))}
    </div>
  );
}

/**
 * The goals and what went wrong, live (the checker's judgement at this moment), or the check's verdict at its
 * moment: below the text, always in sight; its summary line (how many goals are met) folds and unfolds the list,
 * and the count of explanations beside it brings the first one into view and focuses it.
 */
function Checklist({ def }: { def: Lesson }) {
  const short = useMedia(SHORT);
  const [open, setOpen] = useState<boolean | null>(null);
  const t = useT();
  const items = useSandbox(selectChecklist);
  // A veiled goal (it would give a prediction's answer away) reads as its labelBefore.
  const label = (c: ChecklistItem) => {
    const g = def.goals.find((x) => x.id === c.id);
    return (c.veiled ? g?.labelBefore : g?.label) ?? c.label;
  };
  const explained = useSandbox((s) => selectDiagnostics(s).length);
  const actions = useSandbox(selectActionCount);
  const report = useSandbox(selectReport);
  const band = useRef<HTMLDivElement>(null);
  const shown = open ?? !short;
  const met = items.filter((c) => c.passed).length;
  const broken = items.filter((c) => c.broken).length;
  const explain = () => {
    const first = band.current?.querySelector<HTMLElement>('.diag');
    first?.scrollIntoView({ block: 'nearest' });
    first?.focus();
  };
  return (
    <div className="lesson-checks">
      <div className="lesson-checks-bar">
        <div className="lesson-checks-head">
          <h3 id="checklist-title">
            {t('lesson.checklist')} {report ? <span className="small muted">{t('lesson.checklist.checked', { count: actions, time: clock(report.clock) })}</span> : <span className="small muted">{t('lesson.checklist.live')}</span>}
          </h3>
          <button type="button" className="link small" aria-expanded={shown} aria-controls="lesson-checks" onClick={() => setOpen(!shown)}>
            <span aria-hidden="true">{shown ? '▾ ' : '▸ '}</span>
            {t('lesson.checklist.met', { met, count: items.length })}
            {broken > 0 && <span className="broken-count">{` · ${t('lesson.checklist.brokenCount', { count: broken })}`}</span>}
          </button>
        </div>
        {explained > 0 && (
          <button type="button" className="link small why-link" onClick={explain}>
            {t('lesson.checklist.why', { count: explained })}
          </button>
        )}
      </div>
      <Explanations def={def} band={band} />
      <div className="lesson-checks-body" id="lesson-checks" hidden={!shown}>
        <ul className="checklist" aria-labelledby="checklist-title">
          {items.map((c) => (
            <GoalLine key={c.id} c={c} def={def} label={label(c)} />
          ))}
        </ul>
      </div>
    </div>
  );
}

/** What the learner asked for: the goal, hints, the reference solution. */
function Help({ lesson, def }: { lesson: LessonState; def: Lesson }) {
  const t = useT();
  return (
    <>
      {lesson.showGoal && (
        <div className="note">
          <strong>{t('lesson.goal')}</strong> {def.summary} {t('lesson.goal.canvas', { time: clock(def.until) })}
        </div>
      )}
      {def.text.hints.slice(0, lesson.hints).map((h, i) => (
        <div key={i} className="note">
          <strong>{t('lesson.hintN', { n: i + 1 })}</strong> <Markdown text={h} command={runInConsole} />
        </div>
      ))}
      {lesson.showSolution && (
        <div className="note">
          <strong>{t('lesson.solution')}</strong> {t('lesson.solution.count', { count: def.solution.actions.length })}
          <ol className="solution">
            {def.solution.actions.map((a, i) => (
              <li key={i}>
                <time>{clock(a.at)}</time> <code>{a.kind === 'command' ? a.line : `${a.call} (${Object.keys(a.input).join(', ')})`}</code>
              </li>
            ))}
          </ol>
          <ActionButton id="lesson.applySolution" />
        </div>
      )}
    </>
  );
}

/** Show or hide the solution; showing it asks first, since it takes the puzzle away. */
function SolutionButton({ shown }: { shown: boolean }) {
  const solution = useAction('lesson.solution');
  const t = useT();
  const confirm = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="quiet" disabled={solution.disabledReason !== null} onClick={() => (shown ? solution.run() : confirm.current?.showModal())}>
        {t(shown ? 'lesson.solution.hide' : 'lesson.solution.show')}
      </button>
      <dialog ref={confirm} aria-labelledby="confirm-title">
        <h2 id="confirm-title">{t('lesson.solution.ask')}</h2>
        <p>{t('lesson.solution.why')}</p>
        {/* "No" first: the dialog focuses its first button, so Enter keeps the puzzle rather than giving it away. */}
        <form method="dialog" className="row">
          <button type="submit">{t('lesson.solution.no')}</button>
          <button type="submit" onClick={() => solution.run()}>
            {t('lesson.solution.yes')}
          </button>
        </form>
      </dialog>
    </>
  );
}

/** A command in the lesson text: typed into the console by its button, for the learner to run with Enter. */
function RunInConsole({ command }: { command: string }) {
  const t = useT();
  return (
    <ActionButton id="console.prefill" arg={command} className="run-inline" label={t('lesson.run.label', { command })} title={t('lesson.run.title')}>
      {t('lesson.run')}
    </ActionButton>
  );
}
const runInConsole = (command: string) => <RunInConsole command={command} />;

/** When the lesson builds on lessons not passed yet: which, and a way to go back to them. */
function Prerequisites() {
  const run = useRun();
  const missing = useSandbox(selectMissingPrerequisites);
  const t = useT();
  const title = useLessonTitle();
  if (!missing.length) return null;
  return (
    <div className="prereq" role="note">
      <strong>{t('lesson.prereq', { count: missing.length })}</strong> {t('lesson.prereq.goOn')}
      <ul>
        {missing.map((m) => (
          <li key={m.id}>
            <button type="button" className="link" onClick={() => run('lesson.open', m.id)}>
              {m.id}: {title(m.id, m.title)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The debrief once the lesson is passed, and the way on. */
function Debrief({ text }: { text: string }) {
  const next = useSandbox(selectNextLesson);
  const t = useT();
  const title = useLessonTitle();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, []);
  return (
    <div className="debrief" role="status" ref={box}>
      <h3>{t('lesson.debrief')}</h3>
      <Markdown text={text} />
      {next ? (
        <ActionButton id="lesson.next" className="primary">
          {t('lesson.next', { id: next.id, title: title(next.id, next.title) })}
        </ActionButton>
      ) : (
        <p>
          <strong>{t('lesson.last')}</strong> {t('lesson.last.more')}
        </p>
      )}
    </div>
  );
}

/** The current lesson beside the workspace: its text, the live checklist, predictions, hints, and the debrief. */
export function LessonPane() {
  const lesson = useSandbox((s) => s.lesson.current);
  const t = useT();
  const def = useLessonIn(lesson?.def);
  const body = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opened = lesson?.opened;
  const before = useRef(opened);
  useLayoutEffect(() => {
    // Each lesson opens at its top, not where the last one was scrolled to.
    if (body.current) body.current.scrollTop = 0;
  }, [opened]);
  useEffect(() => {
    // A lesson chosen in the Lessons dialog takes the focus; so does one that replaced this one while the focus was
    // on a button that went with it (Next lesson, a prerequisite's link). A lesson restored at load takes none.
    const replaced = before.current !== undefined && before.current !== opened && document.activeElement === document.body;
    before.current = opened;
    if (!takeLessonFocus() && !replaced) return;
    // A frame later: the Lessons dialog, closing in this same update, gives the focus back to its opener first.
    const f = requestAnimationFrame(() => heading.current?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(f);
  }, [opened]);
  if (!lesson || !def) return null;
  return (
    <section className="lesson" id="lesson-pane" aria-label={t('lesson.label', { id: def.id })}>
      <div className="lesson-head">
        <h2 tabIndex={-1} ref={heading}>
          {def.id}: {def.title}
        </h2>
        <ActionButton id="lesson.exit">{t('lesson.leave')}</ActionButton>
      </div>
      <div className="lesson-body" tabIndex={0} ref={body}>
        <Prerequisites />
        <Markdown text={def.text.briefing} command={runInConsole} />
        <h3>{t('lesson.steps')}</h3>
        <Markdown text={def.text.steps} command={runInConsole} />
        <Predictions lesson={lesson} def={def} />
        <Help lesson={lesson} def={def} />
        {lesson.report?.passed && <Debrief text={def.text.debrief} />}
      </div>
      <Checklist def={def} />
      <div className="lesson-actions">
        <ActionButton id="lesson.check" className="primary">
          {t('lesson.check')}
        </ActionButton>
        <ActionButton id="lesson.hint">{t('lesson.hint')}</ActionButton>
        <ActionButton id="lesson.goal" className="quiet" title={def.predictions.some((p) => lesson.predictions[p.id] === undefined) ? t('lesson.goal.reveals') : undefined}>
          {t(lesson.showGoal ? 'lesson.goal.hide' : 'lesson.goal.show')}
        </ActionButton>
        <SolutionButton shown={lesson.showSolution} />
        <ActionButton id="lesson.reset" className="quiet">
          {t('lesson.restart')}
        </ActionButton>
      </div>
    </section>
  );
}
