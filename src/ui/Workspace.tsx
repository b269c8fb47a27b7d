import { lazy, Suspense } from 'react';
import { selectWorldView } from '../store/selectors/world';
import { PANELS } from '../store/actions/view';
import { Header } from './Header';
import { TimeControls } from './TimeControls';
import { Inspector } from './Inspector';
import { EventLog } from './EventLog';
import { ConsolePanel } from './ConsolePanel';
import { Charts } from './Charts';
import { EditorPanel } from './EditorPanel';
import { WorldTables } from './WorldTables';
import { Notices } from './Notices';
import { useRun, useSandbox } from './context';
import { DemoPause } from './Presenter';
import { CommandPalette } from './CommandPalette';
import { KeysDialog } from './KeysDialog';
import { DamagedCopies } from './DamagedCopies';
import { LessonsDialog } from './LessonsDialog';

const Canvas = lazy(() => import('./Canvas'));
const LessonPane = lazy(() => import('./LessonPane').then((m) => ({ default: m.LessonPane })));

/** The world as the canvas or the tables show it; the only part of the page that follows every change. */
function World() {
  const problem = useSandbox((s) => s.world.problem);
  const view = useSandbox((s) => s.ui.view);
  const worldId = useSandbox((s) => s.world.worldId);
  const world = useSandbox(selectWorldView);
  return (
    <div className="world">
      {problem && (
        <div className="problem" role="alert">
          <h2>The scenario cannot run</h2>
          <pre>{problem}</pre>
          <p>Its text is in the editor's Scenario tab; fix it there, or pick a built-in scenario above.</p>
        </div>
      )}
      {world && (view === 'canvas'
        ? <Suspense fallback={<WorldTables view={world} />}><Canvas key={worldId} view={world} /></Suspense>
        : <WorldTables view={world} />)}
    </div>
  );
}

/** The page: sandbox bar, time controls, the world (canvas or tables) with the inspector and event log, and the panels below. */
export function Workspace() {
  const run = useRun();
  const panel = useSandbox((s) => s.ui.panel);
  const selected = useSandbox((s) => s.ui.selected !== null);
  const inLesson = useSandbox((s) => s.lesson.current !== null);
  const presenting = useSandbox((s) => s.ui.presenting);
  return (
    <div className={`app${presenting ? ' presenting' : ''}`}>
      {!presenting && <Header />}
      <TimeControls />
      <DemoPause />
      <Notices />
      <main className={`main${inLesson && !presenting ? ' with-lesson' : ''}`}>
        {inLesson && !presenting && <Suspense fallback={<section className="lesson" aria-label="Lesson"><p>Loading the lesson…</p></section>}><LessonPane /></Suspense>}
        <World />
        <aside className="side" aria-label="Details">
          {selected && !presenting && <Inspector />}
          <EventLog />
        </aside>
      </main>
      {!presenting && (
        <section className="panels" aria-label="Tools">
          <div role="tablist" aria-label="Tools" className="tabs">
            {PANELS.map((p) => (
              <button key={p.id} type="button" role="tab" id={`panel-${p.id}`} aria-selected={panel === p.id} aria-controls="tool-panel" onClick={() => run('panel.show', p.id)}>{p.label}</button>
            ))}
          </div>
          <div role="tabpanel" id="tool-panel" aria-labelledby={`panel-${panel}`} className="panel-body" tabIndex={0}>
            {panel === 'console' ? <ConsolePanel /> : panel === 'editor' ? <EditorPanel /> : <Charts />}
          </div>
        </section>
      )}
      <LessonsDialog />
      <KeysDialog />
      <CommandPalette />
      <DamagedCopies />
    </div>
  );
}
