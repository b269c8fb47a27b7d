import { readFileSync } from 'node:fs';
import { cli } from './cli';

process.exitCode = cli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  read: (f) => readFileSync(f, 'utf8'),
  stdin: () => readFileSync(0, 'utf8'),
});
