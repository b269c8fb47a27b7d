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
const pyType = (t: string) => snake(t).toLowerCase();

interface Token {
  type: string;
  value: unknown;
  start: number;
}

/** What Python's parser takes after a dot (its _parse_dot_rhs; a star too, which it does not name). */
const DOT_RHS = ['QuotedIdentifier', 'UnquotedIdentifier', 'Star', 'Lbracket', 'Lbrace'];
const DOT_EXPECTED = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";

const incomplete = (expression: string) => `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(expression.length + 1)}^`;
const parseError = (expression: string, t: Token, reason: string) => `${reason}: Parse error at column ${t.start}, token "${String(t.value)}" (${snake(t.type)}), for expression:\n"${expression}"\n${' '.repeat(t.start + 1)}^`;

/** Whether the text could begin an expression: it reads, or it only ends too soon. */
function viable(prefix: string): boolean {
  try {
    jmespath.compile(prefix);
    return true;
  } catch (e) {
    return /EOF/.test((e as Error).message);
  }
}

function tokensOf(expression: string): Token[] | undefined {
  try {
    return [...(jmespath.tokenize(expression) as Token[]), { type: 'EOF', value: '', start: expression.length }];
  } catch {
    return undefined;
  }
}

/** Python refuses a dot followed by anything but a name, a multi-select or a star (the JavaScript parser reads `a.`). */
function badDot(expression: string, tokens: Token[]): string | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const next = tokens[i + 1]!;
    if (tokens[i]!.type !== 'Dot' || DOT_RHS.includes(next.type)) continue;
    // Only if nothing before it was already wrong (Python reads left to right).
    if (!viable(expression.slice(0, tokens[i]!.start))) return undefined;
    return parseError(expression, next, `Expecting: ${DOT_EXPECTED}, got: ${pyType(next.type)}`);
  }
  return undefined;
}

/** The token the parser stopped at: of the type (and value) it names, the first that ends the longest text that could begin an expression. */
function stoppedAt(expression: string, tokens: Token[], type: string, value?: string): Token | undefined {
  const ofType = tokens.filter((t) => t.type === type);
  const named = value === undefined ? ofType : ofType.filter((t) => String(t.value) === value);
  const candidates = named.length ? named : ofType;
  const through = (t: Token) => expression.slice(0, tokens[tokens.indexOf(t) + 1]?.start ?? expression.length);
  return candidates.find((t) => viable(expression.slice(0, t.start)) && !viable(through(t))) ?? candidates[0];
}

/** Python jmespath's words for a parse error, from what the JavaScript parser reports. */
function pythonMessage(expression: string, e: Error, tokens: Token[] | undefined): string {
  const message = e.message;
  if (/EOF/.test(message)) return incomplete(expression);
  const unknown = /^Unknown character:(.*)$/s.exec(message);
  if (unknown) {
    const at = Math.max(0, expression.indexOf(unknown[1]!));
    return `Bad jmespath expression: Unknown token ${unknown[1]!}:\n${expression}\n${' '.repeat(at)}^`;
  }
  if (!tokens) return `Invalid jmespath expression: ${message}`;
  // After a whole expression, a token left over (Python: "Unexpected token: bar").
  const left = /^Unexpected token type: (\w+), value: (.*)$/s.exec(message);
  // A token no expression begins with (Python: "invalid token").
  const invalid = /^Invalid token \((\w+)\): "(.*)"$/s.exec(message);
  // A token other than the one the grammar needs there.
  const expected = /^Expected (\w+), got: (\w+)$/.exec(message);
  let t: Token | undefined;
  let reason = '';
  if (left) [t, reason] = [stoppedAt(expression, tokens, left[1]!, left[2]!), `Unexpected token: ${left[2]!}`];
  else if (invalid) [t, reason] = [stoppedAt(expression, tokens, invalid[1]!, invalid[2]!), 'invalid token'];
  else if (expected) [t, reason] = [stoppedAt(expression, tokens, expected[2]!), `Expecting: ${pyType(expected[1]!)}, got: ${pyType(expected[2]!)}`];
  if (!t) return `Invalid jmespath expression: ${message}`;
  return parseError(expression, t, reason);
}

/** Reads an expression; a message in the CLI's words when it cannot. */
export function compileQuery(expression: string): Query | { error: string } {
  let failure: Error | undefined;
  try {
    jmespath.compile(expression);
  } catch (e) {
    failure = e as Error;
  }
  const tokens = tokensOf(expression);
  const dot = tokens && badDot(expression, tokens);
  if (dot) return { error: `Bad value for --query ${expression}: ${dot}` };
  if (failure) return { error: `Bad value for --query ${expression}: ${pythonMessage(expression, failure, tokens)}` };
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
