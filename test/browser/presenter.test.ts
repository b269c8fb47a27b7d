import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { openPage, PANE_TEXT, root, servedBuild } from '../support/browser/page';

/** Screenshots of the instructor's views (test-output/ is not committed). */
const SHOTS = resolve(root, 'test-output/presenter');

const clock = (page: Page) => page.getByLabel('Simulated time');

/** How many rows the controls of the page's first bar stand in. */
const HEADER_ROWS = `(() => {
  const header = document.querySelector('header.bar');
  const mids = [...header.querySelectorAll('h1, button, select, input, output')].filter((e) => e.getClientRects().length).map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; }).sort((a, b) => a - b);
  const rows = [];
  for (const m of mids) if (!rows.length || m - rows[rows.length - 1] > 14) rows.push(m);
  return rows.length;
})()`;

/**
 * What the side-by-side layout cuts: each word of the comparison table broken across lines (a word's
 * range with more than one line box) or a cell whose text overflows it, and each cluster or instance
 * of a pane not wholly inside that pane's canvas.
 */
const SIDE_BY_SIDE_CUTS = `(() => {
  const broken = [];
  for (const cell of document.querySelectorAll('table.compare th, table.compare td, table.compare caption')) {
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.textContent.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
    if (cell.scrollWidth > cell.clientWidth + 1) broken.push(cell.textContent + ' (overflows its cell)');
  }
  const cut = [];
  for (const frame of document.querySelectorAll('.side-by-side .canvas-frame')) {
    const box = frame.querySelector('.canvas').getBoundingClientRect();
    for (const node of frame.querySelectorAll('.inst, .cluster')) {
      const r = node.closest('.react-flow__node').getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) cut.push(frame.getAttribute('aria-label') + ': ' + node.textContent.slice(0, 24));
    }
  }
  return { broken, cut };
})()`;

