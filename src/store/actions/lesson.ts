import { notify, patch, setLesson, touched, type LessonState, type SandboxState, type SandboxStore } from '../store';
import { parseProgress, saveProgress } from '../progress';
import { needsLesson, reason, type ActionTable } from '../registry';
import { selectNextLesson } from '../selectors/flow';
import { selectLiveVerdict } from '../selectors/lesson';
import { message } from '../../i18n';

/** Changes the lesson being taken (nothing happens when none is). */
function lessonChange(st: SandboxStore, f: (l: LessonState) => Partial<LessonState>): void {
  patch(st, (s) => (s.lesson.current ? { lesson: { current: { ...s.lesson.current, ...f(s.lesson.current) } } } : {}));
}

const lessons = () => import('../lessons');

/** Runs the clock on to the moment a question's outcome is revealed (nothing when there is none, or the clock is past it). */
function outcomeDue(st: SandboxStore, revealAt: number | undefined): void {
  const t = st.getState().world.timeline;
  if (!t || revealAt === undefined || t.now >= revealAt) return;
  patch(st, { world: { playing: false } });
  t.seek(revealAt);
  touched(st);
}

const lessonChoices = (s: SandboxState) => Object.values(s.lesson.catalog?.lessons ?? {}).map((l) => ({ label: `${l.id}: ${l.title}`, arg: l.id }));
const demoChoices = (s: SandboxState) => Object.values(s.lesson.catalog?.demos ?? {}).map((d) => ({ label: d.title, arg: d.id }));

