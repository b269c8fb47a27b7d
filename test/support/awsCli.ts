import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  return new Promise((resolve, reject) => {
    const child = spawn(AWS, ['--endpoint-url', url, ...args], { env: opts.env ?? cliEnv(), cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }));
  });
}
