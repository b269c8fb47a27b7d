import { describe, expect, it } from 'vitest';
import { ArgParseError, invalidChoice, parseKnownArgs, type OptionAction, type PositionalAction } from '../../../../src/content/console/aws/argparse';

// A small table in the shape of an operation's: the messages are what the AWS CLI 2.9.19 (Python 3.11's argparse)
// prints for the same words against `aws ecs list-clusters` / `describe-services` / `update-service`.
const OPTIONS: OptionAction[] = [
  { option: '--cluster', dest: 'cluster', kind: 'store' },
  { option: '--services', dest: 'services', kind: 'store', nargs: '*', required: true },
  { option: '--max-results', dest: 'max_results', kind: 'store', type: 'int' },
  { option: '--max-items', dest: 'max_items', kind: 'store', type: 'int' },
  { option: '--weight', dest: 'weight', kind: 'store', type: 'float' },
  { option: '--force-new-deployment', dest: 'force_new_deployment', kind: 'true' },
  { option: '--no-force-new-deployment', dest: 'force_new_deployment', kind: 'false' },
  { option: '--skeleton', dest: 'skeleton', kind: 'store', nargs: '?', constant: 'input', choices: ['input', 'output', 'yaml-input'] },
];
const HELP: PositionalAction[] = [{ dest: 'help', nargs: '?' }];

const parse = (line: string, options: OptionAction[] = OPTIONS, positionals: PositionalAction[] = HELP) => parseKnownArgs(line.split(' ').filter(Boolean), options, positionals);
const values = (line: string) => Object.fromEntries(parse(line).values);
const refusal = (line: string, options: OptionAction[] = OPTIONS, positionals: PositionalAction[] = HELP): string => {
  try {
    parse(line, options, positionals);
  } catch (e) {
    if (e instanceof ArgParseError) return e.message;
    throw e;
  }
  throw new Error(`parsed: ${line}`);
};

describe('reading options as argparse reads them', () => {
  it('takes options in any order, with the value after them or after =', () => {
    expect(values('--services a --cluster=prod')).toEqual({ services: ['a'], cluster: 'prod' });
    expect(values('--cluster prod --services a')).toEqual({ cluster: 'prod', services: ['a'] });
    // A value may hold an = of its own.
    expect(values('--services a --cluster=a=b')).toMatchObject({ cluster: 'a=b' });
  });

  it("reads a unique prefix as the option it starts, and refuses one that starts several (the CLI's message)", () => {
    expect(values('--serv a --clu prod')).toEqual({ services: ['a'], cluster: 'prod' });
    expect(values('--services a --max-r=3')).toMatchObject({ max_results: 3 });
    expect(refusal('--services a --max 3')).toBe('ambiguous option: --max could match --max-results, --max-items');
    expect(refusal('--services a --max=3')).toBe('ambiguous option: --max=3 could match --max-results, --max-items');
  });

  it('gives a list option every value up to the next option, and an empty list when none follows', () => {
    expect(values('--services a b c --cluster prod')).toEqual({ services: ['a', 'b', 'c'], cluster: 'prod' });
    expect(values('--services --cluster prod')).toEqual({ services: [], cluster: 'prod' });
  });

  it('asks for the one value an option takes when an option or the end of the line comes first', () => {
    expect(refusal('--services a --cluster')).toBe('argument --cluster: expected one argument');
    expect(refusal('--cluster --services a')).toBe('argument --cluster: expected one argument');
    // `--` ends the options: what follows it is a value, but not one an option before it takes.
    expect(refusal('--services a --cluster -- prod')).toBe('argument --cluster: expected one argument');
  });

  it('reads a negative number as a value, not as an option', () => {
    expect(values('--services a --max-items -1')).toMatchObject({ max_items: -1 });
    expect(values('--services a --weight -.5')).toMatchObject({ weight: -0.5 });
  });

  it('sets a flag, unsets it with its --no- twin (the last one wins), and refuses a value given to it with =', () => {
    expect(values('--services a --force-new-deployment')).toMatchObject({ force_new_deployment: true });
    expect(values('--services a --force-new-deployment --no-force-new-deployment')).toMatchObject({ force_new_deployment: false });
    expect(refusal('--services a --force-new-deployment=yes')).toBe("argument --force-new-deployment: ignored explicit argument 'yes'");
    // A flag takes no value: the word after it is left over.
    expect(parse('--services a --force-new-deployment yes').values.get('help')).toBe('yes');
  });

  it("converts int and float values as Python does, and refuses others in argparse's words", () => {
    expect(values('--services a --max-items 1_0 --weight 2')).toMatchObject({ max_items: 10, weight: 2 });
    expect(refusal('--services a --max-items abc')).toBe("argument --max-items: invalid int value: 'abc'");
    expect(refusal('--services a --max-items=1.5')).toBe("argument --max-items: invalid int value: '1.5'");
    expect(refusal('--services a --weight heavy')).toBe("argument --weight: invalid float value: 'heavy'");
  });

  it('gives an optional value its constant when it is absent, and checks a given one against its choices', () => {
    expect(values('--services a --skeleton')).toEqual({ services: ['a'], skeleton: 'input' });
    expect(values('--skeleton output --services a')).toEqual({ skeleton: 'output', services: ['a'] });
    expect(refusal('--skeleton outpt')).toBe(
      [
        'argument --skeleton: Invalid choice, valid choices are:',
        '',
        'input                                    | output                                  ',
        'yaml-input                              ',
        '',
        '',
        "Invalid choice: 'outpt', maybe you meant:",
        '',
        '  * output',
      ].join('\n'),
    );
  });

  it('names every required argument missing, options first, then positionals', () => {
    expect(refusal('--cluster prod')).toBe('the following arguments are required: --services');
    expect(
      refusal(
        '',
        [
          { option: '--a', dest: 'a', kind: 'store', required: true },
          { option: '--b', dest: 'b', kind: 'store', required: true },
        ],
        [{ dest: 'command' }],
      ),
    ).toBe('the following arguments are required: --a, --b, command');
    // A required option given an empty list is still given.
    expect(values('--services')).toEqual({ services: [] });
  });

  it('leaves what no action took, in the order argparse leaves it (the CLI prints them as "Unknown options")', () => {
    // aws ecs list-clusters --foo bar baz → Unknown options: --foo, baz, bar (bar went to the help positional).
    const p = parse('--services a --foo bar baz');
    expect(p.extras).toEqual(['--foo', 'baz']);
    expect(p.values.get('help')).toBe('bar');
    expect(parse('--services a -x').extras).toEqual(['-x']);
  });
});

