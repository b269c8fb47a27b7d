import { describe, expect, it } from 'vitest';
import { newFloats } from '../../../../src/content/console/aws/shapeOutput';
import { yamlText } from '../../../../src/content/console/aws/yamlOut';
import { DESCRIBE_CLUSTERS, shapedEcs } from '../../../support/awsConsoleResponses';

// Each text is what the AWS CLI 2.9.19's own yaml formatter (ruamel.yaml) prints for the same data.
describe('the yaml format', () => {
  it("prints yaml as the CLI does (ruamel's safe dumper): keys sorted, times quoted, long strings folded", () => {
    const { data, floats } = shapedEcs('DescribeClusters', DESCRIBE_CLUSTERS);
    expect(yamlText(data, floats)).toBe(`clusters:
- activeServicesCount: 0
  capacityProviders: []
  clusterArn: arn:aws:ecs:us-east-1:123456789012:cluster/demo
  clusterName: demo
  defaultCapacityProviderStrategy: []
  pendingTasksCount: 0
  registeredContainerInstancesCount: 0
  runningTasksCount: 0
  settings:
  - name: containerInsights
    value: disabled
  statistics: []
  status: ACTIVE
  tags: []
failures: []`);
    // What ruamel.yaml 0.17 writes for these (as the CLI's YAMLDumper is set up).
    expect(
      yamlText({
        b: [{ x: 1, s: 'true' }, { y: '2025-01-01T00:00:00+00:00' }],
        a: 'hello world '.repeat(10),
        c: '',
        h: 'yes',
        i: '123',
        j: 'a: b',
        k: '-x',
        l: 'line1\nline2',
        q: "it's",
        r: '#x',
        s: 'x #y',
        t: '0x10',
        z: [[1, 2], []],
        ao: 'Null',
        as: '2025-01-01',
        at: '12:30',
      }),
    ).toBe(`a: 'hello world hello world hello world hello world hello world hello world hello
  world hello world hello world hello world '
ao: 'Null'
as: '2025-01-01'
at: 12:30
b:
- s: 'true'
  x: 1
- y: '2025-01-01T00:00:00+00:00'
c: ''
h: yes
i: '123'
j: 'a: b'
k: -x
l: 'line1

  line2'
q: it's
r: '#x'
s: 'x #y'
t: '0x10'
z:
- - 1
  - 2
- []`);
  });

  it('prints a response that is a scalar as JSON', () => {
    expect(yamlText('demo')).toBe('"demo"');
    expect(yamlText(3)).toBe('3');
    expect(yamlText(null)).toBe('null');
  });

  it("writes empty collections inline and nested sequences at their key's indentation", () => {
    expect(yamlText({ services: [{ serviceName: 'web', deployments: [{ id: 'd1', rolloutState: 'COMPLETED' }], tags: [], config: {} }], nextToken: null })).toBe(`nextToken: null
services:
- config: {}
  deployments:
  - id: d1
    rolloutState: COMPLETED
  serviceName: web
  tags: []`);
    expect(yamlText([[], {}, [1, [2, 3]], { a: [{ b: 1 }] }])).toBe(`- []
- {}
- - 1
  - - 2
    - 3
- a:
  - b: 1`);
    expect(yamlText({})).toBe('{}');
    expect(yamlText([])).toBe('[]');
  });

  it('quotes keys as it quotes values', () => {
    expect(yamlText({ '123': 1, 'a b': 2, true: 3, '': 4, 'x:y': 5, '-': 6 })).toBe(`'': 4
'-': 6
'123': 1
a b: 2
'true': 3
x:y: 5`);
  });

  it('folds long strings at a space past column 80, continuing at the indentation of their key', () => {
    const words = Array(19).fill('word').join(' ');
    expect(yamlText({ list: [{ description: words }], nested: { deeper: { text: words } } })).toBe(`list:
- description: word word word word word word word word word word word word word word
    word word word word word
nested:
  deeper:
    text: word word word word word word word word word word word word word word word
      word word word word`);
    expect(yamlText({ k: 'multi\nline\ntext', lst: ['one\ntwo'], sp: 'a  b', longword: `${'x'.repeat(97)} yyy` })).toBe(`k: 'multi

  line

  text'
longword: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
  yyy
lst:
- 'one

  two'
sp: a  b`);
  });

  it('quotes what YAML would read as another type, or as syntax', () => {
    const strings = [
      'null',
      '~',
      'on',
      '1e3',
      '.5',
      '0o17',
      ' lead',
      'trail ',
      '- x',
      '? x',
      '@x',
      '`x',
      'a:b',
      'a: b',
      'key #',
      '---x',
      '1.5',
      '+1',
      '0b101',
      '1_000',
      'NaN',
      '.nan',
      'yes',
      '2025-01-01 10:00:00',
      '*ref',
      '!tag',
      '%x',
      '|',
      'a,b',
      '[x',
      'x]',
      '=',
      '<<',
    ];
    expect(yamlText({ s: strings }).split('\n').slice(1)).toEqual(
      [
        "'null'",
        "'~'",
        'on',
        "'1e3'",
        "'.5'",
        "'0o17'",
        "' lead'",
        "'trail '",
        "'- x'",
        "'? x'",
        "'@x'",
        "'`x'",
        'a:b',
        "'a: b'",
        "'key #'",
        "'---x'",
        "'1.5'",
        "'+1'",
        "'0b101'",
        "'1_000'",
        'NaN',
        "'.nan'",
        'yes',
        "'2025-01-01 10:00:00'",
        "'*ref'",
        "'!tag'",
        "'%x'",
        "'|'",
        'a,b',
        "'[x'",
        'x]',
        "'='",
        "'<<'",
      ].map((s) => `- ${s}`),
    );
    expect(yamlText({ t: 'tab\there', e: 'é' })).toBe('e: é\nt: "tab\\there"');
  });

  it('prints doubles as Python floats and other numbers as they are', () => {
    const floats = newFloats();
    const h = [1, 2.5];
    floats.lists.add(h);
    const data = { d: 2, e: 1e-5, f: 1.5e16, g: 0.1, h, i: 1e22, n: NaN, inf: -Infinity, count: 3 };
    floats.members.set(data, new Set(['d', 'e', 'f', 'g', 'i', 'n', 'inf']));
    expect(yamlText(data, floats)).toBe(['count: 3', 'd: 2.0', 'e: 1e-05', 'f: 1.5e+16', 'g: 0.1', 'h:', '- 1.0', '- 2.5', 'i: 1e+22', 'inf: -.inf', 'n: .nan'].join('\n'));
  });

  // ruamel.yaml writes a control character as \x01, not as JSON does (\u0001).
  it('escapes a control character in a double-quoted string as ruamel.yaml does', () => {
    expect(yamlText({ c: '\u0001' })).toBe('c: "\\x01"');
    // As the AWS CLI 2.9.19 prints these strings in yaml.
    expect(yamlText({ b: 'x\u001fy', c: '\u007f', d: '\u0085 \u00a0x', e: '\u{1f600}\u0007', f: '\u2028\ufeff', g: '\u0000\t\u001b', h: '\u0080\u00e9\u0100\ufffe', n: 'a\nb\u0001', q: 'a"b\\c\u0001' })).toBe(
      ['b: "x\\x1Fy"', 'c: "\\x7F"', 'd: "\\N \u00a0x"', 'e: "\\U0001F600\\a"', 'f: "\\L\\uFEFF"', 'g: "\\0\\t\\e"', 'h: "\\x80\u00e9\u0100\\uFFFE"', 'n: "a\\nb\\x01"', 'q: "a\\"b\\\\c\\x01"'].join('\n'),
    );
    // An emoji is no printable character to this ruamel.yaml: it is double-quoted too.
    expect(yamlText({ e: '\u{1f600}' })).toBe('e: "\\U0001F600"');
  });
});
