import { readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cli } from './cli';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to a file descriptor before going on. process.stdout queues what a pipe cannot take yet, so a long
 * run's report piped to another program would sit in memory whole; written here, it costs one piece at a time.
 */
function writeAll(fd: number, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The pipe is full: wait a moment for the reader.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 2);
      // A reader that stops early (| head) is not an error.
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw e;
    }
  }
}

process.exitCode = cli(process.argv.slice(2), {
  out: (s) => writeAll(1, s),
  err: (s) => writeAll(2, s),
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
