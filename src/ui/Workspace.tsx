import { lazy, Suspense, useState, type CSSProperties, type ReactNode } from 'react';
import { PANELS } from '../store/actions/view';
import { Header, PresenterBar } from './Header';
import { TimeControls } from './TimeControls';
import { EventLog } from './EventLog';
import { ConsolePanel } from './ConsolePanel';
import { World } from './World';
import { Separator } from './Separator';
import { useRun, useSandbox } from './context';
import { ConfirmDialog } from './ConfirmDialog';
import type { UiSlice } from '../store/store';
import { NARROW, NARROW_WITH_LESSON, useMedia } from './useMedia';
import { useT } from './i18n';
import { withEnglishLater } from '../i18n';

const LessonPane = lazy(withEnglishLater(() => import('./LessonPane').then((m) => ({ default: m.LessonPane }))));
// The tools the first view does not show load when their tab is first chosen.
const EditorPanel = lazy(withEnglishLater(() => import('./EditorPanel').then((m) => ({ default: m.EditorPanel }))));
const Charts = lazy(withEnglishLater(() => import('./Charts').then((m) => ({ default: m.Charts }))));
const DemoEditor = lazy(withEnglishLater(() => import('./DemoEditor').then((m) => ({ default: m.DemoEditor }))));
// So do the dialogs, when first opened.
const LessonsDialog = lazy(() => import('./LessonsDialog').then((m) => ({ default: m.LessonsDialog })));
const KeysDialog = lazy(withEnglishLater(() => import('./KeysDialog').then((m) => ({ default: m.KeysDialog }))));
const CommandPalette = lazy(withEnglishLater(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette }))));
const DamagedCopies = lazy(withEnglishLater(() => import('./DamagedCopies').then((m) => ({ default: m.DamagedCopies }))));
// The inspector, when something is first selected: its place holds, empty, the moment it takes.
const Inspector = lazy(withEnglishLater(() => import('./Inspector').then((m) => ({ default: m.Inspector }))));
// A demo's bar and the presenter's notes load when a demo first opens.
const DemoPause = lazy(withEnglishLater(() => import('./Presenter').then((m) => ({ default: m.DemoPause }))));
const PresenterNotes = lazy(withEnglishLater(() => import('./Presenter').then((m) => ({ default: m.PresenterNotes }))));

/**
 * A dialog drawn from the first time the store opens it (its code loads then), and kept from then on: it
 * opens as it mounts (useDialog), and once there it opens and closes as any other.
 */
