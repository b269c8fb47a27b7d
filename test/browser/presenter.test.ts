import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './chromium';
import { openPage, root, servedBuild } from './page';

/** Screenshots of the instructor's views (test-output/ is not committed). */
const SHOTS = resolve(root, 'test-output/presenter');

const clock = (page: Page) => page.getByLabel('Simulated time');

/** How many rows the controls of the page's first bar stand in. */
const HEADER_ROWS = `(() => {
  const header = document.querySelector('header.bar');
  const mids = [...header.querySelectorAll('h1, button, select, input')].filter((e) => e.getClientRects().length).map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; }).sort((a, b) => a - b);
  const rows = [];
  for (const m of mids) if (!rows.length || m - rows[rows.length - 1] > 14) rows.push(m);
  return rows.length;
})()`;

describe.runIf(chromiumAvailable('presenter'))('the instructor: presenter view, two windows, demos side by side', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await servedBuild('presenter-test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);
  const open: BrowserContext[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function context(opts: { width?: number; height?: number; theme?: 'light' | 'dark' } = {}): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 }, colorScheme: opts.theme ?? 'light', reducedMotion: 'reduce' });
    open.push(ctx);
    const errors: string[] = [];
    ctx.on('weberror', (e) => errors.push(String(e.error())));
    const page = await ctx.newPage();
    return { ctx, page, errors };
  }

  async function axe(page: Page, view: string): Promise<void> {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(r.violations.map((v) => `${view}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}: ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`)).toEqual([]);
  }

  it('presenter view: the way out is always shown with its key; in a demo the way in is labelled, the header keeps one row, Continue runs the clock again and the notes stay off the projected view', async () => {
    const { page, errors } = await context();
    await openPage(page, url);
    await page.keyboard.press('p');
    const leave = page.getByRole('button', { name: 'Leave presenter view (P)' });
    expect(await leave.getAttribute('aria-keyshortcuts')).toBe('P');
    expect(await leave.textContent()).toBe('Leave presenter view P');
    await leave.click();
    await expect.poll(() => page.getByRole('banner', { name: 'Sandbox' }).count()).toBe(1);

    await openPage(page, `${url}?demo=game-day&t=7m40s`);
    const demo = page.getByRole('region', { name: /^Demo: Game day/ });
    await expect.poll(() => demo.count()).toBe(1);
    // Outside presenter view the instructor prepares: notes, and a labelled way in.
    expect(await demo.getByText('Presenter notes').count()).toBe(1);
    expect(await page.evaluate(HEADER_ROWS)).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'demo-1280x720.png') });
    // The next question is announced in the clock's own format.
    expect(await demo.textContent()).toContain('Next question at 0:07:50.');
    expect(await clock(page).textContent()).toBe('0:07:40');
    await page.getByRole('button', { name: 'Enter presenter view (P)' }).click();
    await expect.poll(() => page.getByRole('banner', { name: 'Presenter view' }).count()).toBe(1);
    expect(await page.getByText('Presenter notes').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Enter presenter view (P)' }).count()).toBe(0);
    await page.getByLabel('Speed').selectOption('10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const q = page.getByRole('alertdialog');
    await expect.poll(() => q.count(), { timeout: 15_000 }).toBe(1);
    expect(await clock(page).textContent()).toBe('0:07:50');
    await page.keyboard.press('Enter');
    await expect.poll(() => q.textContent()).toContain('What happens:');
    await page.keyboard.press('Enter');
    await expect.poll(() => q.count()).toBe(0);
    // Continue: the clock runs again by itself.
    await expect.poll(() => clock(page).textContent(), { timeout: 10_000 }).not.toBe('0:07:50');
    expect(await page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    expect(await demo.textContent()).toContain('Next question at 0:11:50.');
    expect(await page.getByText('Presenter notes').count()).toBe(0);
    await axe(page, 'demo in presenter view');
    expect(errors).toEqual([]);
  }, 120_000);
});
