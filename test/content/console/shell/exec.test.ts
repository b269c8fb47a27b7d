import { beforeAll, describe, expect, it } from 'vitest';
import { loadHelp, runCommand } from '../../../../src/content/console';
import { braceExpand } from '../../../../src/content/console/shell/expand';
import { newSession } from '../../../../src/content/console/session';
import { resumeScript, runScript, type ShellEnv, type ShellState } from '../../../../src/content/console/shell/exec';
import { ShellSyntaxError, parseScript, type Word } from '../../../../src/content/console/shell/syntax';
import type { CommandResult, ConsoleCommand, ConsoleSession, RunContext } from '../../../../src/content/console/types';
import { parsed, refused } from '../../../../src/content/console/types';
import { Sim } from '../../../../src/sim';

/** A command of the fake table: its arguments in, a result out. */
const command = (name: string, run: (args: string[], ctx: RunContext) => CommandResult, extra: Partial<ConsoleCommand<string[]>> = {}): ConsoleCommand<string[]> => ({
  name,
  usage: [name],
  help: name,
  time: 'none',
  parse: (words) => parsed(words),
  run,
  ...extra,
});

/**
 * The table the shell runs against: `out` prints its arguments, `fail` prints them and ends with status 3,
 * `env` prints variables as the command sees them, `args` prints its arguments one per line, `stdin` prints what
 * it read, `api` makes a call, `strict` refuses every line, and `wait <ms>` lets time pass then says `waited`
 * (`wait <ms> again` waits twice).
 */
const TABLE: ConsoleCommand<string[]>[] = [
  command('out', (a) => ({ output: a.join(' '), exitCode: 0 })),
  command('fail', (a) => ({ output: a.join(' '), exitCode: 3 })),
  command('env', (a, { session }) => ({ output: a.map((n) => `${n}=${Object.hasOwn(session.env, n) ? session.env[n]! : '(unset)'}`).join(' '), exitCode: 0 })),
  command('args', (a) => ({ output: a.map((x) => `[${x}]`).join(''), exitCode: 0 })),
  command('export', (a) => ({ output: a.map((x) => `[${x}]`).join(''), exitCode: 0 })),
  command('stdin', (_a, { stdin }) => ({ output: `read: ${stdin ?? '(nothing)'}`, exitCode: 0 })),
  command('api', (a, { sim }) => ({
    output: a[0] ?? '',
    exitCode: a[1] === 'bad' ? 254 : 0,
    response: { n: a[0] },
    ...(a[1] === 'bad' ? { error: { code: 'Bad', message: a[0]! } } : {}),
    calls: [{ at: sim.now / 1000, call: `test.${a[0]!}`, input: {} }],
  })),
  command('strict', () => ({ output: 'never', exitCode: 0 }), { parse: () => refused('strict: no', 252) }),
  command('wait', (a) => ({ output: `waiting ${a[0]!}`, exitCode: 0, then: { afterMs: Number(a[0]), step: a[1] ?? 'end', state: { ms: Number(a[0]) } } }), {
    time: 'steps',
    resume: (step, state) => ({ output: `waited ${String((state as { ms: number }).ms)}`, exitCode: 0, ...(step === 'again' ? { then: { afterMs: 1, step: 'end', state: { ms: 1 } } } : {}) }),
  }),
];

const ENV: ShellEnv = {
  lookup: (name) => TABLE.find((c) => c.name === name) as ConsoleCommand | undefined,
  notFound: (name) => ({ output: `${name}: not found`, exitCode: 127 }),
};

function shell(session: ConsoleSession = newSession()) {
  const ctx: RunContext = { sim: new Sim({ seed: 'exec' }), session };
  return {
    session,
    run: (line: string) => runScript(parseScript(line), ctx, ENV),
    resume: (r: CommandResult) => resumeScript(r.then!.state as unknown as ShellState, ctx, ENV),
  };
}

const out = (line: string, session?: ConsoleSession) => shell(session).run(line);

