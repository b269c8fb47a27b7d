// Bundled for the browser by determinism.test.ts: runs scenarios with the same runner as Node.
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';

(globalThis as unknown as { runScenarios: unknown }).runScenarios = (list: { name: string; text: string }[]) =>
  list.map(({ name, text }) => {
    const r = runScenario(parseScenario(text, name));
    return { name, hash: r.eventHash, events: r.events.length, passed: r.passed };
  });
