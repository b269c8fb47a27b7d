import type { WorldState } from '../model/world';

/**
 * What the per-minute work walks instead of tables that only grow (every task, every instance the world has had).
 *
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

/**
 * The EC2 instances not terminated, in the order the world's instance table lists them (the order in which they
 * were launched): instances are only ever added to the table, and a terminated one never runs again. The index
 * takes in the keys added since it last looked (the table's key count tells) and drops an instance once it is
 * terminated; a world with a new table (a restored one) gets an index built from the start.
 */
interface InstanceIndex {
  seen: number;
  ids: string[];
}

const instanceIndexes = new WeakMap<object, InstanceIndex>();

export function liveInstanceIds(w: WorldState): readonly string[] {
  const table = w.ec2;
  let ix = instanceIndexes.get(table);
  if (!ix) {
    ix = { seen: 0, ids: [] };
    instanceIndexes.set(table, ix);
  }
  const ids = ix.ids;
  let kept = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const inst = table[id];
    if (inst === undefined || inst.state === 'terminated') continue;
    ids[kept++] = id;
  }
  ids.length = kept;
  const keys = Object.keys(table);
  if (keys.length < ix.seen) {
    // Keys removed (a table edited in place): built again from the start.
    ids.length = 0;
    ix.seen = 0;
  }
  if (keys.length !== ix.seen) {
    for (let i = ix.seen; i < keys.length; i++) if (table[keys[i]!]!.state !== 'terminated') ids.push(keys[i]!);
    ix.seen = keys.length;
  }
  return ids;
}

/**
 * The records an ARN list names, resolved once. The world's ARN lists (an instance's or a service's tasks, a
 * cluster's instances) only grow by appending, or are replaced by a new list, and a record is never taken out
 * of its table nor replaced by another under its ARN: so what a position resolved to stays, and only what was
 * appended since (or what had no record yet) is looked up. A restored world has new lists and new records, and
 * resolves them again from the start. The per-minute work reads these instead of a table lookup per element.
 */
interface Resolved<T> {
  records: (T | undefined)[];
  /** Whether some position had no record when resolved (it is looked up again next time). */
  missing: boolean;
}

const resolvedLists = new WeakMap<readonly string[], Resolved<unknown>>();

export function resolveAll<T>(table: Record<string, T>, arns: readonly string[]): readonly (T | undefined)[] {
  let r = resolvedLists.get(arns) as Resolved<T> | undefined;
  if (r === undefined || r.records.length > arns.length) {
    r = { records: [], missing: false };
    resolvedLists.set(arns, r);
  }
  const records = r.records;
  if (r.missing) {
    r.missing = false;
    for (let i = 0; i < records.length; i++) {
      if (records[i] !== undefined) continue;
      const x = table[arns[i]!];
      records[i] = x;
      if (x === undefined) r.missing = true;
    }
  }
  for (let i = records.length; i < arns.length; i++) {
    const x = table[arns[i]!];
    records.push(x);
    if (x === undefined) r.missing = true;
  }
  return records;
}

/** Tells resolveAll what a list just built names, record by record (the same length, in its order). */
export function resolvedAs<T>(arns: readonly string[], records: T[]): void {
  resolvedLists.set(arns, { records, missing: false });
}
