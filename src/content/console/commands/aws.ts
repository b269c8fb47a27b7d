import type { CallRecord } from '../../calls';
import { CLI_CUSTOMIZATIONS, SERVICES, ecsOptions, namespaceOf, operationsOf, parseAws, type AwsArgs } from '../awsArgs';
import { cliError, cliJson } from '../output';
import type { CommandResult, ConsoleCommand, RunContext } from '../types';

/** Every `file://name` the words name: the editor files a request reads. */
const fileRefs = (words: string[]) => words.flatMap((w) => [...w.matchAll(/file:\/\/(\S+)/g)].map((m) => m[1]!));

/** Sends the request; prints the response, or the error, as the AWS CLI v2 does. */
function send(p: AwsArgs, { sim }: RunContext): CommandResult {
  const r = sim.call(p.call, p.input);
  sim.runUntil(sim.now);
  const calls: CallRecord[] = [{ at: sim.now / 1000, call: p.call, input: p.input, ...(r.error ? { error: r.error } : { output: r.output }) }];
  // Client-side validation fails before a request is sent: the CLI prints it without "An error occurred" and exits 252.
  if (r.error?.code === 'ParamValidationError') return { output: `\n${r.error.message}`, exitCode: 252, error: r.error, calls };
  if (r.error) return { output: cliError(r.error, p.operation), exitCode: 254, error: r.error, calls };
  // A CLI customization (`aws ecr get-login-password`) prints what it takes from the response, not the JSON.
  const printed = p.prints ? CLI_CUSTOMIZATIONS[p.prints]!.print(r.output) : cliJson(r.output);
  return { output: printed, exitCode: 0, response: r.output, calls };
}

export const awsCommand: ConsoleCommand<AwsArgs> = {
  name: 'aws',
  usage: ['aws <service> <operation> [--option value ...]', 'aws <service> <operation> --cli-input-json file://<editor file>'],
  help: `Sends a request to the simulated account as the AWS CLI v2 does: option names in kebab case, shorthand (name=web,memory=256) or JSON values, and the CLI's JSON output and error text. Services: ${Object.keys(SERVICES).filter((s) => s !== 'sim').join(', ')}.`,
  time: 'none',
  reads: (words) => fileRefs(words),
  complete: (before, word) => {
    if (before.length === 0) return Object.keys(SERVICES).filter((s) => s !== 'sim');
    if (before.length === 1) {
      const ns = namespaceOf(before[0]!);
      return ns ? operationsOf(ns) : [];
    }
    return word.startsWith('-') && before[0] === 'ecs' ? ecsOptions(before[1]!).filter((o) => !before.includes(o)) : [];
  },
  parse: (words, ctx) => parseAws(words, ctx.files, false),
  run: send,
};

export const simCommand: ConsoleCommand<AwsArgs> = {
  name: 'sim',
  usage: ['sim <operation> [--option value ...]'],
  help: 'Makes something happen to the world that no AWS API does: launch or terminate instances, disconnect an agent, fail a zone, set traffic, interrupt Spot, resolve a name in Cloud Map. Options are the operation\'s members in kebab case.',
  time: 'none',
  reads: (words) => fileRefs(words),
  complete: (before) => (before.length === 0 ? operationsOf('sim') : []),
  parse: (words, ctx) => parseAws(words, ctx.files, true),
  run: send,
};
