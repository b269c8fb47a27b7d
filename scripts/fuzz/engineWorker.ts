// A child process of `npm run fuzz`: runs the engine scenario of each seed it is sent (scripts/fuzz/engine.ts) and
// answers how it went, so the parent can end a run that hangs without losing the count.
import fc from 'fast-check';
import { judge, scenarioArb } from './engine';

const scenarios = scenarioArb(30);
process.on('message', (m: { seed: number }) => {
  const [steps] = fc.sample(scenarios, { numRuns: 1, seed: m.seed });
  const v = judge(steps!);
  process.send!({ seed: m.seed, calls: v.calls, serverErrors: v.serverErrors, thrown: v.thrown, polluted: v.polluted, nondeterministic: v.nondeterministic, ms: v.ms });
});
process.send!({ ready: true });
