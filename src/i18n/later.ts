/**
 * The English messages only views that load on demand show: an entry is a key, with its plural forms and
 * the keys under it (`keys.scope` is `keys.scope.page` and the others). Each view that shows them loads
 * them with its code (`loadEnglishLater`), before it first renders: the demo editor, the charts, the
 * audience's window, the lesson's pane and checklist, the side-by-side comparison, the inspector and its
 * "Why here?", the editor, the dialogs (Keys, the command palette, damaged copies), the demo's bar and the
 * presenter's notes, the class page, and the console's commands (their help, output and refusals). Where
 * a view's words share a first part with what the first load says (an action id such as `keys.show`), the
 * entries name the view's own keys.
 */
export const LATER_PREFIXES: readonly string[] = [
  'demoEditor',
  'charts',
  'audience',
  'check',
  'compare',
  'placement',
  // The command palette's groups.
  'group',
  // The class page and its table (`class.export` is an action id).
  'class.label',
  'class.title',
  'class.back',
  'class.intro',
  'class.caution',
  'class.names',
  'class.drop',
  'class.choose',
  'class.filesRead',
  'class.read',
  'class.files',
  'class.results',
  'class.unread',
  'class.sortBy',
  'class.empty',
  'class.csvNote',
  'class.timeNote',
  'class.refused',
  'class.column',
  'class.whichMissed',
  'class.whichNone',
  'class.yes',
  'class.no',
  'class.rightOf',
  // The console's commands (src/content/console): its help, its output and its refusals.
  'console.cmd',
  'console.help.commands',
  'console.help.lessonCommands',
  'console.help.othersOff',
  'console.help.noCommand',
  'console.process',
  'console.traffic',
  'console.sleep',
  'console.notFound',
  'console.internalError',
  'console.noWaitInPipeline',
  // The lesson's pane (`lesson.goal`, `lesson.solution` and `lesson.predict` are action ids: their keys are the first load's).
  'lesson.label',
  'lesson.leave',
  'lesson.steps',
  'lesson.predict.was',
  'lesson.predict.right',
  'lesson.predict.said',
  'lesson.checklist',
  'lesson.goal.canvas',
  'lesson.goal.show',
  'lesson.goal.hide',
  'lesson.goal.reveals',
  'lesson.hintN',
  'lesson.solution.count',
  'lesson.solution.show',
  'lesson.solution.hide',
  'lesson.solution.ask',
  'lesson.solution.why',
  'lesson.solution.yes',
  'lesson.solution.no',
  'lesson.run',
  'lesson.prereq',
  'lesson.debrief',
  'lesson.last',
  'lesson.restart',
  'lesson.why',
  // The inspector (`inspector.tab` is an action id; the first load names its place, `inspector.label`).
  'inspector.tab',
  'inspector.gone',
  'inspector.title',
  'inspector.views',
  'inspector.notYet',
  'inspector.noEvents',
  // The demo's bar, its choices and the presenter's notes.
  'presenter.enter',
  'presenter.notes',
  'presenter.asked',
  'presenter.nextAt',
  'presenter.answer',
  'demo.label',
  'demo.next',
  'demo.none',
  'demo.continue',
  'demo.revealButton',
  'demo.notes',
  'demo.presenter',
  'demo.predict',
  'demo.choices',
  'demo.right',
  'demo.wrong',
  // The dialogs and the editor.
  'palette.prompt',
  'palette.placeholder',
  'palette.asking',
  'palette.actions',
  'palette.none',
  'palette.count',
  'palette.label',
  'palette.notNow',
  'keys.title',
  'keys.intro',
  'keys.scope',
  'keys.key',
  'keys.action',
  'keys.or',
  'damaged.keptAt',
  'damaged.keptEarlier',
  'damaged.chars',
  'damaged.kchars',
  'damaged.title',
  'damaged.intro',
  'damaged.none',
  'damaged.unkept',
  'damaged.letGo',
  'editor.files',
  'editor.read',
  'editor.loading',
  'editor.copilotNote',
  'editor.tab',
];

/** Whether a key is one of LATER_PREFIXES': an entry itself, one of its plural forms, or a key under it. */
export function isLater(key: string, later: readonly string[] = LATER_PREFIXES): boolean {
  return later.some((p) => key === p || key.startsWith(`${p}.`) || key.startsWith(`${p}#`));
}

/**
 * The English messages of LATER_PREFIXES that the first load leaves out: none here, as the tests, Node and
 * the dev server have the whole of en.json. The production build makes this a chunk of its own
 * (vite.config.ts, englishLocalePlugin).
 */
export function loadLater(): Promise<Record<string, string> | undefined> {
  return Promise.resolve(undefined);
}
