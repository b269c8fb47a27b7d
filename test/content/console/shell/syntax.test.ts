import { describe, expect, it } from 'vitest';
import { ShellSyntaxError, literal, parseScript, type SimpleCommand } from '../../../../src/content/console/shell/syntax';

/** The one simple command of a one-command line. */
function only(line: string): SimpleCommand {
  const s = parseScript(line);
  expect(s).toHaveLength(1);
  expect(s[0]!.rest).toEqual([]);
  expect(s[0]!.first.commands).toHaveLength(1);
  return s[0]!.first.commands[0]!;
}

/** The message parseScript refuses a line with. */
function refusal(line: string): string {
  try {
    parseScript(line);
  } catch (e) {
    expect(e).toBeInstanceOf(ShellSyntaxError);
    return (e as Error).message;
  }
  throw new Error(`${line} was read`);
}

describe('words', () => {
  it('keeps unquoted text as literal parts, quoted text as parts no expansion touches', () => {
    expect(only(`a 'b $X' c\\ d`).words).toEqual([
      [{ t: 'lit', v: 'a' }],
      [{ t: 'q', v: 'b $X' }],
      [
        { t: 'lit', v: 'c' },
        { t: 'q', v: ' ' },
        { t: 'lit', v: 'd' },
      ],
    ]);
  });

  it('reads double quotes into their literal text and the expansions inside them', () => {
    expect(only('echo "a $X b"').words[1]).toEqual([
      {
        t: 'dq',
        parts: [
          { t: 'q', v: 'a ' },
          { t: 'var', name: 'X' },
          { t: 'q', v: ' b' },
        ],
      },
    ]);
    // Inside double quotes a backslash escapes only $ ` " \ and a newline; before anything else it stays.
    expect(only('echo "a\\$b\\`c\\"d\\\\e\\x"').words[1]).toEqual([{ t: 'dq', parts: [{ t: 'q', v: 'a$b`c"d\\e\\x' }] }]);
    expect(only('echo ""').words[1]).toEqual([{ t: 'dq', parts: [] }]);
  });

  it('reads $NAME, ${NAME}, the special parameters and ${#NAME}', () => {
    expect(only('echo $HOME ${HOME}x $? $$ $0 ${#HOME}').words.slice(1)).toEqual([
      [{ t: 'var', name: 'HOME' }],
      [
        { t: 'var', name: 'HOME' },
        { t: 'lit', v: 'x' },
      ],
      [{ t: 'var', name: '?' }],
      [{ t: 'var', name: '$' }],
      [{ t: 'var', name: '0' }],
      [{ t: 'var', name: 'HOME', op: '#' }],
    ]);
  });

  it('reads a positional parameter as bash does: one digit after $, any number of them inside ${…}', () => {
    expect(only('echo $1 $12 ${12}').words.slice(1)).toEqual([
      [{ t: 'var', name: '1' }],
      [
        { t: 'var', name: '1' },
        { t: 'lit', v: '2' },
      ],
      [{ t: 'var', name: '12' }],
    ]);
  });

  it('keeps the operator of ${NAME:-word} and its word, which may hold expansions of its own', () => {
    expect(only('echo ${X:-a $Y}').words[1]).toEqual([
      {
        t: 'var',
        name: 'X',
        op: ':-',
        arg: [
          { t: 'lit', v: 'a ' },
          { t: 'var', name: 'Y' },
        ],
      },
    ]);
    for (const op of [':-', ':=', ':+', ':?', '-', '=', '+', '?']) expect(only(`echo \${X${op}d}`).words[1]).toEqual([{ t: 'var', name: 'X', op, arg: [{ t: 'lit', v: 'd' }] }]);
  });

  it('reads a $ that starts no expansion as text', () => {
    expect(only('echo a$ "b$"').words.slice(1)).toEqual([
      [
        { t: 'lit', v: 'a' },
        { t: 'lit', v: '$' },
      ],
      [
        {
          t: 'dq',
          parts: [
            { t: 'q', v: 'b' },
            { t: 'q', v: '$' },
          ],
        },
      ],
    ]);
  });

  it('parses $(…) and backticks into the script they run, quotes inside them included', () => {
    const [sub] = only(`echo $(aws ecs list-clusters --query 'x)' "y)")`).words[1]!;
    expect(sub).toMatchObject({ t: 'sub', source: `aws ecs list-clusters --query 'x)' "y)"` });
    expect(sub!.t === 'sub' && sub!.script[0]!.first.commands[0]!.words.map((w) => literal(w) ?? w[0]!.t)).toEqual(['aws', 'ecs', 'list-clusters', '--query', 'q', 'dq']);
    expect(only('echo `date`').words[1]).toEqual([{ t: 'sub', source: 'date', script: parseScript('date') }]);
    expect(only('echo "`date`"').words[1]).toEqual([{ t: 'dq', parts: [{ t: 'sub', source: 'date', script: parseScript('date') }] }]);
    expect(only('echo $(echo $(echo x))').words[1]![0]).toMatchObject({ t: 'sub', source: 'echo $(echo x)' });
  });

  it('joins a word continued with a backslash-newline', () => {
    expect(only('echo ab\\\ncd').words[1]).toEqual([{ t: 'lit', v: 'abcd' }]);
  });

  it('gives a word of one literal part as its text, and any other as undefined', () => {
    expect(literal([{ t: 'lit', v: 'x' }])).toBe('x');
    expect(literal([{ t: 'q', v: 'x' }])).toBeUndefined();
    expect(
      literal([
        { t: 'lit', v: 'x' },
        { t: 'var', name: 'Y' },
      ]),
    ).toBeUndefined();
  });
});

