import { useMemo } from 'react';
import { useDemoIn } from './lessonText';
import { useShownCallouts } from './shownDemo';
import { selectWorldView } from '../store/selectors/world';
import { selectPanes } from '../store/selectors/shownPanes';
import { nodeIdOf } from '../store/selectors/callouts';
import { useSandbox } from './context';

/** The callouts shown now, as this window has them: from the presenter's window in the audience's, else the open demo's in the page's language. */
export function useCallouts(): { node?: string; text: string }[] {
  const shown = useShownCallouts(useSandbox((s) => s.present.show?.callouts));
  const def = useDemoIn(useSandbox((s) => s.lesson.demo?.def));
  // The clock's moment only matters at the callouts' bounds: the list is made again only when one is crossed.
  const key = useSandbox((s) => (def?.callouts?.length ? def.callouts.map((c) => (c.at <= s.world.now && s.world.now < (c.until ?? Infinity) ? 1 : 0)).join('') : ''));
  const own = useMemo(() => (key.includes('1') ? def!.callouts!.filter((_, i) => key[i] === '1').map((c) => (c.node ? { node: c.node, text: c.text } : { text: c.text })) : NONE), [def, key]);
  return shown ?? own;
}

const NONE: { node?: string; text: string }[] = [];

/** The callouts of this moment that show as a line (no node, or none drawn now: a side-by-side view pins none). */
export function useMomentCallouts(): { text: string }[] {
  const all = useCallouts();
  const view = useSandbox(selectWorldView);
  const panes = useSandbox((s) => selectPanes(s).length > 0);
  return useMemo(() => (all.length ? all.filter((c) => !c.node || panes || !view || !nodeIdOf(view, c.node)) : NONE), [all, view, panes]);
}

/** The callouts of this moment pinned to a node the canvas draws now, by the node's id. */
export function useNodeCallouts(): { id: string; text: string }[] {
  const all = useCallouts();
  const view = useSandbox(selectWorldView);
  const panes = useSandbox((s) => selectPanes(s).length > 0);
  return useMemo(() => {
    if (!all.length || panes || !view) return PINNED_NONE;
    return all.flatMap((c) => {
      const id = c.node ? nodeIdOf(view, c.node) : null;
      return id ? [{ id, text: c.text }] : [];
    });
  }, [all, view, panes]);
}

const PINNED_NONE: { id: string; text: string }[] = [];
