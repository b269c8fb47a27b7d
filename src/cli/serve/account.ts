import { Sim, formatClock, type CallResult } from '../../sim';
import { parseScenario } from '../../content/scenario';
import { runScenario, type CallRecord } from '../../content/runner';
import { simFor } from '../../content/world';

/**
 * The simulated account a server answers for: the scenario's world in its region, and an empty world for
 * any other region a request names (as AWS has an empty account in every region), all on one clock. The
 * clock stands still unless advanced, or runs at `speed` times real time. Every call and every event is
 * printed as the runner's readable timeline prints them.
 */
export class ServedAccount {
  readonly name: string;
  readonly seed: string;
  readonly region: string;
  /** The calls served in the scenario's region, as the runner's report lists them. */
  readonly calls: CallRecord[] = [];
  private readonly worlds = new Map<string, Sim>();
  private readonly printed = new Map<Sim, number>();
  private readonly log: (line: string) => void;
  private timer: ReturnType<typeof setInterval> | undefined;
  private clock: { speed: number; wall: () => number; wallStart: number; simStart: number } | undefined;

  constructor(main: Sim, name: string, seed: string, log: (line: string) => void = () => {}) {
    this.name = name;
    this.seed = seed;
    this.region = main.world.region;
    this.log = log;
    this.worlds.set(this.region, main);
    this.printed.set(main, 0);
  }

  /** The account a scenario file describes, its clock run to the scenario's end (throws ScenarioError when the file is invalid). */
  static fromScenario(text: string, file: string, seed: string | undefined, log?: (line: string) => void): ServedAccount {
    const sc = parseScenario(text, file);
    let sim: Sim | undefined;
    runScenario(sc, { ...(seed !== undefined ? { seed } : {}), after: (s) => (sim = s) });
    return new ServedAccount(sim ?? simFor(sc, seed ?? sc.seed), sc.name, seed ?? sc.seed, log);
  }

  /** Simulated time in milliseconds. */
  get now(): number {
    return this.main.now;
  }

  get main(): Sim {
    return this.worlds.get(this.region)!;
  }

  /** The world of a region (the scenario's when none is named); another region's starts empty, at the same time. */
  world(region: string = this.region): Sim {
    let sim = this.worlds.get(region);
    if (!sim) {
      sim = new Sim({ seed: this.seed, region });
      sim.runUntil(this.now);
      this.worlds.set(region, sim);
      this.printed.set(sim, 0);
    }
    return sim;
  }

  /** Calls an operation in a region and lets what it sets off at once happen; prints the call and the events. */
  call(operation: string, input: unknown, region: string = this.region): CallResult {
    const sim = this.world(region);
    const r = sim.call(operation, input);
    sim.runUntil(sim.now);
    const prefix = region === this.region ? '' : `[${region}] `;
    this.log(`${formatClock(sim.now).padStart(11)}  ${prefix}> ${operation}${r.error ? `  ! ${r.error.code}: ${r.error.message}` : ''}`);
    if (region === this.region) {
      this.calls.push({ at: sim.now / 1000, call: operation, input: input as Record<string, unknown>, ...(r.error ? { error: r.error } : { output: r.output }) });
    }
    this.flush();
    // What the endpoint answers is the API's: the member a refusal is about is the page's, never sent.
    return r.errorPath ? { error: r.error } : r;
  }

  /** Runs every region's clock to `ms` (never backwards); a running clock goes on at its speed from there. */
  advanceTo(ms: number): void {
    this.runTo(ms);
    if (this.clock) this.clock = { ...this.clock, wallStart: this.clock.wall(), simStart: this.now };
  }

  private runTo(ms: number): void {
    const to = Math.max(this.now, Math.floor(ms));
    for (const sim of this.worlds.values()) sim.runUntil(to);
    this.flush();
  }

  /** Prints the events no line has been printed for yet. */
  flush(): void {
    for (const [region, sim] of this.worlds) {
      const prefix = region === this.region ? '' : `[${region}] `;
      const events = sim.events;
      for (let i = this.printed.get(sim)!; i < events.length; i++) this.log(`${formatClock(events[i]!.t).padStart(11)}  ${prefix}${events[i]!.message}`);
      this.printed.set(sim, events.length);
    }
  }

  /** Lets the clock run at `speed` times real time (`wall` gives real milliseconds), in steps of `tickMs`. */
  run(speed: number, wall: () => number = Date.now, tickMs = 100): void {
    this.stop();
    this.clock = { speed, wall, wallStart: wall(), simStart: this.now };
    this.timer = setInterval(() => {
      const c = this.clock!;
      this.runTo(c.simStart + (c.wall() - c.wallStart) * c.speed);
    }, tickMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.clock = undefined;
  }
}
