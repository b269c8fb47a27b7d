import type { CommandResult } from '../types';

/**
 * What the AWS CLI prints when it stops, and its exit status: 252 for a line it cannot read or a request that
 * fails its checks before it is sent, 254 for an error the service returned, 255 for anything else. Each text is
 * the CLI's standard error with its blank lines (the console drops only the last newline, as a terminal shows).
 */

export const USAGE = 'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help';

export const PARAM_VALIDATION_RC = 252;
export const CLIENT_ERROR_RC = 254;
export const GENERAL_ERROR_RC = 255;

/** argparse's error: the usage, then `aws: error: <message>`. */
export const usageError = (message: string, usage = USAGE): CommandResult => ({
  output: `\nusage: ${usage}\n\naws: error: ${message}\n`,
  exitCode: PARAM_VALIDATION_RC,
});

/** Options no parser took. */
export const unknownOptions = (remaining: string[]): CommandResult => ({
  output: `\nusage: ${USAGE}\n\nUnknown options: ${remaining.join(', ')}\n`,
  exitCode: PARAM_VALIDATION_RC,
});

/** A value the CLI cannot read, or a request that fails its checks (ParamError, ParamValidationError). */
export const paramError = (message: string): CommandResult => ({ output: `\n${message}`, exitCode: PARAM_VALIDATION_RC });

/** Any other failure: a Python exception, a waiter that gave up. */
export const generalError = (message: string): CommandResult => ({ output: `\n${message}`, exitCode: GENERAL_ERROR_RC });

/** The service's error. */
export const clientError = (code: string, message: string, operation: string): CommandResult => ({
  output: `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}`,
  exitCode: CLIENT_ERROR_RC,
  error: { code, message },
});
