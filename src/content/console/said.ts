import { DEFAULT_LOCALE, translate, type Locale, type MessageKey, type Params } from '../../i18n';
import type { CommandResult } from './types';
import type { Piece, Said } from './saidTypes';

export type { Piece, Said } from './saidTypes';

/** A message of the console's own (at `key`, in English in `output`), as a command's result. */
export function say(key: MessageKey, params?: Params, exitCode = 0): CommandResult {
  const said: Said = { key, ...(params ? { params } : {}) };
  return { output: translate(DEFAULT_LOCALE, key, params), exitCode, pieces: [said] };
}

/** A result's output as pieces: its own, or its text as one piece. */
export function piecesOf(r: { output: string; pieces?: Piece[] }): Piece[] {
  return r.pieces ?? (r.output === '' ? [] : [r.output]);
}

/**
 * Two outputs one after the other, as the console prints them (a line apart, an empty one left out):
 * the joined text, and the joined pieces when either has words of the console's own.
 */
export function joinOutputs(a: { output: string; pieces?: Piece[] }, b: { output: string; pieces?: Piece[] }): { output: string; pieces?: Piece[] } {
  const output = [a.output, b.output].filter((x) => x !== '').join('\n');
  if (!a.pieces && !b.pieces) return { output };
  return { output, pieces: [...piecesOf(a), ...piecesOf(b)] };
}

/**
 * A command's output in a language: its pieces with the console's own words translated (by `say`, when the
 * page translates values of its own too), else its text.
 */
export function renderOutput(r: { output: string; pieces?: Piece[] }, locale: Locale, say: (s: Said) => string = (s) => translate(locale, s.key, s.params)): string {
  if (!r.pieces) return r.output;
  return r.pieces.map((p) => (typeof p === 'string' ? p : say(p))).join('\n');
}
