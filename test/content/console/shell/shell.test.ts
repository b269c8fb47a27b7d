import { beforeAll, describe, expect, it } from 'vitest';
import { loadHelp, newSession, runCommand } from '../../../../src/content/console';
import { braceExpand } from '../../../../src/content/console/shell/expand';
import { ShellSyntaxError, parseScript, type Word } from '../../../../src/content/console/shell/syntax';
import { Sim } from '../../../../src/sim';

const run = (line: string, session = newSession(), sim = new Sim({ seed: 'shell' })) => runCommand(sim, line, session);
const words = (w: Word[]) => w.map((x) => x.map((p) => ('v' in p ? p.v : p.t)).join(''));

describe('a line read as bash reads it', () => {
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
