import type { ConsoleCommand } from '../types';
import { parsed } from '../types';

/** `help` lists the commands with their usage; `help <command>` says what one does. Reads the command table. */
export function helpCommand(commands: () => readonly ConsoleCommand[]): ConsoleCommand<{ topic?: string }> {
  return {
    name: 'help',
    usage: ['help', 'help <command>'],
    help: 'Lists the console\'s commands, or says what one command does and how to write it.',
    time: 'none',
    alwaysAllowed: true,
    complete: (before) => (before.length === 0 ? commands().map((c) => c.name) : []),
    parse: (words) => parsed(words[0] !== undefined ? { topic: words[0] } : {}),
    run: ({ topic }) => {
      const all = commands();
      if (topic === undefined) {
        const width = Math.max(...all.map((c) => c.name.length));
        return { output: ['Commands (help <command> for more):', ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.usage[0]!}`)].join('\n'), exitCode: 0 };
      }
      const c = all.find((x) => x.name === topic);
      if (!c) return { output: `help: no command '${topic}'; the commands are: ${all.map((x) => x.name).join(', ')}`, exitCode: 1 };
      return { output: [`usage: ${c.usage[0]!}`, ...c.usage.slice(1).map((u) => `       ${u}`), '', c.help].join('\n'), exitCode: 0 };
    },
  };
}
