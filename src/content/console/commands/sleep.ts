import { parseDuration } from '../../../sim';
import type { ConsoleCommand } from '../types';
import { parsed, refusedSaying } from '../types';
import { say } from '../said';

/**
 * `sleep <duration>`: lets simulated time pass. It only waits, so the driver moves the clock: in the page the
 * clock runs on by the duration; in an action log time passes between actions (their `at`) instead.
 */
export const sleepCommand: ConsoleCommand<{ ms: number }> = {
  name: 'sleep',
  usage: ['sleep <duration>   (30, 90s, 5m, 1h)'],
  help: 'Lets simulated time pass: the clock runs on by the duration, and everything due in between happens at its time.',
  time: 'wait',
  alwaysAllowed: true,
  parse: (words) => {
    const ms = words.length === 1 ? parseDuration(/^\d+(\.\d+)?$/.test(words[0]!) ? Number(words[0]) : words[0]) : undefined;
    return ms === undefined ? refusedSaying(say('console.sleep.invalid', { words: words.join(' ') }, 1)) : parsed({ ms });
  },
  run: ({ ms }) => ({ output: '', exitCode: 0, then: { afterMs: ms } }),
  waits: ({ ms }) => ms,
};