describe('lists', () => {
  it('runs each ;-separated list in turn, its output a line apart, its status the last command’s', () => {
    expect(out('out a; fail b; out c')).toEqual({ output: 'a\nb\nc', exitCode: 0 });
    expect(out('out a; fail b')).toEqual({ output: 'a\nb', exitCode: 3 });
  });

  it('runs && after a success and || after a failure, by the status of the last command that ran', () => {
    expect(out('fail x && out no || out yes').output).toBe('x\nyes');
    expect(out('out x || out no && out yes').output).toBe('x\nyes');
    expect(out('fail x && out no && out no2; out next').output).toBe('x\nnext');
  });

  it('gives $? the last status, $$ and $0 fixed values', () => {
    expect(out('fail; out $?; out $?').output).toBe('3\n0');
    expect(out('out $$ $0').output).toBe('4242 bash');
  });

  it('has no positional parameters, as bash on its own: $1… are empty, $# is 0', () => {
    expect(out('args x$1 $1 ${1}y ${12} $12 $#')).toEqual({ output: '[x][y][2][0]', exitCode: 0 });
    expect(out('args "$1" ${1:-none}')).toEqual({ output: '[][none]', exitCode: 0 });
  });

  it('answers a name no command has with what the table says, status 127', () => {
    expect(out('nosuch; out $?')).toEqual({ output: 'nosuch: not found\n127', exitCode: 0 });
  });

  it("answers a line its command refuses with the command's message and status", () => {
    expect(out('strict a || out $?')).toEqual({ output: 'strict: no\n252', exitCode: 0 });
  });

  it('prints nothing for an assignment alone, and the line goes on', () => {
    expect(out('X=1; out $X')).toEqual({ output: '1', exitCode: 0 });
  });
});

describe('pipelines', () => {
  it('shows the last command’s output and status only; ! turns the status over', () => {
    expect(out('out a | out b')).toEqual({ output: 'b', exitCode: 0 });
    expect(out('out a | fail b')).toEqual({ output: 'b', exitCode: 3 });
    expect(out('fail a | out b')).toEqual({ output: 'b', exitCode: 0 });
    expect(out('! fail a; out $?').output).toBe('a\n0');
    expect(out('! out a | out b; out $?')).toEqual({ output: 'b\n1', exitCode: 0 });
    expect(out('! fail a && out then').output).toBe('a\nthen');
  });

  it("ends a line with the status ! gives, as bash's $? does", () => {
    expect(out('! fail a')).toEqual({ output: 'a', exitCode: 0 });
    expect(out('! out a')).toEqual({ output: 'a', exitCode: 1 });
    expect(out('out x; ! out a | fail b')).toEqual({ output: 'x\nb', exitCode: 0 });
    expect(out('args "$(! out a)" $?')).toEqual({ output: 'a\n[][1]', exitCode: 0 });
  });

  it('refuses to let time pass before the last command of a pipeline, and runs the rest', () => {
    const r = out('wait 5 | out b');
    expect(r.then).toBeUndefined();
    expect(r).toMatchObject({ output: 'bash: the console cannot let time pass inside a pipeline\nb', exitCode: 0 });
  });

  // The AWS ECR guide logs in with `aws ecr get-login-password | docker login --password-stdin …`.
  it('feeds what a command prints, and its newline, to the next command of the pipeline as its standard input', () => {
    expect(out('out secret | stdin').output).toBe('read: secret\n');
    expect(out('out a | out b | stdin').output).toBe('read: b\n');
    expect(out('out | stdin').output).toBe('read: ');
  });

  it('pipes only what a command wrote to its standard output: not its errors (unless 2>&1), not what went to a file', () => {
    expect(out('fail oops | stdin').output).toBe('read: ');
    expect(out('fail oops 2>&1 | stdin').output).toBe('read: oops\n');
    const session = newSession();
    expect(out('out kept > f | stdin', session).output).toBe('read: ');
    expect(session.files).toEqual({ f: 'kept\n' });
  });

  it('gives standard input only to the commands a pipe feeds', () => {
    expect(out('stdin; out a | out b; stdin').output).toBe('read: (nothing)\nb\nread: (nothing)');
    expect(out('out a | out b && stdin').output).toBe('b\nread: (nothing)');
  });
});

