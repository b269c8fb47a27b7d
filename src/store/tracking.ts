import type { trackerFor } from '../content/lesson';
import { PRELOADED } from './preloaded';

/**
 * The lessons' live checker, as the page's selectors reach it. It comes with the lesson machinery
 * (src/store/lessons.ts, a chunk loaded with the catalog), which installs it: a lesson is only ever
 * taken through that module, so whenever a lesson is open its checker is here.
 */
let tracker: typeof trackerFor | undefined = PRELOADED?.trackerFor;

export function installTracker(f: typeof trackerFor): void {
  tracker = f;
}

export const lessonTracker = (): typeof trackerFor | undefined => tracker;
