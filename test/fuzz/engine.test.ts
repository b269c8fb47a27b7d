import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clean, judge, scenarioArb } from '../../scripts/fuzz/engine';

// The engine's fuzz, short: random scenarios of requests built from every operation's model (real member names,
// wrong types, hostile values). `npm run fuzz -- --minutes N` runs the same generators for long.
describe('the engine under fuzzed requests', () => {
  it('answers every request without a ServerException, throws nothing, pollutes no prototype, and runs the same twice', () => {
    fc.assert(
      fc.property(scenarioArb(25), (steps) => {
        const v = judge(steps);
        expect(v.ms, 'a scenario ran past 5 s').toBeLessThan(5000);
        if (!clean(v)) expect({ serverErrors: v.serverErrors, thrown: v.thrown, polluted: v.polluted, nondeterministic: v.nondeterministic }).toEqual({ serverErrors: [], thrown: [], polluted: [], nondeterministic: false });
      }),
      { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 20261) },
    );
  });
});
