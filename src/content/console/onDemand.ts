import type * as Console from './index';
import type * as Compose from '../../formats/compose';
import type * as Copilot from '../../formats/copilot';
import { PRELOADED } from './preloaded';
import { loadOperations } from '../../sim';
import { loadEnglishLater } from '../../i18n';

/**
 * The console (its commands, the AWS CLI's model, help and JMESPath) and the file formats its commands
 * and the editor's actions read (Compose, Copilot manifests), as the timeline and the page's store reach
 * them. They are a chunk of their own in the page, loaded when the learner first uses the console or the
 * editor, or when a world with typed commands is replayed (a saved workspace, a share link, a lesson);
 * `loadConsole` before any of these. The functions here are the console's own once it has loaded. The
 * engine's operations it starts without (`loadOperations`) load with it: a typed command can call any; and
 * so do the English words of its commands (src/i18n/later.ts).
 */
type ConsoleModule = typeof Console;

let mod: ConsoleModule | undefined = PRELOADED?.console;
let formats: { compose: typeof Compose; copilot: typeof Copilot } | undefined = PRELOADED;
let loading: Promise<ConsoleModule> | undefined = mod && Promise.resolve(mod);

export function loadConsole(): Promise<ConsoleModule> {
  loading ??= Promise.all([import('./index'), import('../../formats/compose'), import('../../formats/copilot'), loadOperations(), loadEnglishLater()]).then(([m, compose, copilot]) => {
    formats = { compose, copilot };
    return (mod = m);
  });
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

function formatsLoaded(): NonNullable<typeof formats> {
  if (!formats) throw new Error('the console has not loaded');
  return formats;
}

export const readLine: ConsoleModule['readLine'] = (...a) => loaded().readLine(...a);
export const runLine: ConsoleModule['runLine'] = (...a) => loaded().runLine(...a);
export const resumeStep: ConsoleModule['resumeStep'] = (...a) => loaded().resumeStep(...a);
export const mergeStep: ConsoleModule['mergeStep'] = (...a) => loaded().mergeStep(...a);
export const waitOf: ConsoleModule['waitOf'] = (...a) => loaded().waitOf(...a);
export const filesRead: ConsoleModule['filesRead'] = (...a) => loaded().filesRead(...a);
export const lineAllowed: ConsoleModule['lineAllowed'] = (...a) => loaded().lineAllowed(...a);
export const complete: ConsoleModule['complete'] = (...a) => loaded().complete(...a);
export const parseCompose: typeof Compose.parseCompose = (...a) => formatsLoaded().compose.parseCompose(...a);
export const composeToEcs: typeof Compose.composeToEcs = (...a) => formatsLoaded().compose.composeToEcs(...a);
export const parseManifest: typeof Copilot.parseManifest = (...a) => formatsLoaded().copilot.parseManifest(...a);