/** Lessons and demos: taking one, checking it, asking for help, and the learner's progress file. */
export const LESSON_ACTIONS = {
  'lessons.show': {
    label: 'Lessons and demos',
    group: 'Lesson',
    run: async (st) => {
      patch(st, { ui: { dialog: 'lessons' } });
      await (await lessons()).catalogIn(st);
    },
  },
  'lessons.load': { label: 'Load the lessons', group: 'Lesson', palette: false, run: async (st) => void (await (await lessons()).catalogIn(st)) },
  'lesson.open': {
    label: 'Open a lesson',
    group: 'Lesson',
    palette: { choices: lessonChoices },
    run: async (st, id: string) => {
      const m = await lessons();
      const l = (await m.catalogIn(st)).lessons[id];
      if (l) m.openLesson(st, l);
      patch(st, (s) => (s.ui.dialog === 'lessons' ? { ui: { dialog: null } } : {}));
    },
  },
  'demo.open': {
    label: 'Open a demo (instructor)',
    group: 'Demo',
    palette: { choices: demoChoices },
    run: async (st, id: string) => {
      await (await lessons()).openDemoById(st, id, { present: true });
      patch(st, (s) => (s.ui.dialog === 'lessons' ? { ui: { dialog: null } } : {}));
    },
  },
  'lesson.check': {
    label: 'Check my work',
    group: 'Lesson',
    keys: ['C'],
    quiet: true,
    enabled: (s) => (s.lesson.current && s.world.timeline ? true : 'open a lesson first'),
    run: async (st) => void (await lessons()).checkWork(st),
  },
  'lesson.hint': {
    label: 'Hint',
    group: 'Lesson',
    enabled: (s) => (!s.lesson.current ? reason('reason.noLesson') : s.lesson.current.hints < s.lesson.current.def.text.hints.length ? true : reason('reason.noMoreHints')),
    run: (st) => lessonChange(st, (l) => ({ hints: l.hints + 1 })),
  },
  'lesson.goal': { label: 'Show the goal', group: 'Lesson', enabled: needsLesson, run: (st) => lessonChange(st, (l) => ({ showGoal: !l.showGoal })) },
  'lesson.solution': { label: 'Show the solution', group: 'Lesson', enabled: needsLesson, run: (st) => lessonChange(st, (l) => ({ showSolution: !l.showSolution })) },
  'lesson.applySolution': {
    label: 'Replay the reference solution',
    group: 'Lesson',
    enabled: needsLesson,
    run: async (st) => {
      const l = st.getState().lesson.current!;
      (await lessons()).openLesson(st, l.def, { actions: l.def.solution.actions });
      notify(st, message('notice.solutionReplayed', { id: l.def.id, count: l.def.solution.actions.length }));
    },
  },
  'lesson.reset': { label: 'Start the lesson again', group: 'Lesson', enabled: needsLesson, run: async (st) => (await lessons()).openLesson(st, st.getState().lesson.current!.def) },
  'lesson.predict': {
    label: 'Record a prediction',
    group: 'Lesson',
    palette: false,
    // A prediction is made before its outcome: once the world has decided it, the answer can be neither given nor changed.
    enabled: (s, arg?: { id: string }) => (arg && selectLiveVerdict(s)?.predictions.find((p) => p.id === arg.id)?.decided ? reason('reason.predictionDecided') : true),
    run: (st, arg: { id: string; choice: number }) => lessonChange(st, (l) => ({ predictions: { ...l.predictions, [arg.id]: arg.choice } })),
  },
  'lesson.next': {
    label: 'Next lesson',
    group: 'Lesson',
    enabled: (s) => (!s.lesson.current ? reason('reason.noLesson') : !s.lesson.current.report?.passed ? reason('reason.passFirst') : selectNextLesson(s) ? true : reason('reason.lastLesson')),
    run: async (st) => {
      const next = selectNextLesson(st.getState())!;
      const m = await lessons();
      const l = (await m.catalogIn(st)).lessons[next.id];
      if (l) m.openLesson(st, l);
    },
  },
  'lesson.exit': {
    label: 'Leave the lesson',
    group: 'Lesson',
    enabled: needsLesson,
    run: async (st) => {
      const t = st.getState().world.timeline;
      setLesson(st, null);
      // The world stays; its goals are no longer sampled.
      if (t) (await lessons()).stopTracking(t);
    },
  },
  'progress.export': {
    label: 'Export lesson progress',
    group: 'Lesson',
    run: (st) => st.port.download('ecs-sandbox-progress.json', JSON.stringify(st.getState().lesson.progress, null, 2), 'application/json'),
  },
  'progress.import': {
    label: 'Import lesson progress',
    group: 'Lesson',
    run: async (st) => {
      const text = await st.port.pickFile('application/json,.json');
      if (text === null) return;
      const r = parseProgress(text);
      if (!r.progress) {
        notify(st, message('notice.notProgress', { why: r.problem ?? '' }), 'error');
        return;
      }
      saveProgress(st.port.storage, r.progress);
      patch(st, { lesson: { progress: r.progress } });
      notify(st, message('notice.progressImported', { count: Object.values(r.progress.lessons).filter((x) => x.passed).length }));
      if (r.refused) notify(st, message('notice.progressLeftOut', { what: r.refused.join('; ') }), 'warning');
    },
  },
  'demo.reveal': {
    label: 'Reveal the answer, then continue',
    group: 'Demo',
    keys: ['Enter'],
    quiet: true,
    enabled: (s) => (s.lesson.demo?.pause ? true : 'no question is open'),
    run: async (st) => {
      const asked = st.getState().lesson.demo!.pause!;
      // A question asked before its outcome: the clock runs on to the moment it is revealed (as a jump does: the same events as playing).
      if (!asked.revealed) outcomeDue(st, asked.revealAt);
      // The choices are judged over the world at the moment of the reveal, as lessons judge their goals.
      const judged = !asked.revealed && asked.choices?.length ? (await lessons()).judgePause(st) : undefined;
      patch(st, (s) => {
        const d = s.lesson.demo;
        if (!d?.pause || d.pause.at !== asked.at || d.pause.revealed !== asked.revealed) return {};
        if (!d.pause.revealed) return { lesson: { demo: { ...d, pause: { ...d.pause, revealed: true, ...(judged ? { judged } : {}) } } } };
        // Continue: the question is behind, and the clock runs on from where it stopped.
        return { lesson: { demo: { ...d, pause: null, passed: d.passed + 1 } }, world: { playing: true } };
      });
    },
  },
  'demo.pick': {
    label: "Mark the room's answer",
    group: 'Demo',
    // The palette offers each choice of the question open now.
    palette: { choices: (s) => (s.lesson.demo?.pause?.revealed ? [] : (s.lesson.demo?.pause?.choices ?? []).map((c, i) => ({ label: c.label, arg: i }))) },
    // Keys 1 to 5 mark the first to fifth choice; while no question with that many choices is open they are left to the page.
    keys: ['1', '2', '3', '4', '5'],
    keyArg: (key: string) => Number(key) - 1,
    quiet: true,
    enabled: (s, i?: number) => {
      const p = s.lesson.demo?.pause;
      if (!p?.choices?.length) return 'no question with choices is open';
      if (p.revealed) return 'the answer is already revealed';
      return i === undefined || (Number.isInteger(i) && i >= 0 && i < p.choices.length) ? true : `there are ${p.choices.length} choices`;
    },
    run: (st, i: number) =>
      patch(st, (s) => {
        const d = s.lesson.demo!;
        return { lesson: { demo: { ...d, pause: { ...d.pause!, picked: d.pause!.picked === i ? undefined : i } } } };
      }),
  },
} satisfies ActionTable;
