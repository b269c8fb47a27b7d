import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, loadHelp, newSession, runCommand } from '../../../src/content/console';
import { Sim } from '../../../src/sim';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];
const NUMBERS = ['1e23', '100000000000000000000000', '-1', '0', '0x10', '1.5', 'NaN', 'Infinity', '-0', '9'.repeat(40), ''];
const PIECES = ['"', "'", '`', '\\', '{', '}', '[', ']', '(', ')', '$', '${', '$(', '=', ',', '&&', '||', ';', '|', '>', '#', '*', '\n', '\u0000', '\u2028', 'é', '😀'];
const OPTIONS = [
  '--cluster',
  '--service',
  '--task-definition',
  '--count',
  '--desired-count',
  '--cli-input-json',
  '--cli-input-yaml',
  '--query',
  '--output',
  '--region',
  '--max-items',
  '--starting-token',
  '--page-size',
  '--generate-cli-skeleton',
  '--name',
  '--env',
  '-f',
  '-t',
  '-p',
  '--port',
  '--image',
  '--no-paginate',
  '--debug',
  '--profile',
  '--endpoint-url',
  '--on',
  '--project',
];
const FILES = ['file://__proto__', 'file://constructor', 'file://toString', 'file://missing.json', 'file://td.json', 'file://bad.json', 'fileb://x', 'file://', 'file:///etc/passwd'];

/** A word a learner, a lesson author or a link could put on a line. */
const word = fc.oneof(
  fc.constantFrom(...HOSTILE, ...NUMBERS, ...PIECES, ...OPTIONS, ...FILES, 'ecs', 'elbv2', 'wait', 'help', 'run-task', 'list-clusters', 'services-stable', 'compose', 'up', 'build', 'svc', 'deploy', 'stats', 'start'),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[a-z]+=[a-zA-Z0-9_]*(,[a-z]+=[a-zA-Z0-9_]*)*$/),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
);

/** The editor files a session may hold, with hostile names and contents. */
const files = fc.record({ 'td.json': fc.constantFrom('{"family": "web", "containerDefinitions": []}', '{', '[]', '{"__proto__": {"x": 1}}', ''), 'bad.json': fc.string({ maxLength: 20 }) }).map((f) => {
  const out: Record<string, string> = { ...f };
  for (const n of HOSTILE) Object.defineProperty(out, n, { value: '{"family": 5}', enumerable: true, writable: true, configurable: true });
  return out;
});

function prototypeState(): string {
  return JSON.stringify(
    Object.getOwnPropertyNames(Object.prototype)
      .sort()
      .map((k) => [k, typeof Object.getOwnPropertyDescriptor(Object.prototype, k)?.value]),
  );
}

describe('the console never throws', () => {
  beforeAll(() => loadHelp());
  const before = prototypeState();

  it.each(COMMANDS.map((c) => [c.name] as const))('%s: hostile arguments become output and an exit code, and Object.prototype is untouched', (name) => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), files, (args, f) => {
        const sim = new Sim({ seed: 'hostile' });
        const r = runCommand(sim, [name, ...args.map((a) => (a.includes(' ') || a === '' ? `'${a.replace(/'/g, '')}'` : a))].join(' '), newSession(f));
        expect(typeof r.output).toBe('string');
        expect(Number.isInteger(r.exitCode)).toBe(true);
        // Not even caught at the last line: a command's own failure is its answer.
        expect(r.output).not.toMatch(/internal error|Internal simulator error/);
        expect(prototypeState()).toBe(before);
        expect(({} as Record<string, unknown>).x).toBeUndefined();
      }),
      { numRuns: name === 'aws' ? 150 : 60 },
    );
  });

  it("aws with hostile words, each quoted: the CLI's exit status (0, 252, 254 or 255), and a refusal after a blank line as the CLI prints it", () => {
    const quote = (w: string) => `'${w.replace(/'/g, "'\\''")}'`;
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), files, (args, f) => {
        const r = runCommand(new Sim({ seed: 'hostile' }), ['aws', ...args.map(quote)].join(' '), newSession(f));
        expect([0, 252, 254, 255], r.output).toContain(r.exitCode);
        if (r.exitCode !== 0) expect(r.output, 'the CLI writes a blank line before what stopped it').toMatch(/^\n|\n\n/);
        expect(prototypeState()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('whole hostile lines (operators, quotes, substitutions, braces) too', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.constantFrom(...COMMANDS.map((c) => c.name))), { maxLength: 14 }), files, (ws, f) => {
        const r = runCommand(new Sim({ seed: 'hostile' }), ws.join(' '), newSession(f));
        expect(typeof r.output).toBe('string');
        expect(r.output).not.toMatch(/internal error|Internal simulator error/);
        expect(Number.isInteger(r.exitCode)).toBe(true);
        expect(prototypeState()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('the lines issue 11 found throwing now answer', () => {
    const session = newSession({ 'compose.yaml': 'services: {}' });
    expect(runCommand(new Sim(), 'translate constructor', session)).toMatchObject({ exitCode: 1, output: 'translate: constructor: no such file' });
    expect(runCommand(new Sim(), 'docker compose -f toString up', session)).toMatchObject({ exitCode: 1, output: 'no configuration file provided: not found' });
    expect(runCommand(new Sim(), 'docker build -t x -f constructor .', session).exitCode).not.toBe(0);
  });
});
