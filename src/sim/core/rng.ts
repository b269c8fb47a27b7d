import seedrandom from 'seedrandom';

/** Serializable state of all random streams. */
export type RngState = Record<string, object>;

/** One named stream of uniform numbers in [0, 1). */
export interface Stream {
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

type Alea = (() => number) & { state(): object };

/**
 * Named, independently seeded random streams (one per source of randomness: placement ties, ids,
 * failures, traffic jitter). Each stream is seeded from the scenario seed and its own name, so a new
 * draw in one place does not shift the outcomes of every other.
 */
export class RngStreams {
  private streams = new Map<string, { gen: Alea; api: Stream }>();

  constructor(
    readonly seed: string,
    state?: RngState,
  ) {
    if (state) for (const [name, s] of Object.entries(state)) this.create(name, s);
  }

  stream(name: string): Stream {
    const found = this.streams.get(name);
    if (found) return found.api;
    return this.create(name).api;
  }

  state(): RngState {
    const out: RngState = {};
    for (const name of [...this.streams.keys()].sort()) out[name] = this.streams.get(name)!.gen.state();
    return out;
  }

  private create(name: string, state?: object) {
    const gen = (state ? seedrandom.alea('', { state: state as never }) : seedrandom.alea(`${this.seed}/${name}`, { state: true })) as unknown as Alea;
    const api: Stream = {
      next: () => gen(),
      int: (n: number) => Math.floor(gen() * n),
    };
    const entry = { gen, api };
    this.streams.set(name, entry);
    return entry;
  }
}
