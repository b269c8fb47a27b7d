import * as jmespath from 'jmespath';

/**
 * `--query` with JMESPath (the maintained jmespath package, the same language the CLI's Python jmespath reads),
 * and the CLI's messages for an expression it cannot read ("Bad value for --query [: Invalid jmespath
 * expression: Incomplete expression: …").
 */

export interface Query {
  expression: string;
  search(data: unknown): unknown;
}

const snake = (t: string) => t.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/** Python jmespath's words for a parse error, from what the JavaScript parser reports. */
function pythonMessage(expression: string, e: Error): string {
  const message = e.message;
  if (/EOF/.test(message)) return `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(expression.length + 1)}^`;
  const unknown = /^Unknown character:(.*)$/s.exec(message);
  if (unknown) {
    const at = Math.max(0, expression.indexOf(unknown[1]!));
    return `Bad jmespath expression: Unknown token ${unknown[1]!}:\n${expression}\n${' '.repeat(at)}^`;
  }
  const token = /type: (\w+), value: (.*)$/.exec(message) ?? /Invalid token \((\w+)\): "(.*)"$/.exec(message) ?? /got: (\w+)$/.exec(message);
  const tokens = (() => {
    try {
      return jmespath.tokenize(expression);
    } catch {
      return [];
    }
  })();
  const t = token ? tokens.find((x) => x.type === token[1]) : undefined;
  if (!t) return `Invalid jmespath expression: ${message}`;
  return `Invalid jmespath expression: Parse error at column ${t.start}, token "${String(t.value)}" (${snake(t.type)}), for expression:\n"${expression}"\n${' '.repeat(t.start + 1)}^`;
}

/** Reads an expression; a message in the CLI's words when it cannot. */
export function compileQuery(expression: string): Query | { error: string } {
  try {
    jmespath.compile(expression);
  } catch (e) {
    return { error: `Bad value for --query ${expression}: ${pythonMessage(expression, e as Error)}` };
  }
  return { expression, search: (data) => jmespath.search(data, expression) };
}

/** A JMESPath search that a waiter's acceptor or a paginator's result key runs (expressions of the model). */
export function search(data: unknown, expression: string): unknown {
  return jmespath.search(data, expression);
}

/**
 * A query that fails on the data (a function given the wrong type), in Python jmespath's words: "In function
 * length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: \"null\"".
 */
export function runtimeMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^TypeError: (\w+)\(\) expected argument \d+ to be type (.+) but received type (\w+) instead\.$/.exec(message);
  if (!m) return message;
  const expected = m[2]!
    .split(',')
    .map((t) => `'${t === 'expref' ? 'expref' : t}'`)
    .join(', ');
  return `In function ${m[1]!}(), invalid type for value: ${m[3] === 'null' ? 'None' : m[3]!}, expected one of: [${expected}], received: "${m[3]!}"`;
}
