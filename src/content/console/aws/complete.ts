import { GLOBAL_OPTIONS, operationArguments } from './argtable';
import { helpData } from './helpData';
import { SERVICE_NAMES, operationNamed, serviceModel, xform } from './model';

/**
 * Tab completion of an `aws` line: services, the operations the sandbox simulates (and wait, help), waiters,
 * an operation's option names from the model (with the global options), the choices of --output and --color,
 * and an option's enum values from the model (once the documentation has loaded).
 */

const takesValue = (option: string) => GLOBAL_OPTIONS.some((o) => o.option === option && o.kind === 'store');

/** The words that are not global options or their values: service, operation, … */
function positionals(before: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (w.startsWith('--')) {
      if (out.length < 2 && takesValue(w)) i++;
      if (out.length >= 2) break;
      continue;
    }
    out.push(w);
  }
  return out;
}

function enumValues(service: string, operation: string, option: string): string[] {
  const svc = serviceModel(service)!;
  const arg = operationArguments(service, svc, operation).find((a) => a.action.option === option);
  const docs = helpData()?.services[service];
  if (!arg?.member || !docs) return [];
  const input = svc.ops[operation]!.i;
  return docs.enums[`${input}.${arg.member}`] ?? [];
}

function operationOf(service: string, words: string[]): string | undefined {
  const svc = serviceModel(service)!;
  if (words[0] === 'wait') {
    const w = Object.keys(svc.waiters).find((x) => xform(x) === words[1]);
    return w && svc.waiters[w]!.acceptors ? svc.waiters[w]!.op : undefined;
  }
  const op = operationNamed(svc, words[0] ?? '');
  return op && Object.hasOwn(svc.ops, op) ? op : undefined;
}

/** Candidates for the word being typed after `aws` and the words before it. */
export function completeAws(before: string[], word: string): string[] {
  const last = before.at(-1);
  const global = GLOBAL_OPTIONS.find((o) => o.option === last);
  if (global?.choices) return [...global.choices];
  const [service, ...rest] = positionals(before);
  const svc = service !== undefined ? serviceModel(service) : undefined;
  if (service === undefined) return word.startsWith('-') ? GLOBAL_OPTIONS.map((o) => o.option) : [...SERVICE_NAMES, 'help'];
  if (!svc) return [];
  if (rest.length === 0) {
    if (word.startsWith('-')) return GLOBAL_OPTIONS.map((o) => o.option);
    return [...Object.keys(svc.ops).map(xform), ...(Object.keys(svc.waiters).length ? ['wait'] : []), 'help'];
  }
  if (rest[0] === 'wait' && rest.length === 1)
    return Object.keys(svc.waiters)
      .filter((w) => svc.waiters[w]!.acceptors)
      .map(xform);
  const operation = operationOf(service, rest);
  if (!operation) return [];
  if (last?.startsWith('--') && !word.startsWith('-')) {
    const values = enumValues(service, operation, last);
    if (values.length) return values;
  }
  if (!word.startsWith('-')) return [];
  const options = operationArguments(service, svc, operation).map((a) => a.action.option);
  return [...options, ...GLOBAL_OPTIONS.map((o) => o.option)].filter((o) => !before.includes(o));
}