describe('positionals', () => {
  const COMMAND: PositionalAction[] = [{ dest: 'command', choices: ['ecs', 'ecr', 'help'] }];
  const GLOBALS: OptionAction[] = [
    { option: '--output', dest: 'output', kind: 'store', choices: ['json', 'text'] },
    { option: '--debug', dest: 'debug', kind: 'true' },
  ];

  it('takes the first free word as the command and leaves the rest, options of later parsers included', () => {
    const p = parse('--debug ecs list-clusters --output text --cluster x', GLOBALS, COMMAND);
    expect(Object.fromEntries(p.values)).toEqual({ debug: true, command: 'ecs', output: 'text' });
    expect(p.extras).toEqual(['list-clusters', '--cluster', 'x']);
  });

  it("refuses a command that is not a choice, naming close ones as the CLI's difflib does", () => {
    expect(refusal('ecss', GLOBALS, COMMAND)).toBe(
      ['argument command: Invalid choice, valid choices are:', '', `${'ecs'.padEnd(40)} | ${'ecr'.padEnd(40)}`, 'help'.padEnd(40), '', '', "Invalid choice: 'ecss', maybe you meant:", '', '  * ecs'].join('\n'),
    );
    expect(refusal('--debug', GLOBALS, COMMAND)).toBe('the following arguments are required: command');
  });
});

describe('the Invalid choice message', () => {
  it('lists the choices two to a line and at most three close matches, best first', () => {
    const choices = ['services-stable', 'services-inactive', 'tasks-running', 'tasks-stopped'];
    expect(invalidChoice(choices, 'services-stble')).toBe(
      [
        'Invalid choice, valid choices are:\n',
        `${'services-stable'.padEnd(40)} | ${'services-inactive'.padEnd(40)}`,
        `${'tasks-running'.padEnd(40)} | ${'tasks-stopped'.padEnd(40)}`,
        "\n\nInvalid choice: 'services-stble', maybe you meant:\n",
        '  * services-stable',
      ].join('\n'),
    );
    // Nothing close enough (difflib's cutoff of 0.8): no suggestions.
    expect(invalidChoice(choices, 'zzz')).not.toContain('maybe you meant');
    expect(invalidChoice(['task-a', 'task-b', 'task-c', 'task-d', 'other'], 'task-')).toMatch(/maybe you meant:\n\n {2}\* task-a\n {2}\* task-b\n {2}\* task-c$/);
  });
});
