import { RE2JS } from 're2js';

/**
 * The `matches` matcher's regular expressions run on RE2JS, a port of RE2: matching takes time linear in the
 * text whatever the pattern, so `^(a+)+$` against a long name answers at once instead of backtracking for
 * minutes. RE2 syntax is JavaScript's without backreferences and lookaround; a pattern that uses them is
 * refused when the file is read (patternProblem), and at run time it matches nothing.
 */
const cache = new Map<string, RE2JS | string>();
const CACHE_LIMIT = 512;

function compiled(source: string): RE2JS | string {
  let c = cache.get(source);
  if (c !== undefined) return c;
  try {
    c = RE2JS.compile(source);
  } catch (e) {
    c = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(source, c);
  return c;
}

/** Why a pattern cannot be used (its syntax, or a feature RE2 leaves out), or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  const c = compiled(source);
  return typeof c === 'string' ? `'${source}' is not a regular expression this sandbox runs (RE2 syntax, no backreferences or lookaround): ${c}` : undefined;
}

/** Whether the pattern matches somewhere in the text (as RegExp.prototype.test does); false for a pattern that cannot be used. */
export function patternTest(source: string, text: string): boolean {
  const c = compiled(source);
  return typeof c !== 'string' && c.matcher(text).find();
}