describe('variables', () => {
  it('sets a variable for one command with VAR=value before it, and puts back what was there', () => {
    const session = newSession();
    session.env.X = 'old';
    expect(out('X=new Y=2 env X Y; env X Y', session).output).toBe('X=new Y=2\nX=old Y=(unset)');
    expect(session.env).toEqual({ X: 'old' });
  });

  it("expands a command's words before its VAR=value applies, as bash does", () => {
    const session = newSession();
    expect(out('X=1; X=2 out $X', session).output).toBe('1');
  });

  it('keeps an assignment after export one argument, however its value splits', () => {
    const session = newSession();
    session.env.V = 'a  b';
    expect(out('export A=$V $V', session).output).toBe('[A=a  b][a][b]');
    expect(out('args A=$V', session).output).toBe('[A=a][b]');
  });

  it('says an expansion error as bash does, status 1, and goes on with the line', () => {
    expect(out('out ${U:?give U}; out $?')).toEqual({ output: 'bash: U: give U\n1', exitCode: 0 });
  });

  it('sets a variable the session keeps with ${VAR:=default}', () => {
    const session = newSession();
    out('out ${C:=demo}', session);
    expect(session.env).toEqual({ C: 'demo' });
  });
});

describe('command substitution', () => {
  it('puts what the commands printed in place of $(…), trailing newlines dropped', () => {
    expect(out('args "$(out a; out b)" x$(out y)')).toEqual({ output: '[a\nb][xy]', exitCode: 0 });
  });

  it('shows what a failing substitution printed instead of capturing it, and $? is its status', () => {
    expect(out('out "[$(fail oops)]"; out $?')).toEqual({ output: 'oops\n[]\n0', exitCode: 0 });
  });

  // Bash: an assignment alone ends with the status of its last substitution (X=$(false) || echo failed prints).
  it('gives an assignment alone the status of its command substitution', () => {
    expect(out('X=$(fail oops); out $?')).toEqual({ output: 'oops\n3', exitCode: 0 });
    expect(out('X=$(fail oops) || out failed').output).toBe('oops\nfailed');
    expect(out('X=$(fail oops)')).toEqual({ output: 'oops', exitCode: 3 });
  });

  it('gives it the status of the last of its substitutions, and 0 when it has none, as bash does', () => {
    expect(out('X=$(fail a) Y=$(out b); out $?').output).toBe('a\n0');
    expect(out('X=$(out a) Y=$(fail b); out $?').output).toBe('b\n3');
    expect(out('fail a; X=1; out $?').output).toBe('a\n0');
    expect(out('$(fail a); out $?').output).toBe('a\n3');
  });

  it('gives a command that runs the status of the command, not of its substitutions', () => {
    expect(out('X=$(fail a) out b; out $?').output).toBe('a\nb\n0');
  });

  it("keeps the calls of a substitution's commands with the line's, in order", () => {
    const r = out('out $(api first) && api second');
    expect(r.output).toBe('first\nsecond');
    expect(r.calls?.map((c) => c.call)).toEqual(['test.first', 'test.second']);
  });

  it('refuses to let time pass inside $(…)', () => {
    expect(out('out "$(wait 5)"; out next')).toEqual({ output: 'bash: the console cannot let time pass inside $(…): run that command on a line of its own\nnext', exitCode: 0 });
  });

  it('refuses substitutions nested too deep', () => {
    const deep = (n: number): string => (n === 0 ? 'out x' : `out $(${deep(n - 1)})`);
    expect(out(deep(8)).output).toBe('x');
    expect(out(deep(10)).output).toBe('bash: command substitutions nest too deep');
  });
});

describe('results', () => {
  it("keeps every call of the line, the last response, the first error, and the last command's status", () => {
    const r = out('api one bad; api two; api three bad');
    expect(r.calls?.map((c) => c.call)).toEqual(['test.one', 'test.two', 'test.three']);
    expect(r.response).toEqual({ n: 'three' });
    expect(r.error).toEqual({ code: 'Bad', message: 'one' });
    expect(r.exitCode).toBe(254);
  });
});

