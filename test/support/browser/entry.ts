// Bundled for the browser by test/browser/determinism.test.ts: runs scenarios with the same runner as Node.
import { parseScenario } from '../../../src/content/scenario';
import { runScenario } from '../../../src/content/runner';

(globalThis as unknown as { runScenarios: unknown }).runScenarios = (list: { name: string; text: string }[]) =>
  list.map(({ name, text }) => {
    const r = runScenario(parseScenario(text, name));
    return { name, hash: r.eventHash, events: r.events.length, passed: r.passed };
  });

import { checkLesson, parseLesson } from '../../../src/content/lesson';

/** Each lesson's reference solution checked by replay, in the browser: its verdict and event hash. */
(globalThis as unknown as { checkLessons: unknown }).checkLessons = (files: Record<string, string>, ids: string[]) =>
  ids.map((id) => {
    const l = parseLesson(files, id);
    const r = checkLesson(l, l.solution);
    return { id, passed: r.passed, hash: r.eventHash };
  });
