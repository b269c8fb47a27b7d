import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { openPage, servedBuild } from '../support/browser/page';

// The built page: a task chosen on the canvas is the marked row of the Tasks table, in both themes.
describe.runIf(chromiumAvailable('tables'))("the world's tables mark the task the canvas rings", () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await servedBuild('tables-test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tasks = (page: Page) => page.getByRole('table', { name: /^Tasks/ });
  /** How a table row's first cell is drawn: its background and the bar at its start. */
  const look = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((row) => {
        const cs = getComputedStyle(row.querySelector('td')!);
        return { background: cs.backgroundColor, bar: cs.boxShadow };
      });

  it('marks the row with aria-current, visibly in the light and the dark theme, and follows a choice made from the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await openPage(page, url);
      await page.getByLabel('Scenario').selectOption('busy-cluster');
      await expect.poll(() => page.getByLabel('Seed').inputValue()).toBe('7');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.getByLabel('Speed').selectOption('600');
      await expect.poll(() => page.locator('.canvas button.chip.s-running').count(), { timeout: 20_000 }).toBeGreaterThan(2);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();

      // Chosen on the canvas: its chip is ringed; in the tables its row is the current one.
      const chip = page.locator('.canvas button.chip.s-running').first();
      const id = (await chip.getAttribute('aria-label'))!;
      await chip.click();
      await expect.poll(() => page.locator('.canvas .chip.chosen').count()).toBe(1);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('v');
      await expect.poll(() => tasks(page).count()).toBe(1);
      const current = tasks(page).locator('tbody tr[aria-current="true"]');
      await expect.poll(() => current.count()).toBe(1);
      const shortId = (await current.locator('button').textContent())!.trim();
      expect(id).toContain(shortId);

      for (const theme of ['light', 'dark'] as const) {
        if ((await page.locator('html').getAttribute('data-theme')) !== theme) {
          await page.locator('body').click({ position: { x: 5, y: 5 } });
          await page.keyboard.press('t');
          await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
        }
        const marked = await look(page, '.tables tr[aria-current="true"]');
        const plain = await look(page, '.tables tbody tr:not([aria-current])');
        expect(marked.background, theme).not.toBe(plain.background);
        expect(marked.bar, theme).not.toBe('none');
        expect(plain.bar, theme).toBe('none');
        const r = await new AxeBuilder({ page }).include('.tables').withTags(['wcag2a', 'wcag2aa']).analyze();
        expect(r.violations.map((v) => `${theme}: ${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      }

      // From the keyboard: another row's button, reached with the focus and pressed with Enter, takes the mark.
      const other = tasks(page).locator('tbody tr:not([aria-current]) button').first();
      const otherId = (await other.textContent())!.trim();
      await other.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await current.locator('button').textContent())?.trim()).toBe(otherId);
      await expect.poll(() => current.count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);
});