describe('redirections', () => {
  it('writes > into an editor file and appends >> to it, each output ending in a newline', () => {
    const session = newSession();
    expect(out('out one > notes; out two >> notes; out three >> new', session)).toEqual({ output: '', exitCode: 0 });
    expect(session.files).toEqual({ notes: 'one\ntwo\n', new: 'three\n' });
    out('out again > notes; out > empty', session);
    expect(session.files).toMatchObject({ notes: 'again\n', empty: '' });
  });

  it('sends a success to > and a failure to 2>, each shown when not redirected', () => {
    const session = newSession();
    expect(out('out fine 2> err', session).output).toBe('fine');
    expect(out('fail bad > log', session)).toEqual({ output: 'bad', exitCode: 3 });
    expect(out('fail bad 2> err', session)).toEqual({ output: '', exitCode: 3 });
    expect(session.files).toEqual({ err: 'bad\n' });
  });

  it('sends the errors where the output goes with 2>&1', () => {
    const session = newSession();
    expect(out('fail bad > all 2>&1', session)).toEqual({ output: '', exitCode: 3 });
    expect(session.files.all).toBe('bad\n');
  });

  it('discards into /dev/null, and expands the target', () => {
    const session = newSession();
    session.env.F = 'out.txt';
    expect(out('out gone > /dev/null; out kept > $F', session).output).toBe('');
    expect(session.files).toEqual({ 'out.txt': 'kept\n' });
  });

  it('writes a file of any name as a file, __proto__ too', () => {
    const session = newSession();
    out('out x > __proto__', session);
    expect(Object.keys(session.files)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(session.files)).toBe(Object.prototype);
  });
});

describe('a line that lets simulated time pass', () => {
  it('stops at the waiting command and keeps the rest of the line as data, then runs it after', () => {
    const { run, resume } = shell();
    const first = run('out a; wait 5 && out b || out no; out c');
    expect(first).toMatchObject({ output: 'a\nwaiting 5', exitCode: 0, then: { afterMs: 5, step: 'shell' } });
    // The state is plain data: it goes through JSON (a snapshot of the timeline) unchanged.
    expect(JSON.parse(JSON.stringify(first.then!.state))).toEqual(first.then!.state);
    expect(resume(first)).toEqual({ output: 'waited 5\nb\nc', exitCode: 0 });
  });

  it('waits again when the waiting command asks to, the rest of the line still kept', () => {
    const { run, resume } = shell();
    const first = run('wait 5 again; out done');
    const second = resume(first);
    expect(second).toMatchObject({ output: 'waited 5', then: { afterMs: 1, step: 'shell' } });
    expect(resume(second)).toEqual({ output: 'waited 1\ndone', exitCode: 0 });
  });

  it('turns over the status of a ! pipeline whose command waits, once it is done', () => {
    const { run, resume } = shell();
    expect(resume(run('! wait 5; out $?'))).toEqual({ output: 'waited 5\n1', exitCode: 0 });
    expect(resume(run('! wait 5'))).toEqual({ output: 'waited 5', exitCode: 1 });
    const twice = resume(run('! wait 5 again || out negated'));
    expect(twice).toMatchObject({ output: 'waited 5', then: { afterMs: 1 } });
    expect(resume(twice)).toEqual({ output: 'waited 1\nnegated', exitCode: 0 });
  });

  it('waits in the middle of an and-or list, in its || branch, and in a later list', () => {
    const { run, resume } = shell();
    const r = run('fail x || wait 2; out after');
    expect(r).toMatchObject({ output: 'x\nwaiting 2', then: { afterMs: 2 } });
    expect(resume(r).output).toBe('waited 2\nafter');
    const middle = run('out a && wait 2 && out b || out c; out d');
    expect(middle).toMatchObject({ output: 'a\nwaiting 2', then: { afterMs: 2 } });
    expect(resume(middle).output).toBe('waited 2\nb\nd');
    const twice = run('wait 1; wait 2; out end');
    const next = resume(twice);
    expect(next).toMatchObject({ output: 'waited 1\nwaiting 2', then: { afterMs: 2 } });
    expect(resume(next).output).toBe('waited 2\nend');
  });
});

