import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build, createLogger, createServer as createViteServer, preview, type Plugin } from 'vite';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';

const root = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(root, 'test-output');
const DIST = resolve(root, 'node_modules/.cache/built-test-dist');
const DIST2 = resolve(root, 'node_modules/.cache/built-test-dist-2');
/** The build folder as a school's server might publish it: below a sub-path, not at `/`. */
const SUB = '/classroom/ecs-sandbox/';

// The schema says family is a string: only Monaco's JSON worker words the problem this way.
const BROKEN_TASKDEF = '{\n  "family": 5,\n  "containerDefinitions": []\n}';

const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

/** Any static server: Node's http module serving a build folder under SUB; `down` refuses every connection. */
function staticServer() {
  const state = { dir: DIST, down: false, refused: [] as string[] };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (state.down) {
      state.refused.push(path);
      req.socket.destroy();
      return;
    }
    if (path === SUB.slice(0, -1)) {
      res.writeHead(301, { Location: SUB }).end();
      return;
    }
    const file = resolve(state.dir, path.startsWith(SUB) ? path.slice(SUB.length) || 'index.html' : '\0');
    if (!file.startsWith(state.dir + sep)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return { state, server };
}

const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
const builtList = (dir: string) => JSON.parse(/^const BUILD = (\{[\s\S]*?\});$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1]!) as { id: string; files: { path: string; revision: string }[] };

/** A second build of the same sources with a changed file: its page title, and the entry chunk. */
const secondBuild: Plugin = {
  name: 'test:second-build',
  transformIndexHtml: (html) => html.replace('<title>ECS Sandbox</title>', '<title>ECS Sandbox (second build)</title>'),
  renderChunk: (code, chunk) => (chunk.isEntry ? `${code}\n/* second build */\n` : null),
};

/** A production build, as `npm run build` makes it (Vitest sets NODE_ENV to test, which Vite follows). */
async function productionBuild(outDir: string, plugins: Plugin[] = []): Promise<void> {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'silent', plugins, build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
}

