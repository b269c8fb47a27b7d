import { describe, expect, it } from 'vitest';
import { parseScript } from '../../../../src/content/console/shell/syntax';
import { commandWords, staticWords } from '../../../../src/content/console/shell/words';

const statics = (line: string) => staticWords(parseScript(line));
const commands = (line: string) => commandWords(parseScript(line));

describe('the words of a line that is one plain command', () => {
  it('are its words with the quotes removed', () => {
    expect(statics('aws ecs list-clusters')).toEqual(['aws', 'ecs', 'list-clusters']);
    expect(statics(`aws ecs run-task --overrides '{"a": 1}' "my cluster" a\\ b 'x'"y"`)).toEqual(['aws', 'ecs', 'run-task', '--overrides', '{"a": 1}', 'my cluster', 'a b', 'xy']);
  });

  it('keep braces bash leaves alone, quoted or not', () => {
    expect(statics('echo "{a,b}" {} x{a}y')).toEqual(['echo', '{a,b}', '{}', 'x{a}y']);
  });

  it('are not known for a line the shell must run', () => {
    for (const line of ['echo {a,b}', 'echo $X', 'echo "$X"', 'echo $(date)', 'X=1 echo', 'echo a > f', 'a; b', 'a && b', 'a || b', '! a', 'a | b', 'a\nb']) expect(statics(line), line).toBeUndefined();
    expect(statics('')).toBeUndefined();
    expect(statics('X=1')).toBeUndefined();
    // One word from braces that is not the word written: {1..1} is 1.
    expect(statics('echo {1..1}')).toBeUndefined();
    expect(commands('echo {1..1}')).toEqual([['echo', '1']]);
  });
});

describe('every command a line runs', () => {
  it('lists each command of its lists and pipelines, as written', () => {
    expect(commands('a x; b && c || d | e')).toEqual([['a', 'x'], ['b'], ['c'], ['d'], ['e']]);
  });

  it('lists the commands inside $(…) and backticks after the command they stand in, and leaves out assignments alone', () => {
    expect(commands('X=$(aws ecs list-clusters) && echo "$X" `sim resolve` ${Y:-$(copilot svc ls)}')).toEqual([
      ['aws', 'ecs', 'list-clusters'],
      ['echo', '$X', '$(sim resolve)', '${Y:-$(copilot svc ls)}'],
      ['sim', 'resolve'],
      ['copilot', 'svc', 'ls'],
    ]);
    expect(commands('A=1 B=2')).toEqual([]);
  });

  it('expands the braces of a word without expansions, and keeps a word with them as written', () => {
    expect(commands('echo {a,b} "$X"{1,2}')).toEqual([['echo', 'a', 'b', '$X{1,2}']]);
  });
});
