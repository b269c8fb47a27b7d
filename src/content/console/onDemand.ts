import type * as Console from './index';

/**
 * The console (its commands, the AWS CLI's model, help and JMESPath) as the timeline and the page's store
 * reach it. It is a chunk of its own in the page, loaded when the learner first uses the console or the
 * editor's actions, or when a world with typed commands is replayed (a saved workspace, a share link, a
 * lesson); `loadConsole` before any of these. The functions here are the console's own once it has loaded.
 */
type ConsoleModule = typeof Console;

let mod: ConsoleModule | undefined;
let loading: Promise<ConsoleModule> | undefined;

export function loadConsole(): Promise<ConsoleModule> {
  loading ??= import('./index').then((m) => (mod = m));
  return loading;
}

export const consoleLoaded = (): boolean => mod !== undefined;

/** Runs f now when the console is loaded (so an action stays synchronous), else once it has loaded. */
export function withConsole<T>(f: () => T): T | Promise<T> {
  return mod ? f() : loadConsole().then(f);
}

function loaded(): ConsoleModule {
  if (!mod) throw new Error('the console has not loaded');
  return mod;
}

export const readLine: ConsoleModule['readLine'] = (...a) => loaded().readLine(...a);
export const runLine: ConsoleModule['runLine'] = (...a) => loaded().runLine(...a);
export const resumeStep: ConsoleModule['resumeStep'] = (...a) => loaded().resumeStep(...a);
export const mergeStep: ConsoleModule['mergeStep'] = (...a) => loaded().mergeStep(...a);
export const waitOf: ConsoleModule['waitOf'] = (...a) => loaded().waitOf(...a);
export const filesRead: ConsoleModule['filesRead'] = (...a) => loaded().filesRead(...a);
export const lineAllowed: ConsoleModule['lineAllowed'] = (...a) => loaded().lineAllowed(...a);
export const complete: ConsoleModule['complete'] = (...a) => loaded().complete(...a);

// Outside the production build (the dev server, tests, Node) the console is loaded from the start.
if (!import.meta.env?.PROD) await loadConsole();