describe.runIf(chromiumAvailable('built'))('the built page: its Content-Security-Policy, installable and offline', () => {
  let browser: Browser;
  const files = staticServer();
  let sub: string;
  beforeAll(async () => {
    await productionBuild(DIST);
    await new Promise<void>((done) => files.server.listen(0, '127.0.0.1', done));
    sub = `http://127.0.0.1:${(files.server.address() as AddressInfo).port}${SUB}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined);
    files.state.down = false;
    files.state.dir = DIST;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => files.server.close(done));
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
  const clock = (page: Page) => page.getByLabel('Simulated time');
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

  async function controlled(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 }).toBe('activated');
  }

  it('lists every file of the build folder in its service worker, each with its revision, and carries the policy in the page', () => {
    const built = filesUnder(DIST)
      .map((f) => relative(DIST, f).split(sep).join('/'))
      .filter((p) => p !== 'sw.js')
      .sort();
    const listed = builtList(DIST).files;
    expect(listed.map((f) => f.path)).toEqual(built);
    for (const f of listed)
      expect(f.revision).toBe(
        createHash('sha256')
          .update(readFileSync(join(DIST, f.path)))
          .digest('hex')
          .slice(0, 16),
      );
    for (const kind of [
      /^index\.html$/,
      /^manifest\.webmanifest$/,
      /^icon-192\.png$/,
      /^icon-512\.png$/,
      /^icon\.svg$/,
      /^assets\/index-.*\.js$/,
      /^assets\/editor\.api-.*\.js$/,
      /^assets\/editor\.worker-.*\.js$/,
      /^assets\/json\.worker-.*\.js$/,
      /^assets\/.*\.css$/,
      /^assets\/codicon-.*\.ttf$/,
    ]) {
      expect(
        built.some((p) => kind.test(p)),
        String(kind),
      ).toBe(true);
    }
    const page = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|frame-ancestors|report-uri/);
    // Nothing in the page assumes it is served at `/`.
    expect(page).not.toMatch(/(src|href)="\/(?!\/)/);
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')) as { start_url: string; scope: string };
    expect([manifest.start_url, manifest.scope]).toEqual(['./', './']);
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
    await expect
      .poll(() => page.evaluate(() => [...(window as unknown as { violations: string[] }).violations].sort()))
      .toEqual([
        expect.stringMatching(/^script-src blocked eval .* by the header$/),
        expect.stringMatching(/^script-src blocked eval .* by the meta tag$/),
        expect.stringMatching(/^script-src-elem blocked inline .* by the header$/),
        expect.stringMatching(/^script-src-elem blocked inline .* by the meta tag$/),
      ]);
    await expect.poll(() => reports.map((r) => /^CSP violation: (\S+ blocked \S+)/.exec(r)?.[1]).sort()).toEqual(['script-src blocked eval', 'script-src-elem blocked inline']);
  }, 120_000);

  it("keeps the policy on the dev server without breaking Vite's client", async () => {
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
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    expect(await problems()).toEqual([]);
    expect(reports.filter((r) => r.includes('CSP'))).toEqual([]);
  }, 120_000);

  it('installs from a sub-path of a static server: its manifest and icons are what Chromium asks for', async () => {
    const context = await browser.newContext();
    open.push(context);
    const page = await context.newPage();
    await page.goto(sub);
    await ready(page);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const app = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
    expect(app.url).toBe(`${sub}manifest.webmanifest`);
    expect(app.errors).toEqual([]);
    // A Playwright context is an incognito profile, where Chromium never offers to install: every other check passes.
    const installability = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);
    expect(installability.filter((id) => id !== 'in-incognito')).toEqual([]);
    const manifest = JSON.parse(app.data!) as { icons: { src: string; sizes: string; purpose: string }[] };
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', 'any any', '512x512 maskable']));
    for (const icon of manifest.icons) expect((await page.request.get(new URL(icon.src, app.url).href)).status()).toBe(200);
  }, 60_000);

  it('comes back offline from the sub-path: reload, the editor, a lesson played, deep and share links', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: CLIPBOARD });
    open.push(context);
    const { page, problems } = await watched(context);
    await page.goto(sub);
    await ready(page);
    await controlled(page);

    // No network, and the server gone too: the browser's offline mode does not always cover workers.
    await context.setOffline(true);
    files.state.down = true;
    await page.reload();
    await ready(page);
    await jsonWorkerMarks(page);

    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /L1: Meet the monolith/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Lesson L1' }).count()).toBe(1);
    const before = await clock(page).textContent();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => clock(page).textContent()).not.toBe(before);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await command(page, 'curl localhost:3000/api/users', '200 OK /api/users');

    // The start of step 2: step 1's five commands (the image pushed to ECR) done.
    await page.goto(`${sub}?lesson=L4&step=2`);
    await ready(page);
    await expect.poll(() => page.getByRole('region', { name: 'Lesson L4' }).count()).toBe(1);
    await expect.poll(() => page.getByText('5 actions', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link.slice(0, link.indexOf('#'))).toBe(sub);
    const other = await context.newPage();
    await other.goto(link);
    await ready(other);
    await expect.poll(() => other.getByRole('status', { name: 'Messages' }).textContent()).toContain('Opened a shared sandbox: 5 actions');
    await other.close();

    expect(await problems()).toEqual([]);
    // What the server was asked while down: at most the browser's own look for a new service worker.
    expect(files.state.refused.filter((p) => p !== `${SUB}sw.js`)).toEqual([]);
  }, 120_000);

  it('offers a new build once it is published, and switches to it only when the learner chooses Reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    open.push(context);
    const { page, problems } = await watched(context);
    await page.goto(sub);
    await ready(page);
    await controlled(page);
    const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    expect(await prompt.count()).toBe(0);

    await productionBuild(DIST2, [secondBuild]);
    expect(builtList(DIST2).id).not.toBe(builtList(DIST).id);
    files.state.dir = DIST2;
    // The browser looks for a new service worker when the page is visited again.
    await page.reload();
    await ready(page);
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.title()).toBe('ECS Sandbox');
    await page.screenshot({ path: resolve(SHOTS, 'update-prompt-1280x720.png') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: resolve(SHOTS, 'update-prompt-1024x768.png') });
    const axe = await new AxeBuilder({ page }).include('.update-prompt').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // Not now, then a reload: still the page the learner had, and the offer again.
    await prompt.getByRole('button', { name: 'Not now' }).click();
    expect(await prompt.count()).toBe(0);
    await page.reload();
    await ready(page);
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.title()).toBe('ECS Sandbox');

    // Reload, from the keyboard: the new build, and only its files kept.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let i = 0; i < 6 && focused !== 'Reload'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Reload');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('ECS Sandbox (second build)');
    await ready(page);
    expect(await prompt.count()).toBe(0);
    const scope = sub;
    expect(await page.evaluate((s) => caches.keys().then((k) => k.filter((n) => n.includes(s))), scope)).toEqual([`ecs-sandbox ${scope} ${builtList(DIST2).id}`]);

    await context.setOffline(true);
    files.state.down = true;
    await page.reload();
    await ready(page);
    expect(await page.title()).toBe('ECS Sandbox (second build)');
    await command(page, 'aws ecs list-clusters', '"clusterArns": [');
    expect(await problems()).toEqual([]);
  }, 120_000);
});
