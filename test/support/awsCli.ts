import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real AWS CLI v2 (Debian's awscli); an older `aws` may be first on PATH, so it is called by its path. */
export const AWS = '/usr/bin/aws';

/** Tests of the real CLI run where it is installed; CI installs it, so there a missing CLI is a failure. */
export function awsCliAvailable(suite: string): boolean {
  if (existsSync(AWS)) return true;
  if (process.env.CI) throw new Error(`${suite}: ${AWS} is missing, and CI must run the AWS CLI tests`);
  console.warn(`${suite}: ${AWS} is not installed (apt-get install awscli); these tests are skipped.`);
  return false;
}

/**
 * A private environment for the CLI: test credentials, us-east-1, empty config and credentials files, no pager,
 * no instance metadata look-ups, so nothing on the machine (a profile, a real account) is read or reached.
 */
export function cliEnv(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cli-'));
  writeFileSync(join(dir, 'config'), '');
  writeFileSync(join(dir, 'credentials'), '');
  return {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDSANDBOXTEST',
    AWS_SECRET_ACCESS_KEY: 'sandbox-test-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `aws --endpoint-url <url> <args…>` without blocking the event loop (the server under test runs in this process). */
export function runAws(url: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  return spawnAws(['--endpoint-url', url, ...args], opts);
}

/** Something that runs `aws <argv…>` in a directory: /usr/bin/aws itself, or its entry point in a long-lived driver. */
export interface CliRunner {
  run(argv: string[], cwd: string): Promise<CliRun>;
}

/** /usr/bin/aws, a new process for each command. */
export class SpawnedCli implements CliRunner {
  private readonly env = cliEnv();
  run(argv: string[], cwd: string): Promise<CliRun> {
    localOnly(argv);
    return spawnAws(argv, { env: this.env, cwd });
  }
}

function localOnly(argv: string[]): void {
  // Only ever a local endpoint: the CLI must never reach a real AWS account from a test.
  if (argv[0] !== '--endpoint-url' || !/^http:\/\/127\.0\.0\.1:\d+$/.test(argv[1] ?? '')) throw new Error(`the CLI is run against a local endpoint only, not ${argv.slice(0, 2).join(' ')}`);
}

function spawnAws(argv: string[], opts: { env?: Record<string, string>; cwd?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(AWS, argv, { env: opts.env ?? cliEnv(), cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }));
  });
}

/** The interpreter /usr/bin/aws runs under (its #! line). */
function cliPython(): string {
  const first = readFileSync(AWS, 'utf8').split('\n', 1)[0]!;
  return first.startsWith('#!') ? first.slice(2).trim().split(/\s+/)[0]! : '/usr/bin/python3';
}

/**
 * The installed CLI's own entry point in one long-lived interpreter (test/support/awsDriver.py): the same code
 * /usr/bin/aws runs, a fresh driver and session for each command, without half a second of start-up each time.
 */
export class AwsDriver implements CliRunner {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve: (r: CliRun) => void; reject: (e: Error) => void }[] = [];
  private buffer = '';
  private errors = '';
  private exited = false;

  constructor(env: Record<string, string> = cliEnv()) {
    this.child = spawn(cliPython(), [join(import.meta.dirname, 'awsDriver.py')], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (c: Buffer) => {
      this.buffer += c.toString('utf8');
      let nl;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.waiting.shift()?.resolve(JSON.parse(line) as CliRun);
      }
    });
    this.child.stderr.on('data', (c: Buffer) => (this.errors += c.toString('utf8')));
    this.child.stdin.on('error', () => {});
    this.child.on('exit', (code) => {
      this.exited = true;
      for (const w of this.waiting.splice(0)) w.reject(new Error(`the AWS CLI driver exited (${code}): ${this.errors}`));
    });
  }

  /** Runs `aws <argv…>` in `cwd`; commands run one at a time, in the order given. */
  run(argv: string[], cwd: string): Promise<CliRun> {
    localOnly(argv);
    if (this.exited) return Promise.reject(new Error(`the AWS CLI driver has exited: ${this.errors}`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ argv, cwd })}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }
}

/** The words bash makes of an `aws …` command line (quotes, escapes, brace expansion unless `braces` is false), without running it. */
export function shellWords(line: string, cwd: string, braces = true): string[] | { error: string } {
  const r = spawnSync('/bin/bash', ['-c', `${braces ? '' : 'set +B\n'}aws() { printf '%s\\0' aws "$@"; }\n${line}`], { cwd, env: { PATH: '/usr/bin:/bin', HOME: cwd }, encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr || `bash exited ${r.status}` };
  return r.stdout.split('\0').slice(0, -1);
}
