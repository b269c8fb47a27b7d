import { Sim } from '../../../sim';
import type { ConsoleSession } from '../types';

/**
 * Other regions. The sandbox's world is one account in the scenario's region; `--region` (or AWS_REGION /
 * AWS_DEFAULT_REGION) naming another region reaches that account's other region, which starts empty, as a new
 * region does in AWS (its default VPC, the FARGATE capacity providers, nothing else). What a learner creates
 * there is kept in the console session as the calls that made it (JSON, so it is snapshotted with the timeline),
 * and that region's world is rebuilt from them, on the same clock, for each command. Nothing there touches the
 * main world, its event log or the lesson checker.
 */

/** A region name of the AWS partitions (us-east-1, eu-west-3, ap-southeast-2, us-gov-west-1, …). */
export const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export interface RegionWorld {
  sim: Sim;
  /** Keeps a call that changed the region, so the next command sees it. */
  keep(call: string, input: Record<string, unknown>): void;
}

/** The world of `region` at the main world's time (the main world itself for the scenario's region). */
export function regionWorld(main: Sim, session: ConsoleSession, region: string): RegionWorld {
  if (region === main.world.region) return { sim: main, keep: () => {} };
  const log = Object.hasOwn(session.regions, region) ? session.regions[region]! : [];
  const sim = new Sim({ region, seed: `region ${region}` });
  for (const c of log) {
    sim.runUntil(Math.min(c.at, main.now));
    sim.call(c.call, c.input);
  }
  sim.runUntil(main.now);
  return {
    sim,
    keep: (call, input) => {
      if (!Object.hasOwn(session.regions, region)) Object.defineProperty(session.regions, region, { value: [], enumerable: true, writable: true, configurable: true });
      session.regions[region]!.push({ at: main.now, call, input: structuredClone(input) });
    },
  };
}

/** Whether an operation only reads (so a call to it in another region need not be kept). */
export const readsOnly = (operation: string) => /^(Describe|List|Get|Discover)/.test(operation);
