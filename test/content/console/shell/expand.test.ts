import { describe, expect, it } from 'vitest';
import { ExpansionError, braceExpand, expandValue, expandWords, type Expander } from '../../../../src/content/console/shell/expand';
import { parseScript, type Word } from '../../../../src/content/console/shell/syntax';

/** The words after `echo` on a line, as the parser reads them. */
const wordsOf = (text: string): Word[] => parseScript(`echo ${text}`)[0]!.first.commands[0]!.words.slice(1);

/** An expander on `vars`; a substitution prints `<its source>` and two newlines. */
function expander(vars: Record<string, string>): Expander & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    get: (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined),
    set: (name, value) => {
      vars[name] = value;
    },
    substitute: (_script, source) => {
      ran.push(source);
      return `<${source}>\n\n`;
    },
  };
}

const expand = (text: string, vars: Record<string, string> = {}) => expandWords(wordsOf(text), expander(vars));
/** Brace expansion alone, each word as its text. */
const braces = (text: string) => braceExpand(wordsOf(text)[0]!).map((w) => w.map((p) => ('v' in p ? p.v : `<${p.t}>`)).join(''));

describe('brace expansion', () => {
  it('expands lists, nested lists and lists side by side', () => {
    expect(braces('a{b,c}d')).toEqual(['abd', 'acd']);
    expect(braces('{a,b}{1,2}')).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(braces('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef']);
    expect(braces('x{,y}')).toEqual(['x', 'xy']);
  });

  it('expands number and letter sequences, up, down and by a step', () => {
    expect(braces('{1..10..3}')).toEqual(['1', '4', '7', '10']);
    expect(braces('{5..1..2}')).toEqual(['5', '3', '1']);
    expect(braces('{-2..1}')).toEqual(['-2', '-1', '0', '1']);
    expect(braces('{a..c}')).toEqual(['a', 'b', 'c']);
    expect(braces('v{1..2}')).toEqual(['v1', 'v2']);
  });

  it('leaves a group that is no list and no sequence as it is written', () => {
    for (const w of ['{a}', '{}', '{a..3}', '{1..a}', 'x{', 'x}y']) expect(braces(w), w).toEqual([w]);
  });

  it('expands unquoted braces only', () => {
    expect(braces('"{a,b}"')).toEqual(['<dq>']);
    expect(braces("'{a,b}'")).toEqual(['{a,b}']);
    expect(braces('{a\\,b}')).toEqual(['{a,b}']);
  });

  it('refuses a sequence or a product too long for the console', () => {
    expect(() => braces('{1..100000}')).toThrow(ExpansionError);
    expect(() => braces('{1..100000}')).toThrow('brace expansion: the sequence is too long for the console');
    expect(() => braceExpand(wordsOf('{1,2}{1,2}{1,2}')[0]!, 5)).toThrow('brace expansion: too many words for the console');
  });

  it('allows exactly its limit of words, and refuses one more', () => {
    expect(braceExpand(wordsOf('{1,2}{1,2}')[0]!, 4)).toHaveLength(4);
    expect(() => braceExpand(wordsOf('{1,2}{1,2}')[0]!, 3)).toThrow('brace expansion: too many words for the console');
    expect(braceExpand(wordsOf('a')[0]!, 1)).toHaveLength(1);
  });
});

describe('parameters', () => {
  it('gives a set variable its value and an unset one nothing', () => {
    expect(expand('$A ${A}x [$U]', { A: 'v' })).toEqual(['v', 'vx', '[]']);
    expect(expand('${#A} ${#U}', { A: 'héllo' })).toEqual(['5', '0']);
  });

  it('tells unset from empty: with a colon both take the default, without it only unset does', () => {
    const vars = { E: '', S: 's' };
    expect(expand('${U-d} ${E-d} ${S-d}', { ...vars })).toEqual(['d', 's']);
    expect(expand('${U:-d} ${E:-d} ${S:-d}', { ...vars })).toEqual(['d', 'd', 's']);
    expect(expand('${U+a} ${E+a} ${S+a}', { ...vars })).toEqual(['a', 'a']);
    expect(expand('${U:+a} ${E:+a} ${S:+a}', { ...vars })).toEqual(['a']);
  });

  it('sets the variable with := and =, and uses its value after', () => {
    const vars: Record<string, string> = { E: '' };
    expect(expand('${U:=first} $U ${U:=second}', vars)).toEqual(['first', 'first', 'first']);
    expect(vars.U).toBe('first');
    expect(expand('${E=kept}[$E] ${E:=filled}', vars)).toEqual(['[]', 'filled']);
    expect(vars.E).toBe('filled');
  });

  it("refuses ${VAR:?message} for an unset variable with bash's words", () => {
    expect(() => expand('${U:?give a cluster}')).toThrow(new ExpansionError('U: give a cluster'));
    expect(() => expand('${U?}')).toThrow(new ExpansionError('U: parameter null or not set'));
    expect(() => expand('${E:?}', { E: '' })).toThrow(ExpansionError);
    expect(expand('${E?}x', { E: '' })).toEqual(['x']);
    expect(expand('${S:?}', { S: 's' })).toEqual(['s']);
  });
});

describe('word splitting and quotes', () => {
  it('splits an unquoted value on blanks and newlines, joining its ends to the text beside it', () => {
    const vars = { A: 'x  y', NL: 'a\nb\n' };
    expect(expand('$A', vars)).toEqual(['x', 'y']);
    expect(expand('p$A"q"', vars)).toEqual(['px', 'yq']);
    expect(expand('$A$A', vars)).toEqual(['x', 'yx', 'y']);
    expect(expand('$NL', vars)).toEqual(['a', 'b']);
    // Blanks at the ends of a value make no empty words.
    expect(expand('$S', { S: '  x y ' })).toEqual(['x', 'y']);
    expect(expand('[$S]', { S: ' x ' })).toEqual(['[', 'x', ']']);
  });

  it('keeps a quoted value whole, blanks included', () => {
    expect(expand('"$A" "<$A>"', { A: 'x  y' })).toEqual(['x  y', '<x  y>']);
    expect(expand("'$A'", { A: 'x' })).toEqual(['$A']);
  });

  it('drops an unquoted empty value, and keeps a quoted empty one as an argument', () => {
    expect(expand('a $E b', { E: '' })).toEqual(['a', 'b']);
    expect(expand('a "$E" b', { E: '' })).toEqual(['a', '', 'b']);
    expect(expand('$U')).toEqual([]);
    expect(expand("''")).toEqual(['']);
  });

  it('expands inside each brace alternative, in order', () => {
    expect(expand('{$A,b}', { A: 'x y' })).toEqual(['x', 'y', 'b']);
  });
});

describe('command substitution', () => {
  it('runs the substitution and gives what it printed without its trailing newlines', () => {
    const x = expander({});
    expect(expandWords(wordsOf('$(a b) "$(c)"'), x)).toEqual(['<a', 'b>', '<c>']);
    expect(x.ran).toEqual(['a b', 'c']);
  });
});

describe('an assignment value', () => {
  it('is expanded without braces or splitting', () => {
    expect(expandValue(wordsOf('$A"q"')[0]!, expander({ A: 'x  y' }))).toBe('x  yq');
    expect(expandValue(wordsOf('{a,b}')[0]!, expander({}))).toBe('{a,b}');
    expect(expandValue([], expander({}))).toBe('');
  });
});
