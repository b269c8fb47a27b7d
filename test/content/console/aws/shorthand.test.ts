import { describe, expect, it } from 'vitest';
import { ShorthandError, parseShorthand } from '../../../../src/content/console/aws/shorthand';

// The AWS CLI's own shorthand parsing cases (its public tests/unit/test_shorthand.py), with what the CLI reads.
const PARSES: [string, unknown][] = [
  ['foo=bar', { foo: 'bar' }],
  ['foo=bar,baz=qux', { foo: 'bar', baz: 'qux' }],
  ['a=b,c=d,e=f', { a: 'b', c: 'd', e: 'f' }],
  ['foo=', { foo: '' }],
  ['foo=,bar=', { foo: '', bar: '' }],
  ['foo=\u2713', { foo: '\u2713' }],
  ['foo=\u2713,\u2713', { foo: ['\u2713', '\u2713'] }],
  ['foo=a,b', { foo: ['a', 'b'] }],
  ['foo=a,b,c', { foo: ['a', 'b', 'c'] }],
  ['foo=a,b,bar=c,d', { foo: ['a', 'b'], bar: ['c', 'd'] }],
  ['foo=a,b,c,bar=d,e,f', { foo: ['a', 'b', 'c'], bar: ['d', 'e', 'f'] }],
  ['foo=[]', { foo: [] }],
  ['foo=[a]', { foo: ['a'] }],
  ['foo=[a,b]', { foo: ['a', 'b'] }],
  ['foo=[a,b,c]', { foo: ['a', 'b', 'c'] }],
  ['foo=[a,b],bar=c,d', { foo: ['a', 'b'], bar: ['c', 'd'] }],
  ['foo=[a,b],bar=[c,d]', { foo: ['a', 'b'], bar: ['c', 'd'] }],
  ['foo=a,b,bar=[c,d]', { foo: ['a', 'b'], bar: ['c', 'd'] }],
  ['foo=[a=b,c=d]', { foo: ['a=b', 'c=d'] }],
  ['foo=[ a , b  , c  ]', { foo: ['a', 'b', 'c'] }],
  ['foo  =  [ a , b  , c  ]', { foo: ['a', 'b', 'c'] }],
  ['foo=[,,]', { foo: ['', ''] }],
  ["foo='bar'", { foo: 'bar' }],
  ["foo='bar,baz'", { foo: 'bar,baz' }],
  ["foo='bar','baz'", { foo: ['bar', 'baz'] }],
  ["foo=bar,'baz'", { foo: ['bar', 'baz'] }],
  ["foo=bar,'baz=qux'", { foo: ['bar', 'baz=qux'] }],
  ["foo=bar,'--option=bar space'", { foo: ['bar', '--option=bar space'] }],
  ["foo='bar\\'baz'", { foo: "bar'baz" }],
  ["foo='bar\\\\baz'", { foo: 'bar\\baz' }],
  ['foo="bar"', { foo: 'bar' }],
  ['foo="bar,baz"', { foo: 'bar,baz' }],
  ['foo="bar","baz"', { foo: ['bar', 'baz'] }],
  ['foo=bar,"baz=qux"', { foo: ['bar', 'baz=qux'] }],
  ['foo=bar,"--option=bar space"', { foo: ['bar', '--option=bar space'] }],
  ['foo="bar\\"baz"', { foo: 'bar"baz' }],
  ['foo="bar\\\\baz"', { foo: 'bar\\baz' }],
  ['foo=a\\,b', { foo: 'a,b' }],
  ['foo=a\\,', { foo: 'a,' }],
  ['foo=\\,', { foo: ',' }],
  ['foo=a,b\\,c', { foo: ['a', 'b,c'] }],
  ['foo=a,b\\,', { foo: ['a', 'b,'] }],
  ['foo=a,\\,bc', { foo: ['a', ',bc'] }],
  ['foo= bar', { foo: 'bar' }],
  ['foo =bar', { foo: 'bar' }],
  ['foo = bar', { foo: 'bar' }],
  ['foo  =   bar', { foo: 'bar' }],
  ['foo = bar,baz = qux', { foo: 'bar', baz: 'qux' }],
  ['a = b,  c = d , e = f', { a: 'b', c: 'd', e: 'f' }],
  ['foo = ', { foo: '' }],
  ['a=b,c=  d,  e,  f', { a: 'b', c: ['d', 'e', 'f'] }],
  ['Name=foo,Values=  a  ,  b  ,  c  ', { Name: 'foo', Values: ['a', 'b', 'c'] }],
  ['Name=foo,Values= a,  b  ,  c', { Name: 'foo', Values: ['a', 'b', 'c'] }],
  ['Name=foo,\nValues=a,b,c', { Name: 'foo', Values: ['a', 'b', 'c'] }],
  ['A=b,\nC=d,\nE=f\n', { A: 'b', C: 'd', E: 'f' }],
  ['Name={foo=bar,baz=qux}', { Name: { foo: 'bar', baz: 'qux' } }],
  ['Name={foo=[a,b,c],bar=baz}', { Name: { foo: ['a', 'b', 'c'], bar: 'baz' } }],
  ['Name={foo=bar},Bar=baz', { Name: { foo: 'bar' }, Bar: 'baz' }],
  ['Bar=baz,Name={foo=bar}', { Bar: 'baz', Name: { foo: 'bar' } }],
  ['a={b={c=d}}', { a: { b: { c: 'd' } } }],
  ['a={b={c=d,e=f},g=h}', { a: { b: { c: 'd', e: 'f' }, g: 'h' } }],
  ['Name=[{foo=bar}, {baz=qux}]', { Name: [{ foo: 'bar' }, { baz: 'qux' }] }],
  ['Name=[{foo=[a,b]}, {bar=[c,d]}]', { Name: [{ foo: ['a', 'b'] }, { bar: ['c', 'd'] }] }],
];

const ERRORS = ['foo', 'foo="bar', "foo='bar", 'foo=[bar', 'foo={bar', 'foo={bar}', 'foo={bar=bar', 'foo=bar,'];

describe('shorthand, as the AWS CLI reads it', () => {
  it.each(PARSES)('%j', (text, expected) => {
    expect(parseShorthand(text)).toEqual(expected);
  });

  it.each(ERRORS)('refuses %j', (text) => {
    expect(() => parseShorthand(text)).toThrow(ShorthandError);
  });

  it("refuses a repeated top-level key with the CLI's message and caret", () => {
    expect(() => parseShorthand('maximumPercent=1,maximumPercent=2')).toThrow(
      'Second instance of key "maximumPercent" encountered for input:\nmaximumPercent=1,maximumPercent=2\n                 ^\nThis is often because there is a preceding "," instead of a space.',
    );
  });

  it('says what it expected and where', () => {
    expect(() => parseShorthand('maximumPercent')).toThrow("Expected: '=', received: 'EOF' for input:\nmaximumPercent\n              ^");
    expect(() => parseShorthand('containerOverrides=[{name=web,command=sleep,360}]')).toThrow("Expected: '=', received: '}' for input:\ncontainerOverrides=[{name=web,command=sleep,360}]\n                                               ^");
  });

  it('reads a top-level csv list (command=sleep,360) and keeps a key named __proto__ as a key', () => {
    expect(parseShorthand('name=web,command=sleep,360')).toEqual({ name: 'web', command: ['sleep', '360'] });
    const o = parseShorthand('__proto__=x');
    expect(Object.keys(o)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