describe('assignments and redirections', () => {
  it('reads NAME=value before the command as assignments, and after its name as words', () => {
    const c = only('A=1 B="x $Y" C= cmd D=2');
    expect(c.assigns).toEqual([
      { name: 'A', value: [{ t: 'lit', v: '1' }] },
      {
        name: 'B',
        value: [
          {
            t: 'dq',
            parts: [
              { t: 'q', v: 'x ' },
              { t: 'var', name: 'Y' },
            ],
          },
        ],
      },
      { name: 'C', value: [] },
    ]);
    expect(c.words).toEqual([[{ t: 'lit', v: 'cmd' }], [{ t: 'lit', v: 'D=2' }]]);
    expect(only('X=$Y')).toEqual({ assigns: [{ name: 'X', value: [{ t: 'var', name: 'Y' }] }], words: [], redirects: [] });
    // A name that cannot be a variable's is a command word.
    expect(only('1X=a').words).toEqual([[{ t: 'lit', v: '1X=a' }]]);
  });

  it('reads >, >>, 2> and 2>&1 with their targets, wherever they stand in the command', () => {
    expect(only('a > f 2>&1 b >> g 2> h').redirects).toEqual([
      { fd: 1, op: '>', target: [{ t: 'lit', v: 'f' }] },
      { fd: 2, op: '>&', target: [{ t: 'lit', v: '1' }] },
      { fd: 1, op: '>>', target: [{ t: 'lit', v: 'g' }] },
      { fd: 2, op: '>', target: [{ t: 'lit', v: 'h' }] },
    ]);
    expect(only('a > f 2>&1 b >> g 2> h').words).toEqual([[{ t: 'lit', v: 'a' }], [{ t: 'lit', v: 'b' }]]);
    expect(only('echo x 1>out').redirects).toEqual([{ fd: 1, op: '>', target: [{ t: 'lit', v: 'out' }] }]);
    // Only a lone 1 or 2 names a descriptor: 12>f is the word 12 sent to f.
    expect(only('echo 12>f')).toMatchObject({ words: [[{ t: 'lit', v: 'echo' }], [{ t: 'lit', v: '12' }]], redirects: [{ fd: 1, op: '>' }] });
  });
});

