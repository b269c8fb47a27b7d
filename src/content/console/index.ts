/**
 * The command console: `aws <service> <operation> --options` as the AWS CLI takes them (option names,
 * shorthand and JSON values, lists, `--cli-input-json file://…`), printing the JSON response as the CLI does
 * and its error text; `sim <operation>` for what happens to the world; `docker …`, `curl` and `traffic` on the
 * local Docker host; `copilot …`; `translate` (Compose → ECS task definitions); `sleep <duration>` to let
 * simulated time pass; `help`. Every command is an entry of one table (table.ts); parsing is pure, and running
 * applies a parsed command to a Sim and a session (the editor's files and the Copilot workspace).
 */
export { COMMANDS, commandNamed } from './table';
export { parseCommand, readLine, runLine, resumeStep, mergeStep, runCommand, waitOf, type ConsoleResult, type ReadLine } from './run';
export { complete } from './complete';
export { allowedEntryProblem, lineAllowed } from './lessonGate';
export { filesRead } from './filesRead';
export { newSession } from './session';
export { parseShorthand } from './aws/shorthand';
export { xform } from './aws/model';
export { loadHelp } from './aws/helpData';
export { cliTimestamps } from './output';
export type { CommandResult, ConsoleCommand, ConsoleSession, Continuation, Json, Parsed, TimeUse } from './types';
