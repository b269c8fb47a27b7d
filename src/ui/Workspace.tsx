import { lazy, Suspense, useMemo } from 'react';
import { worldView } from '../store/selectors';
import { Header } from './Header';
import { TimeControls } from './TimeControls';
import { Inspector } from './Inspector';
import { EventLog } from './EventLog';
import { ConsolePanel } from './ConsolePanel';
import { Charts } from './Charts';
import { EditorPanel } from './EditorPanel';
import { WorldTables } from './WorldTables';
import { Notices } from './Notices';
import { useSandbox, useSandboxStore } from './context';
import { DemoPause } from './Presenter';

const Canvas = lazy(() => import('./Canvas'));
const LessonPane = lazy(() => import('./LessonPane').then((m) => ({ default: m.LessonPane })));

const PANELS: { id: 'console' | 'editor' | 'charts'; label: string }[] = [
  { id: 'console', label: 'Console' },
  { id: 'editor', label: 'Editor' },
  { id: 'charts', label: 'Charts' },
];

/** The page: sandbox bar, time controls, the world (canvas or tables) with the inspector and event log, and the panels below. */
/** The world as the canvas or the tables show it; the only part of the page that follows every change. */
function World() {
  const version = useSandbox((s) => s.version);
  const timeline = useSandbox((s) => s.timeline);
  const problem = useSandbox((s) => s.scenarioProblem);
  const view = useSandbox((s) => s.view);
  const worldId = useSandbox((s) => s.worldId);
  const world = useMemo(() => (timeline ? worldView(timeline.sim, timeline.transcript.length) : null), [timeline, version]);
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

export function Workspace() {
  const store = useSandboxStore();
  const panel = useSandbox((s) => s.panel);
  const selected = useSandbox((s) => s.selected !== null);
  const inLesson = useSandbox((s) => s.lesson !== null);
  const presenting = useSandbox((s) => s.presenting);
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
              <button key={p.id} type="button" role="tab" id={`panel-${p.id}`} aria-selected={panel === p.id} aria-controls="tool-panel" onClick={() => store.setState({ panel: p.id })}>{p.label}</button>
            ))}
          </div>
          <div role="tabpanel" id="tool-panel" aria-labelledby={`panel-${panel}`} className="panel-body" tabIndex={0}>
            {panel === 'console' ? <ConsolePanel /> : panel === 'editor' ? <EditorPanel /> : <Charts />}
          </div>
        </section>
      )}
    </div>
  );
}