function OnceOpened({ name, children }: { name: NonNullable<UiSlice['dialog']>; children: ReactNode }) {
  const open = useSandbox((s) => s.ui.dialog === name);
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/**
 * Below the world: the tools as tabs (the event log among them on a narrow window), and the inspector beside them.
 * Until the learner resizes them, they stand taller while the editor is open, so a file's lines have room.
 */
function Bottom({ narrow }: { narrow: boolean }) {
  const run = useRun();
  const panel = useSandbox((s) => s.ui.panel);
  const selected = useSandbox((s) => s.ui.selected !== null);
  const t = useT();
  const tabs = PANELS.filter((p) => narrow || p.id !== 'events');
  const shown = tabs.some((p) => p.id === panel) ? panel : 'console';
  return (
    <div className={`bottom${selected ? ' inspecting' : ''}${shown === 'editor' ? ' editing' : ''}`} id="bottom">
      <section className="panels" aria-label={t('workspace.tools')}>
        <div role="tablist" aria-label={t('workspace.tools')} className="tabs">
          {tabs.map((p) => (
            <button key={p.id} type="button" role="tab" id={`panel-${p.id}`} aria-selected={shown === p.id} aria-controls="tool-panel" onClick={() => run('panel.show', p.id)}>
              {t(`panel.${p.id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="tool-panel" aria-labelledby={`panel-${shown}`} className="panel-body" tabIndex={0}>
          <Suspense fallback={null}>{shown === 'console' ? <ConsolePanel /> : shown === 'editor' ? <EditorPanel /> : shown === 'charts' ? <Charts /> : shown === 'demo' ? <DemoEditor /> : <EventLog />}</Suspense>
        </div>
      </section>
      {selected && <Separator pane="inspector" side="after" orientation="vertical" controls="inspector" />}
      {selected && (
        <Suspense fallback={<section className="inspector" id="inspector" aria-label={t('inspector.label')} aria-busy="true" />}>
          <Inspector />
        </Suspense>
      )}
    </div>
  );
}

/**
 * The page: the sandbox bar and the time controls; then the world and the event log side by side, and the tools
 * and the inspector below them; a lesson stands beside all of these, from the time controls to the window's
 * bottom, so its text has the window's height. Separators between them resize the panes (their
 * sizes are kept in this browser); nothing is ever wider than the window. Presenter view keeps the
 * world and the event log in large type, and a bar that always says how to leave it.
 */
export function Workspace() {
  const inLesson = useSandbox((s) => s.lesson.current !== null);
  const presenting = useSandbox((s) => s.ui.presenting);
  // With an audience window following, this is the presenter's window: the notes join the event log.
  const followed = useSandbox((s) => s.ui.presenting && s.present.audience);
  const inDemo = useSandbox((s) => s.lesson.demo !== null);
  const panes = useSandbox((s) => s.ui.panes);
  const sized = useSandbox((s) => s.ui.panesSized);
  const t = useT();
  const lesson = inLesson && !presenting;
  const narrowest = useMedia(NARROW);
  const narrower = useMedia(NARROW_WITH_LESSON);
  const narrow = !presenting && (lesson ? narrower : narrowest);
  // The tools' height the learner set; without one, the page's for the tab shown.
  const bottom: Record<string, string> = sized.includes('bottom') ? { '--bottom-h': `${panes.bottom}px` } : {};
  const style = { '--lesson-w': `${panes.lesson}px`, '--side-w': `${panes.side}px`, ...bottom, '--insp-w': `${panes.inspector}px` } as CSSProperties;
  return (
    <div className={`app${presenting ? ' presenting' : ''}${lesson ? ' with-lesson' : ''}${narrow ? ' narrow' : ''}${sized.includes('bottom') ? ' bottom-sized' : ''}`} style={style}>
      {presenting ? <PresenterBar /> : <Header />}
      <TimeControls />
      {inDemo && (
        <Suspense fallback={null}>
          <DemoPause />
        </Suspense>
      )}
      {lesson && (
        <Suspense
          fallback={
            <section className="lesson" aria-label={t('workspace.lesson')}>
              <p>{t('workspace.lessonLoading')}</p>
            </section>
          }
        >
          <LessonPane />
        </Suspense>
      )}
      {lesson && <Separator pane="lesson" side="before" orientation="vertical" controls="lesson-pane" />}
      <main className={`main${lesson ? ' with-lesson' : ''}${narrow ? ' narrow' : ''}`}>
        <World {...(followed ? { title: t('presenter.audienceSees') } : {})} />
        {!narrow && <Separator pane="side" side="after" orientation="vertical" controls="side" />}
        {!narrow && (
          <aside className="side" id="side" aria-label={t('workspace.details')}>
            {followed && (
              <Suspense fallback={null}>
                <PresenterNotes />
              </Suspense>
            )}
            <EventLog />
          </aside>
        )}
      </main>
      {!presenting && <Separator pane="bottom" side="after" orientation="horizontal" controls="bottom" />}
      {!presenting && <Bottom narrow={narrow} />}
      <OnceOpened name="lessons">
        <LessonsDialog />
      </OnceOpened>
      <OnceOpened name="keys">
        <KeysDialog />
      </OnceOpened>
      <OnceOpened name="palette">
        <CommandPalette />
      </OnceOpened>
      <OnceOpened name="damaged">
        <DamagedCopies />
      </OnceOpened>
      <ConfirmDialog />
    </div>
  );
}
