import { completeAws } from '../aws/complete';
import { resumeAws, runAws } from '../aws/cli';
import { SERVICE_NAMES } from '../aws/model';
import type { ConsoleCommand } from '../types';
import { parsed } from '../types';

/** Every `file://name` the words name: the editor files a request reads. */
export const fileRefs = (words: string[]) => words.flatMap((w) => [...w.matchAll(/fileb?:\/\/(\S+)/g)].map((m) => m[1]!));

/**
 * The AWS CLI v2 on the simulated account: its global options, parsers, checks, waiters, paginators, output
 * formats and help, as aws/ models them. The line is read when it runs (it depends on the shell's variables).
 */
export const awsCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'aws',
  usage: ['aws [options] <service> <operation> [parameters]', 'aws <service> wait <waiter> [parameters]', 'aws help | aws <service> help | aws <service> <operation> help'],
  help: `Sends a request to the simulated account as the AWS CLI v2 does: option names in kebab case, shorthand (name=web,memory=256) or JSON values, file://<editor file>, the global options (--query, --output json|text|table|yaml, --region, --no-paginate, --max-items, …), waiters (aws ecs wait services-stable) and the CLI's output and error text. Services: ${SERVICE_NAMES.join(', ')}.`,
  time: 'steps',
  reads: (words) => fileRefs(words),
  complete: completeAws,
  parse: (words) => parsed({ words }),
  run: ({ words }, ctx) => runAws(words, ctx),
  resume: (step, state, ctx) => resumeAws(step, state, ctx),
};
