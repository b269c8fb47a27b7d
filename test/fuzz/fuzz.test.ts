import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guarded, TARGETS } from '../../scripts/fuzz/targets';
import { randomScenario, runOnce } from '../../scripts/fuzz/scenarios';

// The fuzz targets, short: `npm run fuzz -- --minutes N` runs the same for longer.
describe('fuzzing what authors, links and saved workspaces hold', () => {
  for (const target of TARGETS) {
    it(`${target.name}: no exception, hang, pollution, loss or nondeterminism`, async () => {
      await fc.assert(
        fc.asyncProperty(target.input, async (x) => {
          expect(await guarded(() => target.check(x))).toEqual({ kind: 'clean' });
        }),
        { numRuns: 150, seed: 20261201 },
      );
    });
  }

  it('random scenarios through the runner: each ends with a report or a scenario error, and runs the same twice', () => {
    for (let seed = 1; seed <= 12; seed++) expect(runOnce(randomScenario(seed)), `seed ${seed}`).toMatchObject({ kind: 'clean' });
  });
});
