import type { CallRecord } from '../../calls';
import { Sim } from '../../../sim';
import { pyJsonDumps } from '../aws/format';
import { xform } from '../aws/model';
import { parseShorthand, ShorthandError } from '../aws/shorthand';
import type { CommandResult, ConsoleCommand, RunContext } from '../types';
import { parsed, refused } from '../types';
import { fileRefs } from './aws';

/**
 * `sim <operation> [--option value …]`: what happens to the world that no AWS API does. The options are the
 * operation's members in kebab case; values are JSON, shorthand or text (numbers read as numbers, as these
 * operations have no published model to type them), several values a list, an option alone true.
 */

interface SimArgs {
  call: string;
  input: Record<string, unknown>;
}

const OPERATIONS = Sim.operations()
  .filter((o) => o.startsWith('sim.'))
  .map((o) => o.slice(4));
const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const setMember = (o: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** Numbers in shorthand text as numbers. */
function numbers(v: unknown): unknown {
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  if (Array.isArray(v)) return v.map(numbers);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setMember(out, k, numbers(x));
    return out;
  }
  return v;
}

function value(text: string): unknown {
  if (/^\s*[[{"]/.test(text) || /^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (text.includes('=')) {
    try {
      return numbers(parseShorthand(text));
    } catch (e) {
      if (!(e instanceof ShorthandError)) throw e;
    }
  }
  return text;
}

function readOptions(words: string[], files: Record<string, string>): Record<string, unknown> | string {
  const input: Record<string, unknown> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('--')) return `Unknown options: ${w}`;
    const eq = w.indexOf('=');
    const name = eq > 0 ? w.slice(2, eq) : w.slice(2);
    const values: string[] = eq > 0 ? [w.slice(eq + 1)] : [];
    while (eq < 0 && i + 1 < words.length && !words[i + 1]!.startsWith('--')) values.push(words[++i]!);
    const texts: string[] = [];
    for (const v of values) {
      const f = /^fileb?:\/\/(.*)$/.exec(v);
      if (f && !Object.hasOwn(files, f[1]!)) return `Error parsing parameter '--${name}': Unable to load paramfile ${v}: [Errno 2] No such file or directory: '${f[1]!}'`;
      texts.push(f ? files[f[1]!]! : v);
    }
    if (texts.length === 0) setMember(input, camel(name.startsWith('no-') ? name.slice(3) : name), !name.startsWith('no-'));
    else setMember(input, camel(name), texts.length === 1 ? value(texts[0]!) : texts.map(value));
  }
  return input;
}

function send({ call, input }: SimArgs, { sim }: RunContext): CommandResult {
  const r = sim.call(call, input);
  sim.runUntil(sim.now);
  const calls: CallRecord[] = [{ at: sim.now / 1000, call, input, ...(r.error ? { error: r.error } : { output: r.output }) }];
  if (r.error) return { output: `\nAn error occurred (${r.error.code}) when calling the ${call.slice(4)} operation: ${r.error.message}`, exitCode: r.error.code === 'ParamValidationError' ? 252 : 254, error: r.error, calls };
  const empty = r.output === undefined || (typeof r.output === 'object' && r.output !== null && Object.keys(r.output).length === 0);
  return { output: empty ? '' : pyJsonDumps(r.output), exitCode: 0, response: r.output, calls };
}

export const simCommand: ConsoleCommand<SimArgs> = {
  name: 'sim',
  usage: ['sim <operation> [--option value ...]'],
  help: "Makes something happen to the world that no AWS API does: launch or terminate instances, disconnect an agent, fail a zone, set traffic, interrupt Spot, resolve a name in Cloud Map. Options are the operation's members in kebab case.",
  time: 'none',
  reads: (words) => fileRefs(words),
  complete: (before) => (before.length === 0 ? OPERATIONS.map(xform) : []),
  parse: (words, ctx) => {
    const [op, ...rest] = words;
    const operation = OPERATIONS.find((o) => xform(o) === op);
    if (!op) return refused(`usage: sim <operation> [--option value ...]\nsim: error: the following arguments are required: operation (${OPERATIONS.map(xform).join(', ')})`, 252);
    if (!operation) return refused(`sim: error: argument operation: Invalid choice: '${op}' (the operations are ${OPERATIONS.map(xform).join(', ')})`, 252);
    const input = readOptions(rest, ctx.files);
    return typeof input === 'string' ? refused(`\n${input}`, 252) : parsed({ call: `sim.${operation}`, input });
  },
  run: send,
};
