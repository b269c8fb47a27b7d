import type { WorldState } from '../model/world';

/**
 * The tasks not yet STOPPED, in creation order: what the per-minute work walks instead of every task the world
 * has ever had (its task order only grows). Derived from the world's task order, which only grows by
 * appending: the index takes in what was appended since it last looked and drops a task once it is STOPPED
 * (a stopped task never runs again), so that a minute costs what is alive, not what has been. A world with a
 * new task order (a restored one) gets an index of its own, built from the start.
 */
interface LiveIndex {
  seen: number;
  arns: string[];
}

const indexes = new WeakMap<string[], LiveIndex>();

/** The ARNs of the world's tasks that are not STOPPED, in the order the task order lists them. */
export function liveTaskArns(w: WorldState): readonly string[] {
  const order = w.taskOrder;
  let ix = indexes.get(order);
  if (!ix) {
    ix = { seen: 0, arns: [] };
    indexes.set(order, ix);
  }
  const arns = ix.arns;
  let kept = 0;
  for (let i = 0; i < arns.length; i++) {
    const a = arns[i]!;
    const t = w.tasks[a];
    if (t === undefined || t.lastStatus === 'STOPPED') continue;
    arns[kept++] = a;
  }
  arns.length = kept;
  for (; ix.seen < order.length; ix.seen++) {
    const a = order[ix.seen]!;
    const t = w.tasks[a];
    if (t !== undefined && t.lastStatus !== 'STOPPED') arns.push(a);
  }
  return arns;
}
