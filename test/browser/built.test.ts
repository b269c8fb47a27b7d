import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build, createLogger, createServer as createViteServer, preview } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './chromium';

const root = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(root, 'test-output');
const DIST = resolve(root, 'node_modules/.cache/built-test-dist');

// The schema says family is a string: only Monaco's JSON worker words the problem this way.
const BROKEN_TASKDEF = '{\n  "family": 5,\n  "containerDefinitions": []\n}';

const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

/** A production build, as `npm run build` makes it (Vitest sets NODE_ENV to test, which Vite follows). */
async function productionBuild(outDir: string): Promise<void> {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
}

describe.runIf(chromiumAvailable('built'))('the built page: its Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    await productionBuild(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Records CSP violations (before any page script runs), console errors and uncaught errors. */
  async function watched(context: BrowserContext): Promise<{ page: Page; problems: () => Promise<string[]> }> {
    await context.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        const by = e.originalPolicy.includes('report-uri') ? 'the header' : 'the meta tag';
        w.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} by ${by}`);
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page: ${String(e)}`));
    const problems = async () => [...errors, ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations))];
    return { page, problems };
  }

  const ready = (page: Page) => page.locator('html[data-ready="true"]').waitFor();
  const consoleOutput = (page: Page) => page.getByRole('log', { name: 'Console output' });

  async function command(page: Page, line: string, answer: string | RegExp): Promise<void> {
    await page.getByRole('tab', { name: 'Console' }).click();
    await page.getByLabel('Command').fill(line);
    await page.getByLabel('Command').press('Enter');
    await expect.poll(() => consoleOutput(page).textContent()).toMatch(answer);
  }

  /** Opens the editor with a task definition the schema refuses: the JSON worker's marker shows. */
  async function jsonWorkerMarks(page: Page): Promise<void> {
    await page.getByRole('tab', { name: 'Editor' }).click();
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    // Pasted, as a learner brings a task definition in (typing would auto-close brackets).
    await page.evaluate((t) => navigator.clipboard.writeText(t), BROKEN_TASKDEF);
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.monaco-editor .squiggly-warning').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Go to the marker (F8): its message is the JSON language service's, computed in the worker.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await expect.poll(() => page.locator('.monaco-editor').first().textContent()).toContain('Incorrect type. Expected "string".');
    await page.keyboard.press('Escape');
  }

  it('carries the policy in the page', () => {
    const page = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|frame-ancestors|report-uri/);
  });

  it('works under the policy in vite preview (editor, workers, console, lessons, export) and reports a violation', async () => {
    const reports: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (msg) => void reports.push(msg);
    const server = await preview({ root, customLogger: logger, build: { outDir: DIST }, preview: { port: 0, host: '127.0.0.1' } });
    open.push({ close: () => server.close() });
    const url = server.resolvedUrls!.local[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, permissions: CLIPBOARD });
    open.push(context);
    const { page, problems } = await watched(context);
    const response = await page.goto(url);
    expect(response!.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'.*report-uri \/__csp-report/);
    await ready(page);

    await jsonWorkerMarks(page);
    await command(page, 'aws ecs list-clusters', '"clusterArns": [');
    await page.getByRole('button', { name: 'Lessons' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('L1: Meet the monolith');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    expect((await download).suggestedFilename()).toBe('ecs-sandbox-workspace.json');
    expect(await problems()).toEqual([]);
    expect(reports).toEqual([]);

    // An injected inline script and a string handed to setTimeout (eval by another name) are blocked,
    // do not run, and are reported to the page, once by each policy, and by the header to the server.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true;';
      document.head.append(s);
      setTimeout('window.injected = true;', 0);
      await new Promise((done) => setTimeout(done, 200));
      return (window as unknown as { injected?: boolean }).injected ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(() => page.evaluate(() => [...(window as unknown as { violations: string[] }).violations].sort())).toEqual([
      expect.stringMatching(/^script-src blocked eval .* by the header$/),
      expect.stringMatching(/^script-src blocked eval .* by the meta tag$/),
      expect.stringMatching(/^script-src-elem blocked inline .* by the header$/),
      expect.stringMatching(/^script-src-elem blocked inline .* by the meta tag$/),
    ]);
    await expect.poll(() => reports.map((r) => /^CSP violation: (\S+ blocked \S+)/.exec(r)?.[1]).sort()).toEqual(['script-src blocked eval', 'script-src-elem blocked inline']);
  }, 120_000);

  it('keeps the policy on the dev server without breaking Vite\'s client', async () => {
    const reports: string[] = [];
    const logger = createLogger('warn');
    logger.warn = (msg) => void reports.push(msg);
    const server = await createViteServer({ root, customLogger: logger, server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    open.push({ close: () => server.close() });
    const context = await browser.newContext();
    open.push(context);
    const { page, problems } = await watched(context);
    const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 60_000 });
    const response = await page.goto(server.resolvedUrls!.local[0]!);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-[^']+'/);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    await connected;
    await command(page, 'aws ecs list-clusters', '"clusterArns": [');
    expect(await problems()).toEqual([]);
    expect(reports.filter((r) => r.includes('CSP'))).toEqual([]);
  }, 120_000);
});
