import type { MessageKey } from '../../../i18n';
import { say } from '../said';
import type { ConsoleCommand } from '../types';
import { parsed } from '../types';

/** The key of what a command does, in the locale files (`console.cmd.<name>`). */
export const helpKey = (name: string) => `console.cmd.${name}` as MessageKey;

/** `help` lists the commands with their usage; `help <command>` says what one does. Reads the command table. */
export function helpCommand(commands: () => readonly ConsoleCommand[]): ConsoleCommand<{ topic?: string }> {
  return {
    name: 'help',
    usage: ['help', 'help <command>'],
    help: "Lists the console's commands, or says what one command does and how to write it.",
    time: 'none',
    alwaysAllowed: true,
    complete: (before) => (before.length === 0 ? commands().map((c) => c.name) : []),
    parse: (words) => parsed(words[0] !== undefined ? { topic: words[0] } : {}),
    run: ({ topic }) => {
      const all = commands();
      if (topic === undefined) {
        const width = Math.max(...all.map((c) => c.name.length));
        const table = all.map((c) => `  ${c.name.padEnd(width)}  ${c.usage[0]!}`).join('\n');
        const head = say('console.help.commands');
        return { output: `${head.output}\n${table}`, pieces: [...head.pieces!, table], exitCode: 0 };
      }
      const c = all.find((x) => x.name === topic);
      if (!c) return say('console.help.noCommand', { topic, commands: all.map((x) => x.name).join(', ') }, 1);
      const usage = [`usage: ${c.usage[0]!}`, ...c.usage.slice(1).map((u) => `       ${u}`)].join('\n');
      return { output: [usage, '', c.help].join('\n'), pieces: [usage, '', { key: helpKey(c.name) }], exitCode: 0 };
    },
  };
}
