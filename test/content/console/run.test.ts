import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete, newSession, parseCommand, runCommand } from '../../../src/content/console';
import { mergeStep, notFound, readLine, resumeStep, runLine, shellCommand, waitOf } from '../../../src/content/console/run';
import type { ConsoleCommand } from '../../../src/content/console/types';
import { parsed } from '../../../src/content/console/types';
import { Sim } from '../../../src/sim';

describe('running a line', () => {
  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        parseCommand(line);
        complete(line);
        complete(`copilot ${line}`);
        complete(`aws ${line}`);
        parseCommand(`aws ecs run-task ${line}`);
        parseCommand(`aws ecs create-service --network-configuration ${line}`);
      }),
      { numRuns: 500 },
    );
    const word = fc.constantFrom('aws', 'ecs', 'run-task', '--cluster', '--count', '--placement-strategy', 'type=spread', '[', '{', '"', "'", '=', ',', 'x', '--no-enable-execute-command', 'file://a');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
        const sim = new Sim();
        const r = runCommand(sim, ws.join(' '), newSession({ a: '{' }));
        expect(typeof r.exitCode).toBe('number');
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading a line', () => {
  it('is nothing for a blank line or a comment', () => {
    expect(readLine('')).toEqual({ empty: true });
    expect(readLine('  # a note')).toEqual({ empty: true });
    expect(parseCommand('')).toEqual({ kind: 'empty' });
  });

  it("gives a plain line's command from the table and its parsed arguments", () => {
    expect(readLine('sleep 2m')).toMatchObject({ command: { name: 'sleep' }, args: { ms: 120_000 } });
    expect(parseCommand('curl http://localhost/')).toEqual({ kind: 'curl', url: 'http://localhost/' });
  });

  it('gives a line with variables, braces or operators to the shell, parsed', () => {
    for (const line of ['echo $X', 'echo {a,b}', 'echo a && echo b', 'echo a > f']) expect(readLine(line), line).toMatchObject({ command: { name: 'shell' }, args: { script: [expect.any(Object)] } });
    expect(parseCommand('echo a; echo b')).toMatchObject({ kind: 'shell', script: [expect.any(Object), expect.any(Object)] });
  });

  it("refuses a line bash cannot read with status 2, an unknown command with 127 and the console's words, and a command's own refusal naming it", () => {
    expect(readLine('echo "open')).toEqual({ message: 'bash: unexpected EOF while looking for matching `"\'', exitCode: 2 });
    expect(readLine('kubectl get pods')).toEqual({ message: notFound('kubectl').output, pieces: [{ key: 'console.notFound', params: { name: 'kubectl' } }], exitCode: 127 });
    expect(readLine('curl')).toMatchObject({ message: 'curl: no URL specified!', exitCode: 2, command: { name: 'curl' } });
    expect(parseCommand('curl')).toEqual({ kind: 'error', message: 'curl: no URL specified!', exitCode: 2 });
  });

  it("says a command no table entry has in the console's own words", () => {
    expect(notFound('kubectl')).toEqual({
      output: 'kubectl: command not found (try aws ecs …, copilot svc deploy …, sim launch-instances …, or sleep 1m)',
      exitCode: 127,
      pieces: [{ key: 'console.notFound', params: { name: 'kubectl' } }],
    });
  });
});

describe('how long a line waits', () => {
  it('is known for a line whose command only lets time pass, and why not when it cannot', () => {
    expect(waitOf('sleep 2m')).toEqual({ ms: 120_000 });
    expect(waitOf('sleep soon')).toMatchObject({ message: "sleep: invalid time interval 'soon'; give a duration such as 30, 90s or 5m", pieces: [{ key: 'console.sleep.invalid' }] });
  });

  it('is not known for any other line', () => {
    for (const line of ['echo hi', '', 'sleep 1m && echo x', 'nosuch', 'echo "open']) expect(waitOf(line), line).toBeUndefined();
  });
});

describe('running a line in steps', () => {
  const ctx = () => ({ sim: new Sim({ seed: 'steps' }), session: newSession() });

  it('gives the first step and what is left: a wait alone, or the shell with the rest of the line', () => {
    expect(runLine(readLine('sleep 90s'), ctx())).toEqual({ output: '', exitCode: 0, then: { afterMs: 90_000 } });
    expect(runLine(readLine('echo a; sleep 1m; echo b'), ctx())).toMatchObject({ output: 'a', exitCode: 0, then: { afterMs: 60_000, step: 'shell' } });
    expect(runLine(readLine(''), ctx())).toEqual({ output: '', exitCode: 0 });
    expect(runLine(readLine('nosuch'), ctx())).toMatchObject({ output: notFound('nosuch').output, exitCode: 127, pieces: [{ key: 'console.notFound' }] });
  });

  it('runs the rest of a line after the wait, through the shell', () => {
    const c = ctx();
    const first = runLine(readLine('echo a; sleep 1m && echo b'), c);
    expect(resumeStep('shell', first.then!, c)).toEqual({ output: 'b', exitCode: 0 });
    expect(shellCommand.time).toBe('steps');
  });

  it('has nothing more to do for a command without steps or a continuation without one', () => {
    expect(resumeStep('sleep', { afterMs: 1 }, ctx())).toEqual({ output: '', exitCode: 0 });
    expect(resumeStep('nosuch', { afterMs: 1, step: 'x' }, ctx())).toEqual({ output: '', exitCode: 0 });
  });

  it("answers a command that throws with the console's internal error, status 70, and never throws", () => {
    const boom: ConsoleCommand<object> = {
      name: 'boom',
      usage: ['boom'],
      help: 'boom',
      time: 'none',
      parse: () => parsed({}),
      run: () => {
        throw new Error('a defect');
      },
    };
    expect(runLine({ command: boom as ConsoleCommand, args: {} }, ctx())).toEqual({
      output: 'boom: internal error: a defect',
      exitCode: 70,
      pieces: [{ key: 'console.internalError', params: { name: 'boom', message: 'a defect' } }],
    });
  });

  it("merges a later step into what came before: the outputs a line apart, the first failure's status and error, the last response, every call", () => {
    const so = { output: 'a', exitCode: 2, calls: [{ at: 0, call: 'x', input: {} }], error: { code: 'E', message: 'm' }, response: 1 };
    const next = { output: 'b', exitCode: 0, response: 2, then: { afterMs: 5 }, calls: [{ at: 1, call: 'y', input: {} }], error: { code: 'F', message: 'n' } };
    expect(mergeStep(so, next)).toEqual({ output: 'a\nb', exitCode: 2, response: 2, error: { code: 'E', message: 'm' }, calls: [...so.calls, ...next.calls], then: { afterMs: 5 } });
    expect(mergeStep({ output: '', exitCode: 0 }, { output: 'b', exitCode: 4 })).toEqual({ output: 'b', exitCode: 4 });
  });

  it("runs every step on a Sim's own clock when no timeline drives it", () => {
    const sim = new Sim({ seed: 'steps' });
    expect(runCommand(sim, 'echo a; sleep 1m && echo b')).toEqual({ command: 'echo a; sleep 1m && echo b', output: 'a\nb', exitCode: 0 });
    expect(sim.now).toBe(60_000);
  });
});
