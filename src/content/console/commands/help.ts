import type { MessageKey } from '../../../i18n';
import { say } from '../said';
import type { CommandResult, ConsoleCommand } from '../types';
import { parsed } from '../types';

/** The key of what a command does, in the locale files (`console.cmd.<name>`). */
export const helpKey = (name: string) => `console.cmd.${name}` as MessageKey;

/** Rows of names and usages, the names padded to the widest. */
function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([n]) => n.length));
  return rows.map(([n, u]) => `  ${n.padEnd(width)}  ${u}`).join('\n');
}

/**
 * The form of a command's usage that a lesson's prefix names: "docker ps" is "docker ps [-a]" of the line
 * "docker ps [-a] | images | logs …" (its alternatives replace "ps"), and "docker compose" the whole Compose line
 * (its alternatives come after the prefix). A prefix no usage line names reads "<prefix> …".
 */
export function lessonUsage(c: ConsoleCommand, prefix: string): string {
  const n = prefix.split(' ').length;
  for (const line of c.usage) {
    const [first, ...alternatives] = line.split(' | ') as [string, ...string[]];
    const words = first.split(' ');
    // The word the alternatives stand in for: the last one that is not an option or a placeholder.
    const k = words.length - 1 - [...words].reverse().findIndex((w) => !/^[[<(-]/.test(w));
    const forms = k < n ? [first, ...alternatives.map((a) => [...words.slice(0, k), a].join(' '))] : [line];
    const hit = forms.find((f) => f === prefix || f.startsWith(`${prefix} `));
    if (hit) return hit;
  }
  return n === 1 ? c.usage[0]! : `${prefix} …`;
}

/** In a lesson: the commands its prefixes let through, then those every lesson allows (sleep, help), and a line saying the rest are off. */
function lessonHelp(all: readonly ConsoleCommand[], prefixes: readonly string[]): CommandResult {
  const rows: [string, string][] = [];
  for (const p of prefixes) {
    const c = all.find((x) => x.name === p.split(' ')[0]);
    if (c) rows.push([p, lessonUsage(c, p)]);
  }
  for (const c of all) if ((c.name === 'sleep' || c.name === 'help') && !prefixes.includes(c.name)) rows.push([c.name, c.usage[0]!]);
  const head = say('console.help.lessonCommands');
  const foot = say('console.help.othersOff');
  const body = table(rows);
  return { output: [head.output, body, foot.output].join('\n'), pieces: [...head.pieces!, body, ...foot.pieces!], exitCode: 0 };
}

/**
 * `help` lists the commands with their usage (in a lesson, those the lesson lets through); `help <command>` says
 * what one does. Reads the command table.
 */
export function helpCommand(commands: () => readonly ConsoleCommand[]): ConsoleCommand<{ topic?: string }> {
  return {
    name: 'help',
    usage: ['help', 'help <command>'],
    help: "Lists the console's commands, or says what one command does and how to write it.",
    time: 'none',
    alwaysAllowed: true,
    complete: (before) => (before.length === 0 ? commands().map((c) => c.name) : []),
    parse: (words) => parsed(words[0] !== undefined ? { topic: words[0] } : {}),
    run: ({ topic }, ctx) => {
      const all = commands();
      if (topic === undefined) {
        const prefixes = (ctx.allowed ?? []).filter((a) => !a.startsWith('editor.'));
        if (prefixes.length) return lessonHelp(all, prefixes);
        const body = table(all.map((c) => [c.name, c.usage[0]!]));
        const head = say('console.help.commands');
        return { output: `${head.output}\n${body}`, pieces: [...head.pieces!, body], exitCode: 0 };
      }
      const c = all.find((x) => x.name === topic);
      if (!c) return say('console.help.noCommand', { topic, commands: all.map((x) => x.name).join(', ') }, 1);
      const usage = [`usage: ${c.usage[0]!}`, ...c.usage.slice(1).map((u) => `       ${u}`)].join('\n');
      return { output: [usage, '', c.help].join('\n'), pieces: [usage, '', { key: helpKey(c.name) }], exitCode: 0 };
    },
  };
}
