import { describe, expect, it } from 'vitest';
import { simCommand } from '../../../../src/content/console/commands/sim';
import { newSession } from '../../../../src/content/console/session';
import type { Sim } from '../../../../src/sim';

const parse = (words: string[], files: Record<string, string> = {}) => simCommand.parse(words, { files });
/** The request a line makes, or the refusal. */
const input = (words: string[], files: Record<string, string> = {}) => {
  const r = parse(['launch-instances', ...words], files);
  return r.ok ? r.args.input : r;
};

/** A world that answers every call with `answer` at time `now`, and keeps what it was asked and how far it ran. */
function world(answer: { output?: unknown; error?: { code: string; message: string } }, now = 0) {
  const asked: [string, unknown][] = [];
  const ranUntil: number[] = [];
  const sim = { now, call: (op: string, i: unknown) => (asked.push([op, i]), answer), runUntil: (t: number) => ranUntil.push(t) } as unknown as Sim;
  return { sim, asked, ranUntil, run: (words: string[]) => simCommand.run((parse(words) as { ok: true; args: { call: string; input: Record<string, unknown> } }).args, { sim, session: newSession() }) };
}

describe('sim: which operation', () => {
  it('takes the engine’s own operations in kebab case, and offers them to complete the first word', () => {
    expect(parse(['launch-instances'])).toEqual({ ok: true, args: { call: 'sim.LaunchInstances', input: {} } });
    expect(parse(['fail-health-check'])).toMatchObject({ ok: true, args: { call: 'sim.FailHealthCheck' } });
    expect(simCommand.complete!([], '')).toEqual(expect.arrayContaining(['launch-instances', 'disconnect-agent', 'interrupt-fargate-spot', 'resolve', 'set-traffic']));
    expect(simCommand.complete!([], '')).not.toContain('create-cluster');
    expect(simCommand.complete!(['launch-instances'], '--')).toEqual([]);
  });

  it('refuses a missing or unknown operation as argparse does, naming the operations', () => {
    const none = parse([]);
    expect(none).toMatchObject({ ok: false, exitCode: 252 });
    expect(!none.ok && none.message).toMatch(/^usage: sim <operation> \[--option value \.\.\.\]\nsim: error: the following arguments are required: operation \(create-certificate, .*launch-instances, /);
    const unknown = parse(['create-cluster']);
    expect(unknown).toMatchObject({ ok: false, exitCode: 252 });
    expect(!unknown.ok && unknown.message).toMatch(/^sim: error: argument operation: Invalid choice: 'create-cluster' \(the operations are create-certificate, /);
  });
});

describe('sim: options', () => {
  it('names each member in camel case from its kebab-case option, with --name value or --name=value', () => {
    expect(input(['--instance-type', 't3.large', '--cluster=demo', '--a-b-c', 'x'])).toEqual({ instanceType: 't3.large', cluster: 'demo', aBC: 'x' });
  });

  it('reads numbers, JSON, true, false and null as values, and other text as text', () => {
    expect(input(['--count', '2', '--ratio', '0.5', '--big', '1e3', '--neg', '-5', '--json', '{"x": [1]}', '--on', 'true', '--n', 'null', '--text', 'hello world', '--bad', '{oops'])).toEqual({
      count: 2,
      ratio: 0.5,
      big: 1000,
      neg: -5,
      json: { x: [1] },
      on: true,
      n: null,
      text: 'hello world',
      bad: '{oops',
    });
  });

  it('reads shorthand with its numbers as numbers, and text with = that is no shorthand as text', () => {
    expect(input(['--tags', 'a=1,b=x', '--nested', 'k=[1,2.5]'])).toEqual({ tags: { a: 1, b: 'x' }, nested: { k: [1, 2.5] } });
    expect(input(['--expr', 'a=b=c'])).toEqual({ expr: { a: 'b=c' } });
  });

  it('makes several values a list, an option alone true and --no-<name> false', () => {
    expect(input(['--ids', 'a', '2', '--spot', '--no-public'])).toEqual({ ids: ['a', 2], spot: true, public: false });
  });

  it("reads file:// values from the editor's files, and refuses a missing one in the CLI's words", () => {
    expect(input(['--spec', 'file://x.json'], { 'x.json': '{"a": 2}' })).toEqual({ spec: { a: 2 } });
    expect(input(['--spec', 'file://toString'])).toEqual({
      ok: false,
      exitCode: 252,
      message: "\nError parsing parameter '--spec': Unable to load paramfile file://toString: [Errno 2] No such file or directory: 'toString'",
    });
    expect(simCommand.reads!(['launch-instances', '--a', 'file://q.json', '--b', 'fileb://r'], {})).toEqual(['q.json', 'r']);
  });

  it('refuses a word that is no option', () => {
    expect(input(['stray'])).toEqual({ ok: false, exitCode: 252, message: '\nUnknown options: stray' });
  });

  it('keeps an option named like an object member as a member of its own', () => {
    const i = input(['--__proto__', '{"polluted": true}']) as Record<string, unknown>;
    expect(Object.keys(i)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sim: running', () => {
  it('prints the response as the CLI prints JSON and keeps the call with its time', () => {
    const w = world({ output: { instances: [{ id: 'i-1' }] } }, 90_000);
    expect(w.run(['launch-instances', '--count', '1'])).toEqual({
      output: '{\n    "instances": [\n        {\n            "id": "i-1"\n        }\n    ]\n}',
      exitCode: 0,
      response: { instances: [{ id: 'i-1' }] },
      calls: [{ at: 90, call: 'sim.LaunchInstances', input: { count: 1 }, output: { instances: [{ id: 'i-1' }] } }],
    });
    expect(w.asked).toEqual([['sim.LaunchInstances', { count: 1 }]]);
    // What the call sets off at this same moment happens before the command returns.
    expect(w.ranUntil).toEqual([90_000]);
  });

  it('prints nothing for an empty response', () => {
    expect(world({ output: {} }).run(['set-image']).output).toBe('');
    expect(world({}).run(['set-image'])).toMatchObject({ output: '', exitCode: 0 });
  });

  it("prints an error as the CLI does, 252 for a parameter the engine refuses and 254 for the service's errors", () => {
    const notFound = { code: 'ClusterNotFoundException', message: 'Cluster not found.' };
    expect(world({ error: notFound }).run(['disconnect-agent', '--cluster', 'x'])).toEqual({
      output: '\nAn error occurred (ClusterNotFoundException) when calling the DisconnectAgent operation: Cluster not found.',
      exitCode: 254,
      error: notFound,
      calls: [{ at: 0, call: 'sim.DisconnectAgent', input: { cluster: 'x' }, error: notFound }],
    });
    expect(world({ error: { code: 'ParamValidationError', message: 'Parameter validation failed' } }).run(['set-load']).exitCode).toBe(252);
  });
});
