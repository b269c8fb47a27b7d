/**
 * A snapshot of the 2,000-task world (docs/examples/large-cluster.yaml at 10 minutes: 200 instances,
 * 2,000 running tasks), as the page's timeline takes one to travel back, and restoring it (budget: ≤ 8 ms).
 * `npm run bench -- snapshotparts` says what each member of that world costs to copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario } from '../src/content/scenario';
import { Timeline } from '../src/content/timeline';
import { copyWorld, copyWorldMember } from '../src/sim/model/snapshot';
import type { WorldState } from '../src/sim/model/world';
import { best, line } from './util';

function bigWorld(history = false): Timeline {
  const file = resolve(import.meta.dirname, '../docs/examples/large-cluster.yaml');
  const t = new Timeline(parseScenario(readFileSync(file, 'utf8'), file), undefined, [], { history });
  t.advanceTo(600_000);
  return t;
}

export function snapshot(): void {
  const sim = bigWorld().sim;
  const tasks = Object.values(sim.world.tasks).filter((x) => x.lastStatus === 'RUNNING').length;
  const taken = best(20, () => sim.snapshot());
  const restored = best(20, () => sim.restore(taken.result));
  line('snapshot_2000_tasks', taken.ms, 'ms');
  line('snapshot_restore_2000_tasks', restored.ms, 'ms');
  line('snapshot_world_tasks_running', tasks, 'tasks');
  // Scrubbing back on the page: the timeline's checkpoints are a simulated minute apart, so going back from
  // 11:00 to 10:59 restores the one of 10:00 and replays 59 s, the longest gap there is.
  const t = bigWorld(true);
  t.advanceTo(660_000);
  let scrub = Infinity;
  for (let i = 0; i < 5; i++) {
    scrub = Math.min(scrub, best(1, () => t.seek(659_000)).ms);
    t.seek(660_000);
  }
  line('snapshot_scrub_back_59s_2000_tasks', scrub, 'ms');
}

/** What copying each member of the 2,000-task world costs (the members above 0.01 ms), the engine's part and the whole. */
export function snapshotParts(): void {
  const sim = bigWorld().sim;
  const w = sim.world;
  const rows: [string, number][] = (Object.keys(w) as (keyof WorldState)[]).map((k) => [k, best(20, () => copyWorldMember(w, k)).ms]);
  rows.push(['engine', best(20, () => sim.engine.snapshot()).ms]);
  rows.sort((a, b) => b[1] - a[1]);
  for (const [k, ms] of rows) if (ms >= 0.01) line(`snapshot_part_${k}`, ms, 'ms');
  line('snapshot_part_whole_world', best(20, () => copyWorld(w)).ms, 'ms');
}
