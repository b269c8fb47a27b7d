/**
 * A snapshot of the 2,000-task world (docs/examples/large-cluster.yaml at 10 minutes: 200 instances,
 * 2,000 running tasks), as the page's timeline takes one to travel back, and restoring it (budget: ≤ 8 ms).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario } from '../src/content/scenario';
import { Timeline } from '../src/content/timeline';
import { best, line } from './util';

export function snapshot(): void {
  const file = resolve(import.meta.dirname, '../docs/examples/large-cluster.yaml');
  const t = new Timeline(parseScenario(readFileSync(file, 'utf8'), file), undefined, [], { history: false });
  t.advanceTo(600_000);
  const sim = t.sim;
  const tasks = Object.values(sim.world.tasks).filter((x) => x.lastStatus === 'RUNNING').length;
  const taken = best(20, () => sim.snapshot());
  const restored = best(20, () => sim.restore(taken.result));
  line('snapshot_2000_tasks', taken.ms, 'ms');
  line('snapshot_restore_2000_tasks', restored.ms, 'ms');
  line('snapshot_world_tasks_running', tasks, 'tasks');
}
