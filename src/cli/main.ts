import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cli } from './cli';

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = cli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  read: (f) => readFileSync(f, 'utf8'),
  stdin: () => readFileSync(0, 'utf8'),
  lessons: () => {
    // Every text file under lessons/, keyed by its path inside it.
    const root = resolve(import.meta.dirname, '../../lessons');
    const files: Record<string, string> = {};
    for (const f of readdirSync(root, { recursive: true }) as string[]) {
      const p = join(root, f);
      if (statSync(p).isFile()) files[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
    return files;
  },
});