/** A line through the console's own table, as the page runs it. */
const run = (line: string, session = newSession(), sim = new Sim({ seed: 'shell' })) => runCommand(sim, line, session);
const words = (w: Word[]) => w.map((x) => x.map((p) => ('v' in p ? p.v : p.t)).join(''));

describe('a line read and run as bash would, through the console', () => {
  beforeAll(() => loadHelp());

  it('splits words with quotes, backslashes and comments', () => {
    const s = parseScript(`aws ecs run-task --cluster 'my cluster' --overrides "{\\"a\\": 1}" a\\ b # a comment`);
    expect(words(s[0]!.first.commands[0]!.words)).toEqual(['aws', 'ecs', 'run-task', '--cluster', 'my cluster', '--overrides', 'dq', 'a b']);
    expect(run(`echo 'single $HOME' "double \\"q\\"" back\\ slash`).output).toBe('single $HOME double "q" back slash');
  });

  it('joins continued and pasted lines as bash does', () => {
    expect(run('echo one \\\n  two').output).toBe('one two');
    expect(run('echo one\necho two\n\n# a comment\necho three').output).toBe('one\ntwo\nthree');
    expect(run('echo a &&\n  echo b').output).toBe('a\nb');
  });

  it("refuses what bash refuses, in bash's words", () => {
    expect(() => parseScript('echo "open')).toThrow(ShellSyntaxError);
    expect(run('echo "open')).toMatchObject({ exitCode: 2, output: 'bash: unexpected EOF while looking for matching `"\'' });
    expect(run("echo 'open")).toMatchObject({ exitCode: 2, output: "bash: unexpected EOF while looking for matching `''" });
    expect(run('&& echo x')).toMatchObject({ exitCode: 2, output: "bash: syntax error near unexpected token `&&'" });
  });

  it('expands braces as bash does, unquoted only, and leaves a lone brace alone', () => {
    const w = (text: string) => braceExpand(parseScript(`echo ${text}`)[0]!.first.commands[0]!.words[1]!).map((x) => x.map((p) => ('v' in p ? p.v : '')).join(''));
    expect(w('DnsRecords=[{Type=A,TTL=10}]')).toEqual(['DnsRecords=[Type=A]', 'DnsRecords=[TTL=10]']);
    expect(w('managedScaling={status=ENABLED,targetCapacity=100}')).toEqual(['managedScaling=status=ENABLED', 'managedScaling=targetCapacity=100']);
    expect(w('a{b,c{d,e}}f')).toEqual(['abf', 'acdf', 'acef']);
    expect(w('{1..3}')).toEqual(['1', '2', '3']);
    expect(w('{c..a}')).toEqual(['c', 'b', 'a']);
    expect(w('x{a}y')).toEqual(['x{a}y']);
    expect(w('{}')).toEqual(['{}']);
    expect(run(`echo '{a,b}' "{a,b}" {a,b}`).output).toBe('{a,b} {a,b} a b');
  });

  it('keeps variables for the session: export, $VAR, ${VAR}, ${VAR:-default}, unset, and VAR=value for one command', () => {
    const session = newSession();
    expect(run('export CLUSTER=demo NAME="a b"', session).exitCode).toBe(0);
    expect(run('echo $CLUSTER ${CLUSTER}-x "$NAME" ${MISSING:-fallback} ${#CLUSTER}', session).output).toBe('demo demo-x a b fallback 4');
    expect(run('X=1; echo $X', session).output).toBe('1');
    expect(run('X=2 echo $X; echo $X', session).output).toBe('1\n1');
    expect(run('unset X; echo "[$X]"', session).output).toBe('[]');
    expect(run('export 1X=a', session)).toMatchObject({ exitCode: 1, output: "bash: export: `1X=a': not a valid identifier" });
    expect(run('export', session).output).toContain('declare -x CLUSTER="demo"');
  });

  it('splits an unquoted variable into words, and keeps a quoted one whole', () => {
    const session = newSession();
    run('T="a  b c"', session);
    expect(run('echo $T', session).output).toBe('a b c');
    expect(run('echo "$T"', session).output).toBe('a  b c');
    expect(run('export E=""; echo x $E y', session).output).toBe('x y');
  });

  it('runs &&, || and ; by the last status, with $?', () => {
    expect(run('false && echo no || echo yes').output).toBe('yes');
    expect(run('true && echo a; false; echo $?').output).toBe('a\n1');
    expect(run('nope-command || echo fallback')).toMatchObject({ exitCode: 0, output: expect.stringMatching(/nope-command: command not found[\s\S]*\nfallback$/) });
    expect(run('! false && echo negated').output).toBe('negated');
  });

  it('replaces $(…) by what its commands printed, as a tutorial captures an ARN', () => {
    const sim = new Sim({ seed: 'shell' });
    const session = newSession();
    run('aws ecs create-cluster --cluster-name demo', session, sim);
    const r = run(`ARN=$(aws ecs list-clusters --query 'clusterArns[0]' --output text) && echo "the cluster is $ARN"`, session, sim);
    expect(r).toMatchObject({ exitCode: 0, output: 'the cluster is arn:aws:ecs:us-east-1:123456789012:cluster/demo' });
    expect(r.calls?.map((c) => c.call)).toEqual(['ecs.ListClusters']);
    expect(run('echo `echo back` $(echo $(echo nested))', session, sim).output).toBe('back nested');
  });

  it('writes > and >> into the editor files, which file:// then reads, and discards /dev/null', () => {
    const sim = new Sim({ seed: 'shell' });
    const session = newSession();
    expect(run('aws ecs register-task-definition --generate-cli-skeleton > td.json', session, sim).output).toBe('');
    expect(session.files['td.json']).toMatch(/^\{\n {4}"family": "",/);
    run('echo one > notes.txt; echo two >> notes.txt', session, sim);
    expect(session.files['notes.txt']).toBe('one\ntwo\n');
    expect(run('aws ecs list-tasks --cluster nope 2> /dev/null', session, sim)).toMatchObject({ exitCode: 254, output: '' });
    expect(run('aws ecs list-tasks --cluster nope > out.txt 2>&1', session, sim).output).toBe('');
    expect(session.files['out.txt']).toContain('ClusterNotFoundException');
  });

  // The ECR guide's login line: the password goes through the pipe, never onto the command line.
  it('logs docker in to ECR with the password get-login-password pipes into --password-stdin', () => {
    const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    const sim = new Sim({ seed: 'shell' });
    const session = newSession();
    expect(run(`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${registry}`, session, sim)).toMatchObject({ exitCode: 0, output: 'Login Succeeded' });
    expect(run(`echo nonsense | docker login --username AWS --password-stdin ${registry}`, session, sim)).toMatchObject({ exitCode: 1, output: expect.stringContaining('400 Bad Request') });
    expect(run(`docker login --username AWS --password-stdin ${registry}`, session, sim)).toMatchObject({ exitCode: 1, output: 'Error: Cannot perform an interactive login from a non TTY device' });
  });

  it('says what it does not do instead of misreading it', () => {
    expect(run('echo $((1+2))')).toMatchObject({ exitCode: 2, output: expect.stringContaining('not supported') });
    expect(run('sleep 1 &')).toMatchObject({ exitCode: 2, output: expect.stringContaining('not supported') });
    expect(run('aws ecs list-clusters | jq .')).toMatchObject({ exitCode: 127, output: expect.stringContaining('jq: command not found') });
  });

  it('lets simulated time pass inside a line, and runs the rest of the line after it', () => {
    const sim = new Sim({ seed: 'shell' });
    const r = run('echo before; sleep 90s && echo after', newSession(), sim);
    expect(r).toMatchObject({ exitCode: 0, output: 'before\nafter' });
    expect(sim.now).toBe(90_000);
  });
});
