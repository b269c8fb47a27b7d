import type { ConsoleCommand } from './types';
import { awsCommand } from './commands/aws';
import { simCommand } from './commands/sim';
import { echoCommand, exportCommand, falseCommand, trueCommand, unsetCommand } from './commands/shellBuiltins';
import { copilotCommand } from './commands/copilot';
import { curlCommand } from './commands/curl';
import { dockerCommand } from './commands/docker';
import { helpCommand } from './commands/help';
import { processCommand } from './commands/process';
import { sleepCommand } from './commands/sleep';
import { trafficCommand } from './commands/traffic';
import { translateCommand } from './commands/translate';

/**
 * The console's commands: one entry each, with its usage, help, the editor files it reads, how it lets time
 * pass, how it parses and how it runs. Parsing, help, Tab completion, a lesson's allowed-check and the store
 * all read this table. A new command is a file under commands/ and a line here.
 */
export const COMMANDS: readonly ConsoleCommand[] = [
  awsCommand,
  simCommand,
  copilotCommand,
  dockerCommand,
  curlCommand,
  trafficCommand,
  processCommand,
  translateCommand,
  sleepCommand,
  echoCommand,
  exportCommand,
  unsetCommand,
  trueCommand,
  falseCommand,
  helpCommand(() => COMMANDS),
];

/** The command a line's first word names. */
export function commandNamed(name: string): ConsoleCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
