// A child process of `npm run fuzz`: runs the random scenario of each seed it is sent and answers how it went, so
// the parent can end a run that hangs without losing the count.
import { randomScenario, runOnce } from './scenarios';

process.on('message', (m: { seed: number }) => {
  const text = randomScenario(m.seed);
  process.send!({ seed: m.seed, ...runOnce(text) });
});
process.send!({ ready: true });