/** Watches a window from its first paint: each visible button ever shown (`__buttons`) and the first text its page showed (`__first`). */
const FIRST_PAINT = `(() => {
  window.__buttons = [];
  window.__first = null;
  // Polled by a timer: a window opened by window.open keeps the window (and its timers) of its first, blank document.
  setInterval(() => {
    if (!location.search.includes('audience')) return;
    const root = document.getElementById('root');
    if (window.__first === null && root && root.textContent.trim()) window.__first = root.textContent.trim().slice(0, 300);
    for (const b of document.querySelectorAll('button')) {
      if (!b.getClientRects().length || getComputedStyle(b).visibility === 'hidden') continue;
      const name = b.getAttribute('aria-label') || b.textContent.trim();
      if (!window.__buttons.includes(name)) window.__buttons.push(name);
    }
  }, 4);
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
    // From the first paint on, every window notes the buttons it ever showed and what its first paint said.
    await ctx.addInitScript(FIRST_PAINT);
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

  /** The newest lines of a window's event log. */
  const lastEvents = (page: Page) =>
    page
      .getByRole('log', { name: /^Events/ })
      .locator('li')
      .evaluateAll((l) => l.slice(-5).map((e) => e.textContent));

  it('two windows, one world: the presenter drives, the audience follows (same clock, same question, no notes); closing one leaves the other working', async () => {
    const { ctx, page, errors } = await context();
    await openPage(page, `${url}?demo=game-day&t=7m40s&present`);
    const [audience] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open the audience window' }).click()]);
    await audience.locator('html[data-ready="true"]').waitFor();
    await audience.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => clock(audience).textContent()).toBe('0:07:40');
    await expect.poll(() => audience.getByRole('banner', { name: 'Audience view' }).textContent()).toContain('Game day');
    // The presenter's window is now the presenter's: notes, the next question and its answer.
    const notes = page.getByRole('region', { name: 'Your notes' });
    await expect.poll(() => notes.count()).toBe(1);
    expect(await notes.textContent()).toContain('Next question at 0:07:50');
    expect(await notes.textContent()).toContain('Answer: The tasks on the lost instances stop');
    expect(await notes.textContent()).toContain('Watch the canvas by AZ');
    expect(await page.getByRole('status').filter({ hasText: 'Audience window open' }).count()).toBe(1);
    // The audience's window: the world, the event log, nothing to press, no notes.
    expect(await audience.getByText('Watch the canvas by AZ').count()).toBe(0);
    expect(await audience.getByText('The tasks on the lost instances stop').count()).toBe(0);
    await expect.poll(() => audience.locator('.canvas .inst').count()).toBe(6);
    expect(await audience.getByRole('button').count()).toBe(0);
    // From its first paint the audience window was the audience's: waiting for the presenter, or (when the
    // presenter's world came before the first paint) that world under the demo's title at the presenter's time,
    // its canvas drawn or still arriving ("Drawing the world…" while the canvas's code loads); never the ordinary
    // page, never a button.
    expect(await audience.evaluate('window.__first')).toMatch(/Waiting for the presenter|^Game day: an Availability Zone is lost.*0:07:40(The world|Drawing the world…)/);
    expect(await audience.evaluate('window.__buttons')).toEqual([]);
    await page.bringToFront();
    await page.getByLabel('Speed').selectOption('10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const question = audience.getByRole('region', { name: 'Question' });
    await expect.poll(() => question.count(), { timeout: 15_000 }).toBe(1);
    expect(await question.textContent()).toContain('In 10 seconds AZ us-east-1b loses both its instances');
    expect(await question.textContent()).not.toContain('What happens');
    expect(await clock(audience).textContent()).toBe('0:07:50');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await expect.poll(() => question.textContent()).toContain('What happens: The tasks on the lost instances stop');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => question.count()).toBe(0);
    // The world moves on in both: the same time and the same events after the AZ is lost.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByLabel('Jump to').fill('9m30s');
    await page.getByLabel('Jump to').press('Enter');
    await expect.poll(() => clock(audience).textContent()).toBe('0:09:30');
    await expect.poll(() => lastEvents(audience)).toEqual(await lastEvents(page));
    await expect.poll(() => audience.locator('.canvas .inst').count()).toBe(await page.locator('.canvas .inst').count());
    await audience.screenshot({ path: resolve(SHOTS, 'audience-1280x720.png') });
    await page.screenshot({ path: resolve(SHOTS, 'presenter-window-1280x720.png') });

    // The audience's window closes: the presenter's goes back to one window, notes off the projected view, and still runs.
    await audience.close();
    await expect.poll(() => page.getByRole('button', { name: 'Open the audience window' }).count()).toBe(1);
    await expect.poll(() => notes.count()).toBe(0);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => clock(page).textContent()).not.toBe('0:09:30');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    // A second audience window, then the presenter's closes: the audience's keeps the world and says so.
    const [again] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open the audience window' }).click()]);
    await again.locator('html[data-ready="true"]').waitFor();
    const at = await clock(page).textContent();
    await expect.poll(() => clock(again).textContent()).toBe(at);
    await page.close();
    await expect.poll(() => again.getByText('The presenter window is gone').count(), { timeout: 10_000 }).toBe(1);
    expect(await clock(again).textContent()).toBe(at);
    expect(await again.locator('.canvas .inst').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('spotlight: a click in presenter view lights a node on the audience window and dims the rest; Escape clears it', async () => {
    const { ctx, page, errors } = await context();
    await openPage(page, `${url}?demo=game-day&t=2m&present`);
    const [audience] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open the audience window' }).click()]);
    await audience.locator('html[data-ready="true"]').waitFor();
    await audience.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => audience.locator('.canvas .inst').count()).toBe(6);
    await page.bringToFront();
    await page.locator('.canvas .inst-head', { hasText: 'i-b1' }).click();
    const lit = audience.locator('.canvas .react-flow__node.lit');
    await expect.poll(() => lit.count()).toBe(1);
    expect(await lit.textContent()).toContain('i-b1');
    // The other instances dim; the cluster and its zones stay as they are.
    expect(await audience.locator('.canvas .react-flow__node.dim .inst').count()).toBe(5);
    expect(await audience.locator('.canvas .react-flow__node.dim .cluster, .canvas .react-flow__node.dim .zone').count()).toBe(0);
    // The presenter's window shows the same, and no inspector opened.
    expect(await page.locator('.canvas .react-flow__node.lit').textContent()).toContain('i-b1');
    expect(await page.getByRole('region', { name: 'Inspector' }).count()).toBe(0);
    await audience.screenshot({ path: resolve(SHOTS, 'spotlight-audience-1280x720.png') });
    // A task: its instance is lit and the task's own chip marked.
    await page.locator('.canvas .inst', { hasText: 'i-c1' }).locator('.chip').first().click();
    await expect.poll(() => audience.locator('.canvas .chip.lit').count()).toBe(1);
    expect(await audience.locator('.canvas .react-flow__node.lit').textContent()).toContain('i-c1');
    await page.keyboard.press('Escape');
    await expect.poll(() => audience.locator('.canvas .react-flow__node.dim').count()).toBe(0);
    expect(await audience.locator('.canvas .react-flow__node.lit').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);

  /** Opens a demo in presenter view and its audience window beside it, at 1280×720. */
  async function twoWindows(at: string): Promise<{ page: Page; audience: Page; errors: string[] }> {
    const { ctx, page, errors } = await context();
    await openPage(page, `${url}?demo=${at}&present`);
    const [audience] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open the audience window' }).click()]);
    await audience.locator('html[data-ready="true"]').waitFor();
    await audience.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => page.getByRole('region', { name: 'Your notes' }).count()).toBe(1);
    await page.bringToFront();
    return { page, audience, errors };
  }

  /** Each choice's text as a window shows it (its number, label, pick and verdict). */
  const choiceTexts = (p: Page) => p.getByRole('list', { name: 'Answers to choose from' }).locator('li').allTextContents();

  it("a question with choices: the audience sees them while asked and no judgement, the presenter marks the room's pick, and at the reveal the choice the world bears out is marked right", async () => {
    const { page, audience, errors } = await twoWindows('placement-side-by-side&t=35s');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const question = audience.getByRole('region', { name: 'Question' });
    await expect.poll(() => question.count(), { timeout: 15_000 }).toBe(1);
    // Asked at 0:40, before the RunTask at 0:45 it asks about: the event log has no new task yet.
    expect(await clock(audience).textContent()).toBe('0:00:40');
    await expect.poll(() => choiceTexts(audience)).toEqual(['1All 4: one on each instance', '22: only two instances have 2 GiB free', '3None: binpack filled the cluster']);
    // The room's intuitive pick, marked with the key 1: both windows show it; nothing is judged yet.
    await page.keyboard.press('1');
    await expect.poll(() => choiceTexts(audience)).toEqual(["1All 4: one on each instancethe room's pick", '22: only two instances have 2 GiB free', '3None: binpack filled the cluster']);
    expect(await page.getByRole('button', { name: /All 4/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await question.textContent()).not.toMatch(/✓|✗|What happens/);
    await audience.screenshot({ path: resolve(SHOTS, 'choices-asked-audience-1280x720.png') });
    await page.getByRole('button', { name: 'Reveal' }).click();
    // Reveal runs the clock on to 0:50 and judges there: two of the four started, so the room's pick is wrong and 2 is right.
    for (const p of [page, audience]) await expect.poll(() => clock(p).textContent()).toBe('0:00:50');
    await expect.poll(() => choiceTexts(audience)).toEqual(["1All 4: one on each instancethe room's pick✗ wrong", '22: only two instances have 2 GiB free✓ right', '3None: binpack filled the cluster✗ wrong']);
    expect(await choiceTexts(page)).toEqual(await choiceTexts(audience));
    expect(await question.textContent()).toContain('What happens: Two: distinctInstance');
    await audience.screenshot({ path: resolve(SHOTS, 'choices-revealed-audience-1280x720.png') });
    await page.screenshot({ path: resolve(SHOTS, 'choices-revealed-presenter-1280x720.png') });
    expect(errors).toEqual([]);
  }, 90_000);

  it("a callout appears beside its node in both windows at its time, follows the view, and goes after its end; one without a node is the audience's banner", async () => {
    const { page, audience, errors } = await twoWindows('faults-tour&t=2m56s');
    const bubble = (p: Page) => p.locator('.canvas .callout-bubble');
    expect(await bubble(audience).count()).toBe(0);
    await page.getByLabel('Jump to').fill('3m');
    await page.getByLabel('Jump to').press('Enter');
    type Box = { x: number; y: number; width: number; height: number };
    const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
    /** How far apart two boxes are (0 when they touch or overlap). */
    const apart = (a: Box, b: Box) => Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
    const nodeOf = (p: Page, id: string) => p.locator('.canvas .react-flow__node', { has: p.locator('.inst-head', { hasText: id }) });
    for (const p of [page, audience]) {
      await expect.poll(() => bubble(p).count()).toBe(1);
      // The node still reads connected: ECS has not missed its heartbeats yet, and the callout says so.
      expect(await bubble(p).textContent()).toBe('Callout: Its agent lost its connection at 3:00: ECS reads it connected until the heartbeats go missing');
      // Beside its node, over neither it nor its neighbour i-b1 (nor any other node), and inside the canvas.
      const node = (await nodeOf(p, 'i-a1').boundingBox())!;
      const b = (await bubble(p).boundingBox())!;
      const canvas = (await p.locator('.world .canvas').boundingBox())!;
      expect(overlap(node, b)).toBe(0);
      expect(apart(node, b)).toBeLessThan(20);
      expect(overlap((await nodeOf(p, 'i-b1').boundingBox())!, b)).toBe(0);
      const others = p.locator('.canvas .react-flow__node:not(.react-flow__node-cluster):not(.react-flow__node-zone)');
      for (let i = 0; i < (await others.count()); i++) expect(overlap((await others.nth(i).boundingBox())!, b)).toBe(0);
      expect(b.x).toBeGreaterThanOrEqual(canvas.x);
      expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
      expect(parseFloat(await bubble(p).evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(17);
    }
    await audience.screenshot({ path: resolve(SHOTS, 'callout-audience-1280x720.png') });
    await page.screenshot({ path: resolve(SHOTS, 'callout-presenter-1280x720.png') });
    // The presenter zooms out: the bubble follows its node.
    const before = (await bubble(page).boundingBox())!;
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(async () => (await bubble(page).boundingBox())!.x).not.toBe(before.x);
    const node = (await nodeOf(page, 'i-a1').boundingBox())!;
    const after = (await bubble(page).boundingBox())!;
    expect(apart(node, after)).toBeLessThan(20);
    // Once ECS marks the agent disconnected (4:41), the callout says so.
    await page.getByLabel('Jump to').fill('4m42s');
    await page.getByLabel('Jump to').press('Enter');
    for (const p of [page, audience]) await expect.poll(() => bubble(p).textContent()).toBe('Callout: ECS marked its agent disconnected at 4:41 (back at 5:00): watch its task');
    await page.getByLabel('Jump to').fill('5m');
    await page.getByLabel('Jump to').press('Enter');
    for (const p of [page, audience]) await expect.poll(() => bubble(p).count()).toBe(0);
    // At 9:00 a callout of the moment: the audience's banner, the presenter's line.
    for (const label of ['Reveal', 'Continue']) if (await page.getByRole('button', { name: label }).count()) await page.getByRole('button', { name: label }).click();
    await page
      .getByRole('button', { name: 'Pause', exact: true })
      .click()
      .catch(() => undefined);
    await page.getByLabel('Jump to').fill('9m');
    await page.getByLabel('Jump to').press('Enter');
    const banner = audience.getByRole('list', { name: 'Callouts' });
    await expect.poll(() => banner.textContent()).toBe("Traffic is five times what it was: watch web's desired count on the Charts panel");
    expect(await page.getByRole('list', { name: 'Callouts' }).textContent()).toBe("Traffic is five times what it was: watch web's desired count on the Charts panel");
    expect(await audience.evaluate('window.__buttons')).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('the audience window opened directly by its deep link (?audience&demo=…&t=…) shows the demo’s world at that time, with no presenter yet', async () => {
    const { page, errors } = await context();
    await openPage(page, `${url}?audience&demo=game-day&t=7m40s`);
    await expect.poll(() => clock(page).textContent()).toBe('0:07:40');
    await expect.poll(() => page.getByRole('banner', { name: 'Audience view' }).textContent()).toContain('Game day');
    await expect.poll(() => page.locator('.canvas .inst').count()).toBe(6);
    expect(await page.getByText('Watch the canvas by AZ').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a side-by-side demo comes back after the page is loaded again: the same three labelled worlds at the same moment, the same events', async () => {
    const { page, errors } = await context();
    await openPage(page, `${url}?demo=placement-side-by-side&t=30s`);
    const panes = page.getByRole('region', { name: 'Worlds side by side' });
    await expect.poll(() => panes.locator('.canvas-frame').count()).toBe(3);
    const events = await lastEvents(page);
    // The page opened again without the link: what it saved reopens the demo and its variants.
    await openPage(page, url);
    await expect.poll(() => panes.locator('.canvas-frame').count()).toBe(3);
    for (const label of ['Binpack on memory', 'Spread by AZ, then by instance', 'Random']) await expect.poll(() => page.getByRole('region', { name: `${label}: cluster placement` }).count()).toBe(1);
    expect(await clock(page).textContent()).toBe('0:00:30');
    expect(await lastEvents(page)).toEqual(events);
    expect(errors).toEqual([]);
  }, 60_000);

  it("the placement demo side by side at 1280×720: three labelled panes, each its own world with its cluster named on its canvas, the comparison table filled with each world's figures, in the audience window too", async () => {
    const { ctx, page, errors } = await context();
    await openPage(page, `${url}?demo=placement-side-by-side&t=30s&present`);
    const panes = page.getByRole('region', { name: 'Worlds side by side' });
    await expect.poll(() => panes.locator('.canvas-frame').count()).toBe(3);
    const labels = ['Binpack on memory', 'Spread by AZ, then by instance', 'Random'];
    for (let i = 0; i < 3; i++) {
      // Three worlds of their own, each with its one cluster of four instances.
      const pane = page.getByRole('region', { name: `${labels[i]}: cluster placement` });
      await expect.poll(() => pane.locator('.inst').count()).toBe(4);
      expect(await pane.locator('.canvas-title').textContent()).toBe(`${labels[i]} cluster placement`);
      // The cluster's name is drawn on its own canvas.
      expect(await pane.locator('.cluster-title').allTextContents()).toEqual(['Cluster placement']);
      // The panes sit side by side, each inside the window.
      const box = (await pane.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      expect(box.width).toBeGreaterThan(250);
    }
    const rows = await page
      .getByRole('table')
      .filter({ hasText: 'Side by side, on one clock' })
      .locator('tbody tr')
      .evaluateAll((r) => r.map((x) => [...x.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['Binpack on memory', '8', '3 of 4', '$0.0000', '0'],
      ['Spread by AZ, then by instance', '8', '4 of 4', '$0.0000', '0'],
      ['Random', '8', expect.stringMatching(/^[2-4] of 4$/), '$0.0000', '0'],
    ]);
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(1280);
    // Every pane shows its whole cluster, and the table's words are whole, each on one line.
    expect(await page.evaluate(SIDE_BY_SIDE_CUTS)).toEqual({ broken: [], cut: [] });
    // Each pane's text is 11 px or more on screen, and its headings are whole.
    expect(await page.evaluate(PANE_TEXT)).toEqual({ small: [], cut: [] });
    await page.screenshot({ path: resolve(SHOTS, 'side-by-side-1280x720.png') });
    await page.getByLabel('Jump to').fill('2m');
    await page.getByLabel('Jump to').press('Enter');
    await expect.poll(() => page.getByRole('row', { name: /^Binpack on memory/ }).textContent()).toBe('Binpack on memory104 of 4$0.01282');
    // After the distinctInstance RunTask each world tells its own story: spread left room on every instance.
    expect(await page.getByRole('row', { name: /^Spread by AZ/ }).textContent()).toBe('Spread by AZ, then by instance124 of 4$0.01280');
    await axe(page, 'side by side');
    // The audience's window shows the same panes and table.
    const [audience] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open the audience window' }).click()]);
    await audience.locator('html[data-ready="true"]').waitFor();
    await audience.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => audience.getByRole('region', { name: 'Worlds side by side' }).locator('.canvas-frame').count()).toBe(3);
    await expect.poll(() => audience.getByRole('row', { name: /^Binpack on memory/ }).textContent()).toBe('Binpack on memory104 of 4$0.01282');
    await expect.poll(() => audience.getByRole('row', { name: /^Spread by AZ/ }).textContent()).toBe('Spread by AZ, then by instance124 of 4$0.01280');
    for (const l of labels)
      expect(
        await audience
          .getByRole('region', { name: `${l}: cluster placement` })
          .locator('.inst')
          .count(),
      ).toBe(4);
    expect(await audience.evaluate(SIDE_BY_SIDE_CUTS)).toEqual({ broken: [], cut: [] });
    expect(await audience.evaluate(PANE_TEXT)).toEqual({ small: [], cut: [] });
    await axe(audience, 'side by side, audience');
    // Out of presenter view a task clicked in a pane is inspected in that pane's world: its own Why here?.
    await page.keyboard.press('p');
    await page
      .getByRole('region', { name: 'Binpack on memory: cluster placement' })
      .getByRole('button', { name: /worker/ })
      .first()
      .click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect.poll(() => inspector.getByRole('heading').textContent()).toMatch(/\(Binpack on memory\)$/);
    await inspector.getByRole('tab', { name: 'Why here?' }).click();
    // The table is a chunk of its own, fetched once a task is selected.
    await expect.poll(() => inspector.getByRole('tabpanel').textContent()).toContain('binpack');
    await audience.screenshot({ path: resolve(SHOTS, 'side-by-side-audience-1280x720.png') });
    expect(errors).toEqual([]);
  }, 90_000);

  it("the class page: many progress files dropped in, a sortable table with each learner's time on a lesson, CSV out, an edited file's bad member refused, and the plain word that the files are the learners' own", async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, errors } = await context({ theme });
      await openPage(page, `${url}?class`);
      expect(await page.getByRole('note').textContent()).toContain("Progress files are the learners' own");
      expect(await page.getByRole('note').textContent()).toContain('It is not proof against editing.');
      expect(await page.getByRole('note').textContent()).toContain("Time on lesson is the learner's active time");
      const progress = (lessons: Record<string, unknown>) => Buffer.from(JSON.stringify({ version: 1, lessons }));
      await page.locator('input[type=file]').setInputFiles([
        {
          name: 'ana.json',
          mimeType: 'application/json',
          buffer: progress({
            L1: {
              passed: true,
              checkedAt: 95_000,
              predictionsRight: 1,
              predictionsAsked: 1,
              rightPredictions: ['posts-crash'],
              askedPredictions: ['posts-crash'],
              activeMs: 754_400,
              checks: 3,
              startedAt: '2026-12-01T09:00:00.000Z',
              passedAt: '2026-12-01T09:14:00.000Z',
            },
            L3: { passed: false, checkedAt: 240_000, traps: ['crash-loop'], activeMs: 240_000, checks: 2, startedAt: '2026-12-01T09:20:00.000Z' },
          }),
        },
        // A file from a version that kept no time.
        { name: 'bo.json', mimeType: 'application/json', buffer: progress({ L1: { passed: true, checkedAt: 61_000 } }) },
        // An edited file: its negative time is refused, the rest of it read.
        { name: 'mallory.json', mimeType: 'application/json', buffer: progress({ L1: { passed: true, checkedAt: 10_000, activeMs: -5, checks: 1 }, L2: { passed: true, checkedAt: 20_000, activeMs: 30_000, checks: 1 } }) },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not progress') },
      ]);
      await expect.poll(() => page.getByRole('status', { name: 'Files read' }).textContent()).toBe('4 files read, 5 results.');
      expect(await page.getByRole('alert').filter({ hasText: 'could not be read' }).textContent()).toContain('notes.txt: it is not JSON');
      expect(await page.getByRole('alert').filter({ hasText: 'refused' }).textContent()).toContain('mallory.json: lessons.L1.activeMs: negative');
      const cells = () => page.locator('.class-table tbody tr').evaluateAll((r) => r.map((x) => [...x.children].map((c) => c.textContent).join('|')));
      // Which predictions were right, by id: said only where the file says (an older file's cell is empty).
      expect(await cells()).toEqual([
        'ana|L1|yes|12 minutes, 34 seconds|3|0:01:35||1 of 1|posts-crash',
        'ana|L3|no|4 minutes|2|0:04:00|crash-loop||',
        'bo|L1|yes|—|—|0:01:01|||',
        'mallory|L1|yes|—|1|0:00:10|||',
        'mallory|L2|yes|30 seconds|1|0:00:20|||',
      ]);
      await page.getByRole('button', { name: /^Simulated time at the last check/ }).click();
      expect((await cells()).map((c) => c.split('|').slice(0, 2).join('/'))).toEqual(['mallory/L1', 'mallory/L2', 'bo/L1', 'ana/L1', 'ana/L3']);
      await page.getByRole('button', { name: /^Time on lesson/ }).click();
      expect((await cells()).map((c) => c.split('|').slice(0, 2).join('/'))).toEqual(['bo/L1', 'mallory/L1', 'mallory/L2', 'ana/L3', 'ana/L1']);
      await page.getByRole('button', { name: /^Time on lesson/ }).click();
      expect(await page.locator('th[aria-sort=descending]').textContent()).toContain('Time on lesson');
      expect((await cells())[0]).toBe('ana|L1|yes|12 minutes, 34 seconds|3|0:01:35||1 of 1|posts-crash');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('class-progress.csv');
      const csv = Buffer.concat(await (await download.createReadStream()).toArray())
        .toString()
        .split('\r\n');
      expect(csv[0]).toBe('Learner,Lesson,Passed,Time on lesson (s),Time on lesson,Checks,Simulated time at the last check,Traps hit,Predictions right,Which predictions right,Started,First passed');
      expect(csv[1]).toBe('ana,L1,yes,754,"12 minutes, 34 seconds",3,0:01:35,,1 of 1,posts-crash,2026-12-01T09:00:00.000Z,2026-12-01T09:14:00.000Z');
      expect(csv).toContain('bo,L1,yes,,—,—,0:01:01,,,,,');
      await page.screenshot({ path: resolve(SHOTS, `class-${theme}-1280x720.png`) });
      await axe(page, `class page, ${theme}`);
      expect(errors).toEqual([]);
    }
  }, 90_000);

  it("a learner's time on a lesson, as the page counts it: while the page is visible and the learner not idle, never the hours it is left open", async () => {
    const { page, errors } = await context();
    await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
    await openPage(page, `${url}?lesson=L1`);
    const lesson = () => page.evaluate(() => JSON.parse(localStorage.getItem('ecs-sandbox.progress') ?? '{"lessons":{}}').lessons.L1 as { activeMs?: number; startedAt?: string } | undefined);
    const show = (visible: boolean) =>
      page.evaluate((v) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (v ? 'visible' : 'hidden') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, visible);
    await expect.poll(async () => (await lesson())?.startedAt).toMatch(/^2026-12-01T09:0/);
    await page.clock.fastForward(60_000);
    await show(false);
    const first = (await lesson())!.activeMs!;
    expect(first).toBeGreaterThanOrEqual(60_000);
    expect(first).toBeLessThan(75_000);
    // Ten minutes hidden do not count; the minute after coming back does.
    await page.clock.fastForward(10 * 60_000);
    await show(true);
    await page.keyboard.press('Shift');
    await page.clock.fastForward(60_000);
    await show(false);
    const second = (await lesson())!.activeMs!;
    expect(second - first).toBeGreaterThanOrEqual(60_000);
    expect(second - first).toBeLessThan(75_000);
    // Left visible for an hour without input: five minutes count.
    await show(true);
    await page.clock.fastForward(60 * 60_000);
    await show(false);
    const third = (await lesson())!.activeMs!;
    expect(third - second).toBeGreaterThanOrEqual(5 * 60_000);
    expect(third - second).toBeLessThan(5 * 60_000 + 15_000);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a demo written in the page: recorded, a question placed, saved, reopened from the file and from a link, replays to the same event hash; a broken file is refused at its line and member', async () => {
    const { page, errors } = await context();
    await openPage(page, url);
    // Each command waits until it has run (its line is in the console's output): the console may still be loading.
    const run = async (line: string) => {
      await page.getByRole('tab', { name: 'Console' }).click();
      const output = page.getByRole('log', { name: 'Console output' });
      const echoes = async () => ((await output.textContent()) ?? '').split(`$ ${line}`).length - 1;
      const before = await echoes();
      await page.getByLabel('Command').fill(line);
      await page.getByLabel('Command').press('Enter');
      await expect.poll(echoes).toBe(before + 1);
    };
    const jump = async (to: string) => {
      await page.getByLabel('Jump to').fill(to);
      await page.getByLabel('Jump to').press('Enter');
    };
    const fingerprint = () => page.getByLabel('World fingerprint').textContent();
    await jump('1m');
    await run('aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
    await jump('2m');
    await page.getByRole('tab', { name: 'Demos' }).click();
    const editor = page.getByRole('region', { name: 'Demo editor' });
    await editor.getByLabel('Title').fill('Spread in the room');
    await editor.getByLabel('Ask at 0:02:00').fill('Where do the three tasks go?');
    await editor.getByLabel('What happens (the reveal)').fill('One per Availability Zone.');
    await editor.getByRole('button', { name: 'Place the question here' }).click();
    await expect.poll(() => editor.locator('.demo-stops li').count()).toBe(1);
    // Two answer choices: a predicate typed is read as it is typed, its problem named by member.
    await editor.getByText('Answer choices for the question at 0:02:00').click();
    const predicate = editor.getByLabel(/^Right when/);
    await predicate.fill('{ count: tasks, equal: 3 }');
    await expect.poll(() => editor.locator('.demo-choice-form .problems').textContent()).toContain("presenter.pauses[0].choices[0].when.equal: unknown member 'equal'");
    expect(await editor.getByRole('button', { name: 'Add the choice' }).isDisabled()).toBe(true);
    await editor.getByLabel('Choice', { exact: true }).fill('One per AZ');
    await predicate.fill('{ count: tasks, where: { lastStatus: RUNNING }, equals: 3 }');
    await expect.poll(() => editor.locator('.demo-choice-form .problems').textContent()).toBe('');
    await editor.getByRole('button', { name: 'Add the choice' }).click();
    await editor.getByLabel('Choice', { exact: true }).fill('They wait');
    await predicate.fill('{ count: tasks, where: { lastStatus: RUNNING }, equals: 0 }');
    await editor.getByRole('button', { name: 'Add the choice' }).click();
    await expect.poll(() => editor.getByRole('button', { name: /^Remove the choice/ }).count()).toBe(2);
    // A callout from this moment to 3:00, pinned to the cluster.
    const callouts = editor.getByRole('region', { name: 'Callouts' });
    await callouts.getByLabel('Callout at 0:02:00').fill('Three AZs, three tasks: watch');
    await callouts.getByLabel('Until (optional)').fill('3m');
    await callouts.getByLabel('Pin to').selectOption('cluster:demo');
    await callouts.getByRole('button', { name: 'Add the callout' }).click();
    await expect.poll(() => callouts.locator('.demo-stops li').count()).toBe(1);
    await run('aws ecs run-task --cluster demo --task-definition web --count 3 --placement-strategy type=spread,field=attribute:ecs.availability-zone');
    await jump('4m');
    await page.getByRole('tab', { name: 'Demos' }).click();
    expect(await editor.textContent()).toContain('2 actions recorded');
    const recorded = (await fingerprint())!;
    expect(recorded).toMatch(/^World fingerprint at 0:04:00: [0-9a-f]{8,}$/);
    await page.screenshot({ path: resolve(SHOTS, 'demo-editor-1280x720.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'Save the demo file' }).click()]);
    expect(download.suggestedFilename()).toBe('spread-in-the-room.yaml');
    const file = Buffer.concat(await (await download.createReadStream()).toArray());
    expect(file.toString()).toContain('presenter:');
    expect(file.toString()).toContain('prompt: Where do the three tasks go?');
    expect(file.toString()).toMatch(/choices:\s+- label: One per AZ\s+when:/);
    expect(file.toString()).toMatch(/callouts:\s+- at: 120s\s+until: 180s\s+node: cluster:demo\s+text: "Three AZs, three tasks: watch"/);
    await editor.getByRole('button', { name: 'Make a link' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#demo=[\w-]+$/);

    // Reopened from the file: a demo of its own, with the question, reaching the same events.
    await openPage(page, url);
    await page.getByRole('tab', { name: 'Demos' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a demo file…' }).click()]);
    await chooser.setFiles({ name: 'spread-in-the-room.yaml', mimeType: 'application/yaml', buffer: file });
    await expect.poll(() => page.getByRole('region', { name: 'Demo: Spread in the room' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Demo: Spread in the room' }).textContent()).toContain('Next question at 0:02:00.');
    await page.getByRole('tab', { name: 'Demos' }).click();
    expect(await editor.getByRole('button', { name: /^Remove the choice/ }).count()).toBe(2);
    expect(await editor.getByRole('region', { name: 'Callouts' }).locator('.demo-stops li').textContent()).toContain('Three AZs, three tasks: watch');
    await jump('4m');
    await page.getByRole('tab', { name: 'Demos' }).click();
    await expect.poll(fingerprint).toBe(recorded);
    expect(await editor.textContent()).toContain('0 actions recorded');

    // From the link.
    await openPage(page, link);
    await expect.poll(() => page.getByRole('region', { name: 'Demo: Spread in the room' }).count()).toBe(1);
    await jump('4m');
    await page.getByRole('tab', { name: 'Demos' }).click();
    await expect.poll(fingerprint).toBe(recorded);

    // A broken file: refused, at its line and member.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a demo file…' }).click()]);
    await again.setFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('name: broken\nseed: 1\npresenter:\n  pauses:\n    - { at: 5s, prompt: "What now?" }\nactions: []\n') });
    await expect.poll(() => page.getByRole('status', { name: 'Messages' }).textContent()).toContain("demos/broken.yaml:5:7: presenter.pauses[0]: missing required member 'reveal'");
    expect(await page.getByRole('region', { name: 'Demo: Spread in the room' }).count()).toBe(1);
    await axe(page, 'demo editor');
    expect(errors).toEqual([]);
  }, 120_000);

  /** A window's layout: nothing wider than the window, the first bar's controls inside it and on one row, the focused canvas text legible. */
  const LAYOUT = `(() => {
    const vw = innerWidth, vh = innerHeight;
    const header = document.querySelector('header.bar');
    const outside = [...header.querySelectorAll('h1, button, select, input, output')].filter((e) => e.getClientRects().length).filter((e) => {
      const r = e.getBoundingClientRect();
      return r.left < -0.5 || r.right > vw + 0.5 || r.top < -0.5 || r.bottom > vh + 0.5;
    }).map((e) => e.getAttribute('aria-label') || e.textContent.trim());
    const canvas = document.querySelector('.world .canvas');
    const vp = canvas && canvas.querySelector('.react-flow__viewport');
    const zoom = vp ? new DOMMatrixReadOnly(getComputedStyle(vp).transform).a : 1;
    const small = [];
    for (const node of canvas ? canvas.querySelectorAll('.react-flow__node.focus') : []) {
      const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        const el = t.parentElement;
        if (!t.textContent.trim() || !el || !el.getClientRects().length) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
        if (px < 10.95) small.push(t.textContent.trim() + ' (' + px.toFixed(1) + ' px)');
      }
    }
    const c = canvas ? canvas.getBoundingClientRect() : { width: 0, height: 0 };
    return { scrollWidth: document.scrollingElement.scrollWidth, vw, outside, small, canvasW: c.width, canvasH: c.height };
  })()`;

  it('both windows hold at 1280×720 and 1920×1080 in both themes (screenshots at 1024×768, 1280×720, 1440×900 too) and pass axe', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { ctx, page, errors } = await context({ theme });
      // A moment with a question with choices and a callout beside its node (the faults tour at 4:50).
      await openPage(page, `${url}?demo=faults-tour&t=4m49s&present`);
      const [audience] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: 'Open the audience window' }).click()]);
      await audience.locator('html[data-ready="true"]').waitFor();
      await expect.poll(() => page.getByRole('region', { name: 'Your notes' }).count()).toBe(1);
      await page.bringToFront();
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => audience.getByRole('region', { name: 'Question' }).count(), { timeout: 15_000 }).toBe(1);
      await page.keyboard.press('2');
      await page.getByRole('button', { name: 'Reveal' }).click();
      await expect.poll(() => choiceTexts(audience)).toEqual(['1Yes: ECS stopped them when it lost the agent✗ wrong', "2No: they have run all alongthe room's pick✓ right"]);
      await expect.poll(() => audience.locator('.canvas .callout-bubble').count()).toBe(1);
      for (const [w, h] of [
        [1024, 768],
        [1280, 720],
        [1440, 900],
        [1920, 1080],
      ] as const) {
        for (const [name, p] of [
          ['presenter', page],
          ['audience', audience],
        ] as const) {
          await p.setViewportSize({ width: w, height: h });
          await p.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))').catch(() => undefined);
          await p.waitForTimeout(300);
          await p.screenshot({ path: resolve(SHOTS, `${name}-${theme}-${w}x${h}.png`) });
          if (w !== 1280 && w !== 1920) continue;
          const m = (await p.evaluate(LAYOUT)) as { scrollWidth: number; vw: number; outside: string[]; small: string[]; canvasW: number; canvasH: number };
          const at = `${name}, ${theme}, ${w}×${h}`;
          expect(m.scrollWidth, `${at}: page width`).toBeLessThanOrEqual(m.vw);
          expect(m.outside, `${at}: bar controls outside the window`).toEqual([]);
          expect(await p.evaluate(HEADER_ROWS), `${at}: bar rows`).toBe(1);
          expect(m.small, `${at}: canvas text under 11 px`).toEqual([]);
          expect(m.canvasW, `${at}: canvas width`).toBeGreaterThan(w * 0.55);
          expect(m.canvasH, `${at}: canvas height`).toBeGreaterThan(h * 0.45);
        }
      }
      await axe(page, `presenter window, ${theme}`);
      await axe(audience, `audience window, ${theme}`);
      expect(errors).toEqual([]);
      await ctx.close();
    }
  }, 180_000);
});
