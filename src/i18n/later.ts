/**
 * The English messages only views that load on demand show, by the first part of their key: the demo
 * editor, the charts, the audience's window, the lesson's checklist, the side-by-side comparison and the
 * inspector's "Why here?". Each of those views loads them with its code (`loadEnglishLater`), before it
 * first renders.
 */
export const LATER_PREFIXES: readonly string[] = ['demoEditor', 'charts', 'audience', 'check', 'compare', 'placement'];

/**
 * The English messages of LATER_PREFIXES that the first load leaves out: none here, as the tests, Node and
 * the dev server have the whole of en.json. The production build makes this a chunk of its own
 * (vite.config.ts, englishLocalePlugin).
 */
export function loadLater(): Promise<Record<string, string> | undefined> {
  return Promise.resolve(undefined);
}
