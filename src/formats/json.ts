import { problemAt, said, type Problem } from './problem';

/** JSON text with errors that name the file, line and column, as an editor marker needs them. */

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Parses JSON; on failure returns the problem with its line and column. */
export function parseJson(text: string, file: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const m = /at position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : m ? lineColumn(text, Number(m[1])) : { line: 1, column: 1 };
    // The detail is the platform's words (V8's, Firefox's), kept as they are in every language.
    const detail = msg.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return { problem: problemAt(file, where, '', said('problem.json.syntax', { detail })) };
  }
}
