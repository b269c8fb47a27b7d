/**
 * The API models' documentation, which `aws … help`, `--generate-cli-skeleton` and the completion of enum
 * values read (scripts/gen-console-model.ts writes it). It is large, so it is a chunk of its own: the page loads
 * it a few seconds after it is up, not with its first load; in Node the caller awaits loadHelp() first.
 */

export interface ServiceHelp {
  title: string;
  doc: string;
  ops: Record<string, string>;
  /** each structure's members' documentation, by the structure's index in the model's shape table */
  members: Record<string, Record<string, string>>;
  /** enums by where they are: "<structure index>.<member>", "<list index>[]" */
  enums: Record<string, string[]>;
  waiters?: Record<string, string>;
}

export interface HelpData {
  services: Record<string, ServiceHelp>;
}

let loaded: HelpData | undefined;
let pending: Promise<HelpData> | undefined;

/** Loads the documentation (once). */
export function loadHelp(): Promise<HelpData> {
  pending ??= import('./help.generated.json').then((m) => (loaded = (m.default ?? m) as unknown as HelpData));
  return pending;
}

/** The documentation, if it has loaded. */
export function helpData(): HelpData | undefined {
  return loaded;
}

export const HELP_LOADING = "The AWS CLI's documentation is still loading; run the command again in a moment.";

// In the page: fetch it soon after the page is up, so that help is there when a learner asks for it. Elsewhere
// (the runner, tests, the differential test) the caller awaits loadHelp() before it runs commands that need it.
if (typeof window !== 'undefined' && typeof document !== 'undefined') setTimeout(() => void loadHelp(), 3000);
