import type { trackerFor } from '../content/lesson';

/**
 * The lessons' live checker, as the page's selectors reach it. It comes with the lesson machinery
 * (src/store/lessons.ts, a chunk loaded with the catalog), which installs it: a lesson is only ever
 * taken through that module, so whenever a lesson is open its checker is here.
 */
let tracker: typeof trackerFor | undefined;

export function installTracker(f: typeof trackerFor): void {
  tracker = f;
}

export const lessonTracker = (): typeof trackerFor | undefined => tracker;

// Outside the production build (the dev server, tests) the checker is part of the page from the start.
if (!import.meta.env?.PROD) installTracker((await import('../content/lesson')).trackerFor);
