import type { Scenario } from '../content/scenario';

/**
 * The built-in scenarios already parsed, by id. Empty here: where the parser is loaded with the page (the
 * dev server, tests, Node) every scenario is parsed as it opens. The production build fills it with what the
 * same parser and validator made of each built-in text at build time (vite.config.ts, prebuiltScenarios),
 * so the first view opens without loading the parser.
 */
export const PREBUILT: Record<string, Scenario> = {};
