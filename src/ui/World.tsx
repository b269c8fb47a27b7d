import { lazy, Suspense, useCallback } from 'react';
import { selectWorldView } from '../store/selectors/world';
import { selectFocus } from '../store/selectors/canvas';
import { selectGoalWorld } from '../store/selectors/goal';
import { clock, selectHead } from '../store/selectors/time';
import { themeOf } from '../store/actions/layout';
import type { Selection } from '../store/store';
import { ActionButton } from './ActionButton';
import { Notices } from './Notices';
import { selectPanes } from '../store/selectors/shownPanes';
import { WorldTables } from './WorldTables';
import { useRun, useSandbox } from './context';
import { useT } from './i18n';
import { withEnglishLater } from '../i18n';
import { formatProblemIn } from '../formats/problem';
import { useNodeCallouts } from './demoCallouts';

const WorldCanvas = lazy(() => import('./canvas/WorldCanvas'));
// Two worlds side by side is a demo's view: its code loads when a demo first shows it.
const SideBySide = lazy(withEnglishLater(() => import('./SideBySide').then((m) => ({ default: m.SideBySide }))));

/** Over the world, while the clock shows the past: what acting now does, and the way back. */
function PastBanner() {
  const past = useSandbox((s) => s.world.timeline !== null && s.world.now < s.world.timeline.head);
  const head = useSandbox(selectHead);
  const t = useT();
  if (!past) return null;
  return (
    <p className="badge past" role="status">
      {t('world.past')}
      <ActionButton id="clock.latest" title={t('world.backTitle', { time: clock(head) })}>
        {t('world.back', { time: clock(head) })}
      </ActionButton>
    </p>
  );
}

/** The goal's world, read only, beside the learner's: drawn from a replay of the reference solution, its commands not shown. */
function GoalCanvas() {
  const goal = useSandbox(selectGoalWorld);
  const focus = useSandbox(selectFocus);
  const theme = useSandbox(themeOf);
  const t = useT();
  if (!goal) return null;
  return (
    <WorldCanvas
      view={goal.view}
      focus={focus}
      theme={theme}
      label={t('world.goal.label')}
      title={
        <>
          {t('world.goal')} <span className="muted">{t('world.goal.where', { time: clock(goal.at) })}</span>
        </>
      }
    />
  );
}

/**
 * The world as the canvas or the tables show it (and the goal's beside it when asked for), with the
 * notices over it. `readOnly` (the audience's window): nothing on it is clickable. Worlds side by side
 * get their comparison table below them, across the panes' whole width, where its words have room.
 */
export function World({ readOnly = false, title }: { readOnly?: boolean; title?: string } = {}) {
  const run = useRun();
  const problem = useSandbox((s) => s.world.problem);
  const problems = useSandbox((s) => s.world.problems);
  // The audience's window always draws the canvas: the tables are for inspecting, and have buttons.
  const view = useSandbox((s) => (readOnly ? 'canvas' : s.ui.view));
  const worldId = useSandbox((s) => s.world.worldId);
  const world = useSandbox(selectWorldView);
  const focus = useSandbox(selectFocus);
  const theme = useSandbox(themeOf);
  const fit = useSandbox((s) => s.ui.fit);
  const goal = useSandbox((s) => s.lesson.current?.showGoal ?? false);
  const t = useT();
  const spotlight = useSandbox((s) => s.present.spotlight);
  const selected = useSandbox((s) => s.ui.selected);
  const sideBySide = useSandbox((s) => selectPanes(s).length > 0);
  const pinned = useNodeCallouts();
  // In presenter view a click points the room at a node (the spotlight) instead of inspecting it.
  const presenting = useSandbox((s) => s.ui.presenting);
  // While the Demos tool waits for a node to pin a callout to, a click pins it.
  const pinning = useSandbox((s) => s.present.pinning !== null);
  const select = useCallback((s: Selection) => void run(pinning ? 'demo.pinClicked' : presenting ? 'spotlight.set' : 'select', s), [run, presenting, pinning]);
  return (
    <div className="world" id="world">
      {!readOnly && <Notices />}
      {!readOnly && <PastBanner />}
      {problem && (
        <div className="problem" role="alert">
          <h2>{t('world.problem')}</h2>
          <pre>{problems.length ? problems.map((p) => formatProblemIn(t.locale, p)).join('\n') : problem}</pre>
          <p>{t('world.problem.fix')}</p>
        </div>
      )}
      {world && view === 'canvas' && sideBySide && !goal && (
        <Suspense fallback={<p className="canvas-empty">{t('world.drawing')}</p>}>
          <SideBySide onSelect={readOnly ? undefined : select} spotlight={spotlight} selected={selected} worldId={worldId} />
        </Suspense>
      )}
      {world &&
        !(view === 'canvas' && sideBySide && !goal) &&
        (view === 'canvas' ? (
          <div className={`worlds${goal ? ' many' : ''}`}>
            <Suspense fallback={readOnly ? <p className="canvas-empty">{t('world.drawing')}</p> : <WorldTables view={world} selected={selected?.world === undefined ? selected : null} />}>
              <WorldCanvas
                key={worldId}
                view={world}
                focus={focus}
                theme={theme}
                onSelect={readOnly ? undefined : select}
                fitRequest={fit}
                spotlight={spotlight}
                selected={selected?.world === undefined ? selected : null}
                label={t('world.canvas')}
                title={goal ? t('world.yours') : (title ?? t('world.the'))}
                callouts={pinned}
              />
            </Suspense>
            {goal && (
              <Suspense fallback={<p>{t('world.goal.drawing')}</p>}>
                <GoalCanvas />
              </Suspense>
            )}
          </div>
        ) : (
          <WorldTables view={world} selected={selected?.world === undefined ? selected : null} />
        ))}
    </div>
  );
}
