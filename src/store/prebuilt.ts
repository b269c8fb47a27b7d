import type { Scenario } from '../content/scenario';

/**
 * The built-in scenarios already parsed, by id. Empty here: where the parser is loaded with the page (the
 * dev server, tests, Node) every scenario is parsed as it opens. The production build fills it with what the
 * same parser and validator made of each built-in text at build time (vite.config.ts, prebuiltScenarios),
 * so the first view opens without loading the parser.
 */
export const PREBUILT: Record<string, Scenario> = {};

/**
 * The built-in scenarios the build parsed but left out of the first load (all but the one the first view
 * opens), which `loadPrebuilt` adds to PREBUILT. None here.
 */
export const LATER: readonly string[] = [];

export function loadPrebuilt(): Promise<void> {
  return Promise.resolve();
}
