import * as consoleModule from './index';
import * as compose from '../../formats/compose';
import * as copilot from '../../formats/copilot';

/**
 * The console and the formats its commands read, as onDemand.ts finds them when it starts: loaded with
 * the module, as Node, the tests and the dev server have them. The production build replaces this module
 * with one that holds nothing (vite.config.ts, onDemandPlugin), so the page loads them when first needed.
 */
export const PRELOADED: { console: typeof consoleModule; compose: typeof compose; copilot: typeof copilot } | undefined = { console: consoleModule, compose, copilot };
