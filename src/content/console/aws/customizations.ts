import type { CallRecord } from '../../calls';
import type { CommandResult, RunContext } from '../types';
import { generalError, unknownOptions } from './errors';
import { caller, failed, type Globals, type Target } from './call';

/**
 * Commands of the AWS CLI v2 that are not operations of the service's API (awscli's customizations): the
 * operation each sends and what it prints of the response instead of the response.
 */
interface Customization {
  operation: string;
  print: (output: Record<string, unknown>) => string;
}

const CUSTOMIZATIONS: Record<string, Record<string, Customization>> = {
  ecr: {
    // GetAuthorizationToken, printing the password of its token (the token is base64 of AWS:<password>).
    'get-login-password': {
      operation: 'GetAuthorizationToken',
      print: (o) => {
        const token = (o.authorizationData as { authorizationToken?: string }[] | undefined)?.[0]?.authorizationToken ?? '';
        return atob(token).replace(/^AWS:/, '');
      },
    },
  },
};

/** A service's customizations by their CLI names, in the order the CLI lists them after the operations. */
export const customizationsOf = (service: string): string[] => Object.keys(Object.hasOwn(CUSTOMIZATIONS, service) ? CUSTOMIZATIONS[service]! : {});

export const isCustomization = (service: string, command: string): boolean => customizationsOf(service).includes(command);

/** Runs a customization: it takes no parameters of its own, sends its operation, and prints what it takes of the response. */
export function runCustomization(t: Omit<Target, 'operation'>, command: string, words: string[], g: Globals, ctx: RunContext): CommandResult {
  if (words.length) return unknownOptions(words);
  const c = CUSTOMIZATIONS[t.service]![command]!;
  const calls: CallRecord[] = [];
  const debug: string[] = [];
  const r = caller({ ...t, operation: c.operation }, g, ctx, calls, debug)({});
  const head = [...g.notes, ...debug];
  const result: CommandResult = 'error' in r ? failed(r.error, c.operation) : printed(c, r.output);
  return { ...result, output: [...head, result.output].filter((x) => x !== '').join('\n'), ...(calls.length ? { calls } : {}), ...('output' in r ? { response: r.output } : {}) };
}

function printed(c: Customization, output: Record<string, unknown>): CommandResult {
  try {
    return { output: c.print(output), exitCode: 0 };
  } catch (e) {
    return generalError(e instanceof Error ? e.message : String(e));
  }
}
