import { describe, expect, it } from 'vitest';
import { echoCommand, exportCommand, falseCommand, trueCommand, unsetCommand } from '../../../../src/content/console/commands/shellBuiltins';
import { newSession } from '../../../../src/content/console/session';
import type { ConsoleCommand, ConsoleSession } from '../../../../src/content/console/types';
import type { Sim } from '../../../../src/sim';

/** Runs a builtin on its arguments (the words after its name) in `session`; builtins never reach the world. */
function run<A>(command: ConsoleCommand<A>, words: string[], session: ConsoleSession = newSession()) {
  const p = command.parse(words, { files: {} });
  if (!p.ok) throw new Error(p.message);
  return command.run(p.args, { sim: {} as Sim, session });
}

describe('echo', () => {
  it('prints its arguments a space apart', () => {
    expect(run(echoCommand, ['a', 'b  c'])).toEqual({ output: 'a b  c', exitCode: 0 });
    expect(run(echoCommand, [])).toEqual({ output: '', exitCode: 0 });
  });

  it('takes -n, -e and -E as options, alone or together, and anything else as text', () => {
    expect(run(echoCommand, ['-n', 'a']).output).toBe('a');
    expect(run(echoCommand, ['-x', 'a']).output).toBe('-x a');
    expect(run(echoCommand, ['--', 'a']).output).toBe('-- a');
    expect(run(echoCommand, ['a', '-e']).output).toBe('a -e');
  });

  it('reads backslash escapes with -e only, the last of -e and -E winning', () => {
    expect(run(echoCommand, ['-e', 'a\\tb\\nc\\\\d']).output).toBe('a\tb\nc\\d');
    expect(run(echoCommand, ['a\\nb']).output).toBe('a\\nb');
    expect(run(echoCommand, ['-eE', 'a\\nb']).output).toBe('a\\nb');
    expect(run(echoCommand, ['-E', '-e', 'a\\nb']).output).toBe('a\nb');
    expect(run(echoCommand, ['-e', '\\q']).output).toBe('\\q');
  });

  it('stops printing at \\c with -e, as bash does', () => {
    expect(run(echoCommand, ['-e', 'x\\cy', 'z']).output).toBe('x');
    expect(run(echoCommand, ['-e', 'a\\tb', 'c\\c\\nd']).output).toBe('a\tb c');
    expect(run(echoCommand, ['-e', '\\c']).output).toBe('');
  });

  it('takes \\c after an escaped backslash as text, and without -e as text', () => {
    expect(run(echoCommand, ['-e', 'a\\\\cb']).output).toBe('a\\cb');
    expect(run(echoCommand, ['x\\cy']).output).toBe('x\\cy');
  });
});

describe('export', () => {
  it('sets each NAME=value in the session, and only the part before the first = is the name', () => {
    const session = newSession();
    expect(run(exportCommand, ['A=1', 'B', 'D=a=b', '-p'], session)).toEqual({ output: '', exitCode: 0 });
    expect(session.env).toEqual({ A: '1', D: 'a=b' });
  });

  it('refuses a name that is no identifier, in bash’s words, and sets the others', () => {
    const session = newSession();
    expect(run(exportCommand, ['9=x', 'OK=1', '=v'], session)).toEqual({ output: "bash: export: `9=x': not a valid identifier\nbash: export: `=v': not a valid identifier", exitCode: 1 });
    expect(session.env).toEqual({ OK: '1' });
  });

  it('lists the variables as declare -x with their quotes and escapes, when given nothing', () => {
    const session = newSession();
    run(exportCommand, ['A=1', 'C=x"y$z`w\\'], session);
    expect(run(exportCommand, [], session).output).toBe('declare -x A="1"\ndeclare -x C="x\\"y\\$z\\`w\\\\"');
    expect(run(exportCommand, ['-p'], session).output).toBe(run(exportCommand, [], session).output);
  });

  it('sets a variable of any name as a variable, __proto__ too', () => {
    const session = newSession();
    run(exportCommand, ['__proto__=x'], session);
    expect(Object.keys(session.env)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(session.env)).toBe(Object.prototype);
  });
});

describe('unset', () => {
  it('removes the variables named, and ignores the others', () => {
    const session = newSession();
    session.env = { A: '1', B: '2' };
    expect(run(unsetCommand, ['A', 'nope', 'toString'], session)).toEqual({ output: '', exitCode: 0 });
    expect(session.env).toEqual({ B: '2' });
  });
});

describe('true and false', () => {
  it('print nothing and end with 0 and 1, whatever their arguments', () => {
    expect(run(trueCommand, ['x'])).toEqual({ output: '', exitCode: 0 });
    expect(run(falseCommand, [])).toEqual({ output: '', exitCode: 1 });
  });

  it('are allowed in every lesson, as echo, export and unset are', () => {
    expect([echoCommand, exportCommand, unsetCommand, trueCommand, falseCommand].map((c) => [c.name, c.alwaysAllowed])).toEqual([
      ['echo', true],
      ['export', true],
      ['unset', true],
      ['true', true],
      ['false', true],
    ]);
  });
});
