import * as demoFile from './demoFile';

/**
 * Demo files' reader and writer, as the demo actions (src/store/actions/demo.ts) find them when the page
 * starts: loaded with the module, as the tests, Node and the dev server have them. The production build
 * replaces this module with one that holds nothing (vite.config.ts, onDemandPlugin), so the page loads them
 * with the first action that reads or writes a demo file.
 */
export const PRELOADED: typeof demoFile | undefined = demoFile;