describe('lists and pipelines', () => {
  it('reads ;, newlines, && and || into lists of pipelines', () => {
    const s = parseScript('a && b || c; d\ne');
    expect(s).toHaveLength(3);
    expect(s[0]!.rest.map((r) => [r.op, literal(r.pipeline.commands[0]!.words[0]!)])).toEqual([
      ['&&', 'b'],
      ['||', 'c'],
    ]);
    expect(s.slice(1).map((l) => literal(l.first.commands[0]!.words[0]!))).toEqual(['d', 'e']);
  });

  it('lets && and || continue on the next line, and reads Windows line ends as newlines', () => {
    expect(parseScript('a ||\n\n b')[0]!.rest).toHaveLength(1);
    expect(parseScript('a\r\nb\rc')).toHaveLength(3);
  });

  it('reads a | b | c as one pipeline, and ! before it as its negation', () => {
    const p = parseScript('! a | b | c')[0]!.first;
    expect(p.negate).toBe(true);
    expect(p.commands.map((c) => literal(c.words[0]!))).toEqual(['a', 'b', 'c']);
    // !a is a word, not a negation.
    expect(parseScript('!a')[0]!.first).toEqual({ negate: false, commands: [{ assigns: [], words: [[{ t: 'lit', v: '!a' }]], redirects: [] }] });
  });

  it('leaves out blank lines and comments, and reads an empty line as no lists', () => {
    expect(parseScript('')).toEqual([]);
    expect(parseScript('  # only a comment\n\n')).toEqual([]);
    expect(only('echo a # b c').words).toHaveLength(2);
    expect(only("echo 'a # b'").words[1]).toEqual([{ t: 'q', v: 'a # b' }]);
  });
});

describe('what it refuses', () => {
  it("refuses unclosed quotes, braces and substitutions in bash's words", () => {
    expect(refusal('echo "open')).toBe('unexpected EOF while looking for matching `"\'');
    expect(refusal("echo 'open")).toBe("unexpected EOF while looking for matching `''");
    expect(refusal('echo $(echo a')).toBe("unexpected EOF while looking for matching `)'");
    expect(refusal('echo `echo a')).toBe("unexpected EOF while looking for matching ``'");
    expect(refusal('echo ${X:-a')).toBe("unexpected EOF while looking for matching `}'");
  });

  it('refuses a substitution it cannot read', () => {
    for (const line of ['echo ${}', 'echo ${X', 'echo ${X%y}', 'echo ${#X:-a}']) expect(refusal(line), line).toBe('${…}: bad substitution');
  });

  it('names the token a list cannot start or end with', () => {
    expect(refusal('&& b')).toBe("syntax error near unexpected token `&&'");
    expect(refusal(';; b')).toBe("syntax error near unexpected token `;;'");
    expect(refusal('a; ; b')).toBe("syntax error near unexpected token `;'");
    expect(refusal('a )')).toBe("syntax error near unexpected token `)'");
    expect(refusal('a |')).toBe("syntax error near unexpected token `newline'");
    expect(refusal('a && ')).toBe("syntax error near unexpected token `newline'");
    expect(refusal('a >')).toBe("syntax error near unexpected token `newline'");
  });

  it('names the token found where a command of a pipeline or a list should be, as bash does', () => {
    expect(refusal('a ||| b')).toBe("syntax error near unexpected token `|'");
    expect(refusal('a |||| b')).toBe("syntax error near unexpected token `||'");
    expect(refusal('a | | b')).toBe("syntax error near unexpected token `|'");
    expect(refusal('a | && b')).toBe("syntax error near unexpected token `&&'");
    expect(refusal('a && ; b')).toBe("syntax error near unexpected token `;'");
    expect(refusal('a | ) b')).toBe("syntax error near unexpected token `)'");
    expect(refusal('a ;; b')).toBe("syntax error near unexpected token `;;'");
  });

  it('says which parts of bash the console does not do', () => {
    expect(refusal('echo $((1+2))')).toBe('arithmetic expansion $((…)) is not supported in the console');
    expect(refusal('sleep 1 &')).toBe('background jobs (&) are not supported in the console');
    expect(refusal('a & b')).toBe('background jobs (&) are not supported in the console');
    expect(refusal('(cd x)')).toBe('subshells ( … ) are not supported in the console');
    expect(refusal('cat < f')).toBe('input redirection (<) is not supported in the console');
  });
});
