import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * src/cli/main.ts is the process itself: it runs the CLI on process.argv as it is imported. Here it runs in
 * this process with its writes to file descriptors 1 and 2 and its reads of standard input played by the test.
 */
const io = vi.hoisted(() => ({
  written: { 1: '', 2: '' } as Record<number, string>,
  stdin: '',
  /** How each write answers: how many bytes it takes, or the error it throws. */
  write: (_fd: number, bytes: Buffer, offset: number): number => bytes.length - offset,
}));

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const fake = {
    ...fs,
    writeSync: (fd: number, bytes: Buffer, offset: number) => {
      const n = io.write(fd, bytes, offset);
      io.written[fd] += bytes.subarray(offset, offset + n).toString('utf8');
      return n;
    },
    readFileSync: (f: unknown, ...rest: unknown[]) => (f === 0 ? io.stdin : (fs.readFileSync as (...a: unknown[]) => unknown)(f, ...rest)),
  };
  return { ...fake, default: fake };
});

const errno = (code: string) => Object.assign(new Error(code), { code });

/** Runs `sim <args>` as the process would; its exit code, or what it threw. */
const MAIN = resolve(import.meta.dirname, '../../src/cli/main.ts');
let runs = 0;
async function sim(args: string[]): Promise<number | undefined> {
  process.argv = ['node', 'src/cli/main.ts', ...args];
  process.exitCode = undefined;
  // A module of its own each time (the query), on the same CLI beneath it.
  await import(/* @vite-ignore */ `${MAIN}?run=${++runs}`);
  return process.exitCode as number | undefined;
}

const argv = process.argv;
beforeEach(() => {
  io.written = { 1: '', 2: '' };
  io.stdin = '';
  io.write = (_fd, bytes, offset) => bytes.length - offset;
});
afterEach(() => {
  process.argv = argv;
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('the sim process', () => {
  it('reads the lessons from the lessons folder beside src, and exits with the status the command gives', async () => {
    expect(await sim(['lesson', '--list'])).toBe(0);
    const ids = io.written[1]!.trim().split('\n');
    const folders = readdirSync(resolve(import.meta.dirname, '../../lessons')).filter((f) => /^L\d+$/.test(f));
    expect([...ids].sort()).toEqual([...folders].sort());
    expect(ids.slice(0, 2)).toEqual(['L1', 'L2']);
    expect(io.written[2]).toBe('');
  });

  it("replays a lesson's trap from its files and exits 1 when it does not pass", async () => {
    expect(await sim(['lesson', 'L1', '--trap', '1'])).toBe(1);
    expect(io.written[1]).toMatch(/^# L1 /);
    expect(io.written[1]).toMatch(/not passed\n$/);
  });

  it('writes errors to standard error, and exits 2 for a file it cannot read', async () => {
    expect(await sim(['run', 'test/cli/no-such-scenario.yaml'])).toBe(2);
    expect(io.written[1]).toBe('');
    expect(io.written[2]).toContain('test/cli/no-such-scenario.yaml');
  });

  it('takes the console commands from standard input, output to standard output and failures to standard error', async () => {
    io.stdin = 'aws ecs create-cluster --cluster-name demo\naws ecs describe-clusters --bogus\n';
    expect(await sim(['console'])).toBe(252);
    expect(io.written[1]).toContain('$ aws ecs create-cluster --cluster-name demo\n{\n    "cluster": {');
    expect(io.written[1]).toContain('$ aws ecs describe-clusters --bogus\n');
    expect(io.written[2]).toContain('Unknown options: --bogus');
  });

  it('writes all of a report a pipe takes a piece at a time, waiting while the pipe is full', async () => {
    let full = 0;
    io.write = (fd, bytes, offset) => {
      if (fd === 1 && full++ % 3 === 0) throw errno('EAGAIN');
      return Math.min(5, bytes.length - offset);
    };
    const wait = vi.spyOn(Atomics, 'wait');
    expect(await sim(['lesson', '--list'])).toBe(0);
    expect(io.written[1]).toMatch(/^L1\nL2\n(L\d+\n)+$/);
    expect(io.written[1]!.split('\n')).toHaveLength(readdirSync(resolve(import.meta.dirname, '../../lessons')).filter((f) => /^L\d+$/.test(f)).length + 1);
    expect(wait).toHaveBeenCalled();
    expect(wait.mock.calls[0]!.slice(1)).toEqual([0, 0, 2]);
  });

  it('stops quietly, with status 0, when the reader of a pipe stops reading (| head)', async () => {
    io.write = (fd) => {
      throw errno(fd === 1 ? 'EPIPE' : 'EBADF');
    };
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw Object.assign(new Error('exit'), { exit: code });
    }) as never);
    await expect(sim(['lesson', '--list'])).rejects.toMatchObject({ exit: 0 });
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('does not hide another failure to write', async () => {
    io.write = () => {
      throw errno('EBADF');
    };
    await expect(sim(['lesson', '--list'])).rejects.toMatchObject({ code: 'EBADF' });
  });
});
