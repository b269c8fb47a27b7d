import type { ConsoleCommand, ConsoleSession } from '../types';
import { parsed } from '../types';

/** The shell builtins tutorials use: echo, export and unset on the session's variables, true and false. */

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const setVar = (session: ConsoleSession, name: string, value: string) => Object.defineProperty(session.env, name, { value, enumerable: true, writable: true, configurable: true });

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\u0007', b: '\b', e: '\u001b', f: '\f', r: '\r', v: '\v', '0': '\0' };

/** echo -e's escapes; `\c` ends the output there, as bash's echo does. */
function escapes(s: string): string {
  let out = '';
  let from = 0;
  for (const m of s.matchAll(/\\([nt\\abefrv0c])/g)) {
    out += s.slice(from, m.index);
    if (m[1] === 'c') return out;
    out += ESCAPES[m[1]!]!;
    from = m.index + 2;
  }
  return out + s.slice(from);
}

export const echoCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'echo',
  usage: ['echo [-n] [-e] [text ...]'],
  help: 'Prints its arguments, separated by spaces, after the shell has expanded them ($VAR, ${VAR}, $(command)).',
  time: 'none',
  alwaysAllowed: true,
  parse: (words) => parsed({ words }),
  run: ({ words }) => {
    let i = 0;
    let interpret = false;
    while (i < words.length && /^-[neE]+$/.test(words[i]!)) {
      if (words[i]!.includes('e')) interpret = true;
      if (words[i]!.includes('E')) interpret = false;
      i++;
    }
    const text = words.slice(i).join(' ');
    return { output: interpret ? escapes(text) : text, exitCode: 0 };
  },
};

export const exportCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'export',
  usage: ['export NAME=value ...', 'export NAME ...'],
  help: 'Sets shell variables for the commands after it (AWS_DEFAULT_REGION and AWS_DEFAULT_OUTPUT are read by aws); with no arguments, lists them.',
  time: 'none',
  alwaysAllowed: true,
  parse: (words) => parsed({ words: words.filter((w) => w !== '-p') }),
  run: ({ words }, { session }) => {
    if (words.length === 0)
      return {
        output: Object.entries(session.env)
          .map(([k, v]) => `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"`)
          .join('\n'),
        exitCode: 0,
      };
    const bad: string[] = [];
    for (const w of words) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w : w.slice(0, eq);
      if (!NAME.test(name)) bad.push(`bash: export: \`${w}': not a valid identifier`);
      else if (eq >= 0) setVar(session, name, w.slice(eq + 1));
    }
    return { output: bad.join('\n'), exitCode: bad.length ? 1 : 0 };
  },
};

export const unsetCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'unset',
  usage: ['unset NAME ...'],
  help: "Removes shell variables (unset AWS_DEFAULT_REGION goes back to the scenario's region).",
  time: 'none',
  alwaysAllowed: true,
  parse: (words) => parsed({ words }),
  run: ({ words }, { session }) => {
    for (const w of words) if (Object.hasOwn(session.env, w)) delete session.env[w];
    return { output: '', exitCode: 0 };
  },
};

const status = (name: 'true' | 'false', exitCode: number): ConsoleCommand<Record<string, never>> => ({
  name,
  usage: [name],
  help: `Does nothing and ends with status ${exitCode}, as in a shell (for && and || in a line).`,
  time: 'none',
  alwaysAllowed: true,
  parse: () => parsed({}),
  run: () => ({ output: '', exitCode }),
});

export const trueCommand = status('true', 0);
export const falseCommand = status('false', 1);
