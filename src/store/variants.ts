import { Timeline, type LearnerAction } from '../content/timeline';

/**
 * Worlds side by side as separate worlds: a demo's variants, each its own simulator built from its
 * own scenario text and seed, all on the one clock of the world slice. The first variant's timeline
 * is the world slice's `timeline` itself (the console, the inspector and the event log read it);
 * the others follow it: to its time, and through the same learner actions.
 */
export interface VariantWorld {
  label: string;
  seed: string;
  /** The variant's scenario text (the demo's with the variant's overrides written in). */
  text: string;
  /** Its own world; replaced when it has to be rebuilt (an action undone, a branch). */
  timeline: Timeline;
}

/** A variant as a world's document carries it: what rebuilds the same world anywhere (the audience's window). */
export type VariantDoc = Omit<VariantWorld, 'timeline'>;

const same = (a: LearnerAction | undefined, b: LearnerAction | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Brings a variant to the main world's learner actions: one more done now is done in it too; any other change rebuilds it. */
function sameActions(v: VariantWorld, main: Timeline): void {
  const mine = v.timeline.actions;
  const theirs = main.actions;
  if (mine.length === theirs.length && mine.every((a, i) => same(a, theirs[i]))) return;
  const next = theirs[mine.length];
  if (theirs.length === mine.length + 1 && mine.every((a, i) => same(a, theirs[i])) && next!.at >= v.timeline.now) {
    v.timeline.seek(next!.at);
    const { at: _at, ...action } = next!;
    v.timeline.act(action);
    return;
  }
  const old = v.timeline;
  v.timeline = new Timeline(old.scenario, old.seed, theirs.slice());
  v.timeline.snapshotGate = old.snapshotGate;
  if (old.onSnapshot) v.timeline.onSnapshot = old.onSnapshot;
}

/**
 * Keeps every variant in step with the main world: the same learner actions, the same time (forward
 * by running, back by restoring, as the main world's own scrubbing does). Returns how many events all
 * the worlds hold, so a caller can tell whether anything happened in any of them.
 */
export function keepInStep(main: Timeline | null, variants: readonly VariantWorld[]): number {
  if (!main) return 0;
  let events = main.sim.events.length;
  for (const v of variants) {
    if (v.timeline === main) continue;
    sameActions(v, main);
    if (v.timeline.now !== main.now) v.timeline.seek(main.now);
    events += v.timeline.sim.events.length;
  }
  return events;
}

/** The worlds of the variants given, the first being `main`, each other built by `build` at main's actions and time (null: one that cannot run). */
export function variantWorlds(docs: readonly VariantDoc[], main: Timeline, build: (text: string, seed: string) => Timeline | null): VariantWorld[] | null {
  const out: VariantWorld[] = [];
  for (const [i, d] of docs.entries()) {
    const timeline = i === 0 ? main : build(d.text, d.seed);
    if (!timeline) return null;
    out.push({ ...d, timeline });
  }
  return out;
}
