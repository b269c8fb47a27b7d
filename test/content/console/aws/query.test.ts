import { describe, expect, it } from 'vitest';
import { compileQuery, runtimeMessage, search } from '../../../../src/content/console/aws/query';

/** The message for an expression the CLI cannot read, or undefined when it reads it. */
const refusal = (expression: string): string | undefined => {
  const q = compileQuery(expression);
  return 'error' in q ? q.error : undefined;
};
/** The message of a query that fails on the data. */
const failure = (expression: string, data: unknown): string => {
  const q = compileQuery(expression);
  if ('error' in q) throw new Error(q.error);
  try {
    q.search(data);
  } catch (e) {
    return runtimeMessage(e);
  }
  throw new Error('no failure');
};

describe('--query', () => {
  it('searches the response with JMESPath', () => {
    const q = compileQuery('services[?desiredCount > `1`].serviceName | sort(@)');
    if ('error' in q) throw new Error(q.error);
    expect(q.expression).toBe('services[?desiredCount > `1`].serviceName | sort(@)');
    expect(
      q.search({
        services: [
          { serviceName: 'web', desiredCount: 3 },
          { serviceName: 'api', desiredCount: 2 },
          { serviceName: 'cron', desiredCount: 1 },
        ],
      }),
    ).toEqual(['api', 'web']);
    expect(search({ a: [{ b: 1 }, { b: 2 }] }, 'a[].b')).toEqual([1, 2]);
  });

  // Each message is what the AWS CLI 2.9.19 prints for `aws ecs list-clusters --query '<expression>'`.
  it('names an incomplete expression, with a caret past its end', () => {
    expect(refusal('clusterArns[')).toBe('Bad value for --query clusterArns[: Invalid jmespath expression: Incomplete expression:\n"clusterArns["\n             ^');
    expect(refusal('[?x==')).toBe('Bad value for --query [?x==: Invalid jmespath expression: Incomplete expression:\n"[?x=="\n      ^');
    expect(refusal('a || ')).toBe('Bad value for --query a || : Invalid jmespath expression: Incomplete expression:\n"a || "\n      ^');
    expect(refusal('a[0')).toBe('Bad value for --query a[0: Invalid jmespath expression: Incomplete expression:\n"a[0"\n    ^');
    expect(refusal('a.[b')).toBe('Bad value for --query a.[b: Invalid jmespath expression: Incomplete expression:\n"a.[b"\n     ^');
  });

  it('names a character JMESPath has no token for, with a caret under it', () => {
    expect(refusal('#')).toBe('Bad value for --query #: Bad jmespath expression: Unknown token #:\n#\n^');
  });

  it("names a token it did not expect by its column and type (the CLI's message begins with the token)", () => {
    expect(refusal('foo]')).toMatch(/: Parse error at column 3, token "\]" \(RBRACKET\), for expression:\n"foo\]"\n {4}\^$/);
  });

  // The CLI prints "Bad value for --query foo]: Unexpected token: ]: Parse error at column 3, …".
  it("begins an unexpected token's message as the CLI does", () => {
    expect(refusal('foo]')).toBe('Bad value for --query foo]: Unexpected token: ]: Parse error at column 3, token "]" (RBRACKET), for expression:\n"foo]"\n    ^');
  });

  // The CLI points at the second word (column 4, "bar"), not at the first token of its type.
  it('points at the second of two words', () => {
    expect(refusal('foo bar')).toBe('Bad value for --query foo bar: Unexpected token: bar: Parse error at column 4, token "bar" (UNQUOTED_IDENTIFIER), for expression:\n"foo bar"\n     ^');
  });

  // Python's jmespath refuses a trailing dot ("Expecting: [...], got: eof"); the JavaScript parser reads it.
  it('refuses an expression that ends with a dot', () => {
    expect(refusal('a.')).toBe("Bad value for --query a.: Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: Parse error at column 2, token \"\" (EOF), for expression:\n\"a.\"\n   ^");
    expect(refusal('[a.]')).toBe("Bad value for --query [a.]: Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: rbracket: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"[a.]\"\n    ^");
    expect(refusal('a..b')).toMatch(/got: dot: Parse error at column 2, token "\." \(DOT\)/);
    expect(refusal('a.*')).toBeUndefined();
    // A mistake before the dot is the one named.
    expect(refusal('a] .')).toMatch(/^Bad value for --query a\] \.: Unexpected token: \]: Parse error at column 1,/);
  });

  it("words the parser's other refusals as Python's jmespath does", () => {
    expect(refusal(']')).toBe('Bad value for --query ]: invalid token: Parse error at column 0, token "]" (RBRACKET), for expression:\n"]"\n ^');
    expect(refusal('a[0 1]')).toBe('Bad value for --query a[0 1]: Expecting: rbracket, got: number: Parse error at column 4, token "1" (NUMBER), for expression:\n"a[0 1]"\n     ^');
    expect(refusal('{a b}')).toMatch(/^Bad value for --query \{a b\}: Expecting: colon, got: unquoted_identifier: Parse error at column 3, token "b"/);
    expect(refusal('a.(')).toMatch(/got: lparen: Parse error at column 2, token "\(" \(LPAREN\)/);
  });
});

describe('a query that fails on the data', () => {
  it("says so in Python jmespath's words", () => {
    expect(failure('length(@)', null)).toBe(`In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: "null"`);
    expect(runtimeMessage(new Error('something else'))).toBe('something else');
    expect(runtimeMessage('plain')).toBe('plain');
  });

  // Python prints the value itself ("value: x"); the sandbox prints the value's type in its place.
  it.fails("names the value a function was given, as Python's jmespath does", () => {
    expect(failure('abs(@)', 'x')).toBe(`In function abs(), invalid type for value: x, expected one of: ['number'], received: "string"`);
  });
});
