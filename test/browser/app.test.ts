import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './chromium';

// The built page, as a learner gets it: runs scenarios offline, shows problems with their line,
// and keeps the learner's text across a reload.
describe.runIf(chromiumAvailable('app'))('the scenario page', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    const root = resolve(import.meta.dirname, '../..');
    const outDir = resolve(root, 'node_modules/.cache/app-test-dist');
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    url = server.resolvedUrls!.local[0]!;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the example, reports a broken scenario at its line, and keeps the text across a reload', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(url)) external.push(r.url()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('3 of 3 expectations held');
    expect(await page.locator('pre').textContent()).toContain('is RUNNING on i-2.');

    const editor = page.getByLabel('Scenario');
    await editor.fill('name: broken\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: demo }\n');
    await editor.press('Control+Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('The scenario cannot run');
    expect(await page.locator('pre').textContent()).toMatch(/^scenario\.yaml:4:\d+: /);

    await page.reload();
    expect(await page.getByLabel('Scenario').inputValue()).toContain('name: broken');
    await page.getByRole('button', { name: 'Reset to the example' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('3 of 3 expectations held');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('runs console commands against the world where the scenario stopped, with history and the CLI error text', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Reset to the example' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('3 of 3 expectations held');
    const cmd = page.getByLabel('Command');
    await cmd.fill('aws ecs list-clusters');
    await cmd.press('Enter');
    const log = page.getByRole('log');
    await expect.poll(() => log.textContent()).toContain('"clusterArns": [');
    await cmd.fill('aws ecs describe-services --cluster nope --services web');
    await cmd.press('Enter');
    await expect.poll(() => log.textContent()).toContain('An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.');
    await cmd.press('ArrowUp');
    expect(await cmd.inputValue()).toBe('aws ecs describe-services --cluster nope --services web');
    await cmd.press('ArrowUp');
    expect(await cmd.inputValue()).toBe('aws ecs list-clusters');
    await cmd.fill('aws ecs describe-t');
    await cmd.press('Tab');
    expect(await cmd.inputValue()).toBe('aws ecs describe-task');
    await expect.poll(() => page.getByText('describe-task-definition  describe-tasks').count()).toBe(1);
    await cmd.fill('aws ecs list-clu');
    await cmd.press('Tab');
    expect(await cmd.inputValue()).toBe('aws ecs list-clusters ');
    await page.screenshot({ path: resolve(import.meta.dirname, '../../node_modules/.cache/console.png'), fullPage: true });
  });
});
