import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { openPage, root, servedBuild } from '../support/browser/page';

/** Screenshots of every view at every size in both themes, to look at (test-output/ is not committed). */
const SHOTS = resolve(root, 'test-output/layout');
const SIZES: [number, number][] = [
  [1024, 768],
  [1280, 720],
  [1440, 900],
  [1920, 1080],
];

/** What the page looks like at this moment, measured in the page (a string: the test's helpers do not exist there). */
interface Measure {
  scrollWidth: number;
  vw: number;
  vh: number;
  /** Header controls not wholly inside the viewport. */
  outside: string[];
  /** How many rows the header's controls stand in. */
  rows: number;
  /** Text of the focused canvas nodes smaller than 11 px on screen: "text (size px)". */
  small: string[];
  /** How many pieces of text on the focused nodes were measured. */
  texts: number;
}

const MEASURE = `(() => {
  const vw = innerWidth, vh = innerHeight;
  const header = document.querySelector('header.bar');
  const rects = header ? [...header.querySelectorAll('h1, button, select, input')].filter((e) => e.getClientRects().length).map((e) => {
    const r = e.getBoundingClientRect();
    return { name: e.getAttribute('aria-label') || e.textContent.trim(), l: r.left, r: r.right, t: r.top, b: r.bottom };
  }) : [];
  const outside = rects.filter((r) => r.l < -0.5 || r.r > vw + 0.5 || r.t < -0.5 || r.b > vh + 0.5).map((r) => r.name);
  const tops = [];
  for (const r of rects.map((x) => (x.t + x.b) / 2).sort((a, b) => a - b)) if (!tops.length || r - tops[tops.length - 1] > 14) tops.push(r);
  const canvas = document.querySelector('.world .canvas');
  const vp = canvas && canvas.querySelector('.react-flow__viewport');
  const m = vp ? new DOMMatrixReadOnly(getComputedStyle(vp).transform) : null;
  const zoom = m ? m.a : 1;
  const small = [];
  let texts = 0;
  for (const node of canvas ? canvas.querySelectorAll('.react-flow__node.focus') : []) {
    const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const text = t.textContent.trim();
      const el = t.parentElement;
      if (!text || !el || !el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      texts++;
      const px = parseFloat(cs.fontSize) * zoom;
      if (px < 10.95) small.push(text + ' (' + px.toFixed(1) + ' px)');
    }
  }
  return { scrollWidth: document.scrollingElement.scrollWidth, vw, vh, outside, rows: tops.length, small, texts };
})()`;

/**
 * The canvas's control-plane nodes (each marked when it passes an edge of the canvas's visible box) and
 * the framed nodes that pass one. A framed box taller than the canvas at a legible zoom is shown from its
 * top (16 px down), and only then may framed nodes pass the bottom edge.
 */
const FRAMED = `(() => {
  const canvas = document.querySelector('.world .canvas');
  const box = canvas.getBoundingClientRect();
  const nodes = [...canvas.querySelectorAll('.react-flow__node')].map((n) => ({ id: n.getAttribute('data-id'), focus: n.classList.contains('focus'), r: n.getBoundingClientRect() }));
  const framed = nodes.filter((n) => n.focus);
  const anchored = Math.abs(Math.min(...framed.map((n) => n.r.top)) - box.top - 16) < 1.5;
  const sides = (r) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5;
  const below = (r) => r.bottom > box.bottom + 0.5;
  return {
    control: nodes.filter((n) => n.id.startsWith('cp:')).map((n) => n.id + (sides(n.r) || below(n.r) ? ' (past an edge)' : '')),
    lbs: nodes.filter((n) => n.id.startsWith('lb:')).map((n) => n.id + (sides(n.r) || below(n.r) || n.r.bottom < box.top ? ' (past an edge)' : '')),
    past: framed.filter((n) => sides(n.r) || (!anchored && below(n.r))).map((n) => n.id),
  };
})()`;

/** Lets a resize reach the canvas: its size is observed, it lays out again, and frames its focus. */
async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.waitForTimeout(250);
}

describe.runIf(chromiumAvailable('layout'))('the page at every size, in both themes', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await servedBuild('layout-test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  const open: BrowserContext[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function context(theme: 'light' | 'dark'): Promise<{ page: Page; errors: string[] }> {
    const c = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: theme, reducedMotion: 'reduce' });
    open.push(c);
    const page = await c.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { page, errors };
  }

  /** Runs a command and waits until it has run (its line is in the console's output): the console may still be loading. */
  async function command(page: Page, line: string): Promise<void> {
    await page.getByRole('tab', { name: 'Console' }).click();
    const output = page.getByRole('log', { name: 'Console output' });
    const echoes = async () => ((await output.textContent()) ?? '').split(`$ ${line}`).length - 1;
    const before = await echoes();
    await page.getByLabel('Command').fill(line);
    await page.getByLabel('Command').press('Enter');
    await expect.poll(echoes).toBe(before + 1);
  }

  async function jump(page: Page, to: string): Promise<void> {
    await page.getByLabel('Jump to').fill(to);
    await page.getByLabel('Jump to').press('Enter');
  }

  /** The view at each size: no sideways scroll, the header's controls inside the window and on one row (English, from 1024 px), legible canvas text. */
  async function holds(page: Page, view: string, theme: string, extra?: (w: number, h: number) => Promise<void>): Promise<void> {
    for (const [w, h] of SIZES) {
      await page.setViewportSize({ width: w, height: h });
      await settle(page);
      await page.screenshot({ path: resolve(SHOTS, `${view}-${theme}-${w}x${h}.png`) });
      const m = (await page.evaluate(MEASURE)) as Measure;
      const at = `${view}, ${theme}, ${w}×${h}`;
      expect(m.scrollWidth, `${at}: page width`).toBeLessThanOrEqual(m.vw);
      expect(m.outside, `${at}: header controls outside the window`).toEqual([]);
      expect(m.rows, `${at}: header rows`).toBeLessThanOrEqual(1);
      expect(m.small, `${at}: canvas text under 11 px`).toEqual([]);
      await extra?.(w, h);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await settle(page);
  }

  async function axe(page: Page, view: string): Promise<void> {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(r.violations.map((v) => `${view}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}: ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`)).toEqual([]);
  }

  it('the header is one row at 1280×720 and 1366×768 in English and Spanish, the sandbox and a lesson; the scenario picker shows the name where there is room', async () => {
    for (const locale of ['en-US', 'es-ES']) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale, reducedMotion: 'reduce' });
      open.push(c);
      const page = await c.newPage();
      for (const where of ['', '?lesson=L2']) {
        await openPage(page, `${url}${where}`);
        for (const [w, h] of [
          [1280, 720],
          [1366, 768],
          [1440, 900],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await settle(page);
          await page.screenshot({ path: resolve(SHOTS, `header-${locale}${where ? '-lesson' : ''}-${w}x${h}.png`) });
          const at = `${locale}${where}, ${w}×${h}`;
          const m = (await page.evaluate(MEASURE)) as Measure;
          expect(m.rows, `${at}: header rows`).toBe(1);
          expect(m.outside, `${at}: header controls outside the window`).toEqual([]);
          // The picker is as wide as the scenario's name needs (up to its cap), not its narrow starting width.
          const picker = await page.locator('.scenario select').evaluate((e: HTMLSelectElement) => ({ width: e.clientWidth }));
          if (w >= 1366) expect(picker.width, `${at}: scenario picker`).toBeGreaterThan(200);
          // The icon buttons keep their words as their names.
          for (const name of locale === 'en-US' ? ['Share link', 'Keys', 'Export', 'Import…'] : ['Compartir', 'Teclas', 'Exportar', 'Importar…']) {
            expect(await page.getByRole('banner').getByRole('button', { name, exact: true }).count(), `${at}: ${name}`).toBe(1);
          }
          if (where) {
            // Beside a lesson on a short window the text has the room; the checklist's summary line stays in sight.
            const text = await page.locator('.lesson-body').boundingBox();
            const checks = await page.locator('.lesson-checks-head').boundingBox();
            expect(text!.height, `${at}: lesson text`).toBeGreaterThan(280);
            expect(checks!.y + checks!.height, `${at}: checklist summary`).toBeLessThanOrEqual(h);
          }
        }
      }
    }
  }, 120_000);

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: the workspace, the inspector with Why here?, the editor, two lessons and presenter view hold from 1024×768 to 1920×1080, and pass axe`, async () => {
      const { page, errors } = await context(theme);
      await openPage(page, url);
      // The theme follows the system's preference until the learner chooses.
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await jump(page, '3m');
      await expect.poll(() => page.locator('.canvas .inst').count()).toBe(3);
      await holds(page, 'workspace', theme);
      await axe(page, 'workspace');
      // One time readout; scrubbing back says so over the world, and the slider keeps its size.
      const time = page.getByRole('region', { name: 'Time controls' });
      expect((await time.textContent())!.match(/\d:\d\d:\d\d/g)).toEqual(['0:03:00']);
      const slider = page.getByLabel(/^Timeline/);
      const wide = (await slider.boundingBox())!.width;
      await slider.fill('60000');
      await expect.poll(() => page.getByText('Viewing the past').count()).toBe(1);
      expect((await slider.boundingBox())!.width).toBe(wide);
      await page.getByRole('button', { name: 'Back to 0:03:00' }).click();
      await expect.poll(() => page.getByText('Viewing the past').count()).toBe(0);

      // The inspector, with Why here? open: its Close always inside the window, its table not squeezed.
      await command(page, 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
      await command(page, 'aws ecs run-task --cluster demo --task-definition web --count 3 --placement-strategy type=spread,field=attribute:ecs.availability-zone');
      await jump(page, '4m');
      await page.locator('.canvas .chip').first().click();
      await page.getByRole('tab', { name: 'Why here?' }).click();
      const inspector = page.getByRole('region', { name: 'Inspector' });
      await expect.poll(() => inspector.locator('tbody tr.candidate').count()).toBe(3);
      // The task inspected is marked on the canvas: ringed (still, under reduced motion), its name saying so.
      const chosen = page.locator('.canvas .chip[aria-current="true"]');
      await expect.poll(() => chosen.count()).toBe(1);
      expect(await chosen.getAttribute('aria-label')).toMatch(/^Task [0-9a-f]{8} \(web\): RUNNING, selected$/);
      expect(await page.locator('.canvas .chip').first().getAttribute('aria-current')).toBe('true');
      const ring = await chosen.evaluate((el) => ({
        shadow: getComputedStyle(el).boxShadow,
        animation: getComputedStyle(el).animationName,
        others: [...document.querySelectorAll('.canvas .chip:not([aria-current])')].map((c) => getComputedStyle(c).boxShadow),
      }));
      expect(ring.shadow).toMatch(theme === 'dark' ? /rgb\(121, 192, 255\) 0px 0px 0px 4px/ : /rgb\(11, 92, 213\) 0px 0px 0px 4px/);
      expect(ring.animation).toBe('none');
      expect(new Set(ring.others)).toEqual(new Set(['none']));
      await holds(page, 'inspector', theme, async (w, h) => {
        const close = (await inspector.getByRole('button', { name: 'Close' }).boundingBox())!;
        expect(close.x + close.width, `Close at ${w}×${h}`).toBeLessThanOrEqual(w);
        expect(close.y + close.height, `Close at ${w}×${h}`).toBeLessThanOrEqual(h);
        const why = (await inspector.locator('tr.why td').first().boundingBox())!;
        expect(why.width, `Why here? at ${w}×${h}`).toBeGreaterThan(250);
      });
      await axe(page, 'inspector');
      await page.keyboard.press('Escape');
      await expect.poll(() => inspector.count()).toBe(0);
      // Closed, the mark goes with it.
      await expect.poll(() => chosen.count()).toBe(0);
      expect(await page.locator('.canvas .chip').first().getAttribute('aria-label')).not.toContain('selected');

      // The charts, in the theme's colours.
      await page.getByRole('tab', { name: 'Charts' }).click();
      await expect.poll(() => page.locator('figure.chart').count()).toBeGreaterThan(0);
      const axis = await page
        .locator('figure.chart .axis')
        .first()
        .evaluate((el) => getComputedStyle(el).stroke);
      expect(axis).toBe(theme === 'dark' ? 'rgb(139, 148, 158)' : 'rgb(110, 119, 129)');
      await page.screenshot({ path: resolve(SHOTS, `charts-${theme}-1280x720.png`) });
      await axe(page, 'charts');

      // The editor: its tabs on one line that scrolls, never the page.
      await page.getByRole('tab', { name: 'Editor' }).click();
      await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor').first().click();
      expect(await page.locator(theme === 'dark' ? '.monaco-editor.vs-dark' : '.monaco-editor.vs').count()).toBeGreaterThan(0);
      await holds(page, 'editor', theme, async (w) => {
        const tabs = await page.getByRole('tablist', { name: 'Files' }).boundingBox();
        expect(tabs!.height, `file tabs at ${w}`).toBeLessThan(40);
      });
      await axe(page, 'editor');

      // Two lessons: L1 frames the local host, L7 a cluster; their text at least 11 px as they open.
      await openPage(page, `${url}?lesson=L1`);
      await expect.poll(() => page.locator('.canvas .react-flow__node.focus').count()).toBe(1);
      expect(await page.locator('.canvas .react-flow__node.focus').textContent()).toContain('Your machine');
      await holds(page, 'lesson-L1', theme);
      await axe(page, 'lesson L1');
      await openPage(page, `${url}?lesson=L7`);
      await expect.poll(() => page.locator('.canvas .react-flow__node.focus .inst').count()).toBe(6);
      await holds(page, 'lesson-L7', theme);
      await axe(page, 'lesson L7');

      // Presenter view in free play: the canvas fills the window, and the way out is always shown.
      await page.getByRole('button', { name: 'Leave', exact: true }).click();
      await page.keyboard.press('p');
      const leave = page.getByRole('button', { name: 'Leave presenter view' });
      await holds(page, 'presenter', theme, async (w, h) => {
        const b = (await leave.boundingBox())!;
        expect(b.x >= 0 && b.x + b.width <= w && b.y >= 0 && b.y + b.height <= h, `the way out at ${w}×${h}`).toBe(true);
        const c = (await page.locator('.world .canvas').boundingBox())!;
        expect(c.width, `canvas width at ${w}`).toBeGreaterThan(w * 0.55);
        expect(c.height, `canvas height at ${h}`).toBeGreaterThan(h * 0.6);
      });
      await axe(page, 'presenter');
      await leave.click();
      await expect.poll(() => page.getByRole('banner', { name: 'Sandbox' }).count()).toBe(1);
      expect(errors).toEqual([]);
    }, 240_000);
  }

  it("L6 at step 5 (forum-web created behind the load balancer): each instance's box holds its chips (two a row for the longer names, three chips in two rows) at 1024×768, 1280×720 and 1440×900", async () => {
    const { page } = await context('light');
    await openPage(page, `${url}?lesson=L6&step=5`);
    await expect.poll(() => page.locator('.canvas .inst .chip').count()).toBe(6);
    for (const [w, h] of SIZES.slice(0, 3)) {
      await page.setViewportSize({ width: w, height: h });
      await settle(page);
      await page.screenshot({ path: resolve(SHOTS, `lesson-L6-step5-light-${w}x${h}.png`) });
      const boxes = await page.locator('.canvas .inst').evaluateAll((insts) =>
        insts.map((inst) => {
          const r = inst.getBoundingClientRect();
          const inside = (e: Element) => {
            const c = e.getBoundingClientRect();
            return c.left >= r.left && c.right <= r.right && c.top >= r.top && c.bottom <= r.bottom;
          };
          return {
            chips: inst.querySelectorAll('.chip').length,
            inside: [...inst.querySelectorAll('.chip, .more')].filter(inside).length,
            rows: new Set([...inst.querySelectorAll('.chip')].map((c) => Math.round(c.getBoundingClientRect().top))).size,
          };
        }),
      );
      expect(boxes, `${w}×${h}`).toEqual([
        { chips: 3, inside: 3, rows: 2 },
        { chips: 3, inside: 3, rows: 2 },
      ]);
    }
  }, 60_000);

  /** How many lines of the lesson's text its pane shows at once (its visible height over the height of one line). */
  const TEXT_LINES = `(() => {
    const body = document.querySelector('.lesson-body');
    const probe = document.createElement('p');
    probe.textContent = 'x';
    body.append(probe);
    const line = probe.getBoundingClientRect().height;
    probe.remove();
    return Math.floor(body.clientHeight / line);
  })()`;

  /** The explanation's box, its scroller's and the lesson pane's, and whether it is the focused element. */
  const EXPLAINED = `(() => {
    const why = document.querySelector('.lesson .diag');
    if (!why) return null;
    let scroller = why.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
    return { why: box(why), scroller: box(scroller), pane: box(document.querySelector('.lesson')), vh: innerHeight, focused: document.activeElement === why };
  })()`;

  /** Lines of the editor's file wholly in sight. */
  const EDITOR_LINES = `(() => {
    const view = document.querySelector('.monaco-editor .monaco-scrollable-element').getBoundingClientRect();
    return [...document.querySelectorAll('.monaco-editor .view-line')].filter((l) => { const r = l.getBoundingClientRect(); return r.height > 0 && r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5; }).length;
  })()`;

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: at 1280×720 a lesson's text has room, an explanation shows as it appears and its count focuses it, and the editor shows a dozen lines on a tall window; axe passes`, async () => {
      const { page, errors } = await context(theme);
      await openPage(page, `${url}?lesson=L2`);
      await page.locator('.lesson-body').waitFor();
      // The pane stands the window's height: about 20 lines of text with the tools below it, now 30.
      expect(await page.evaluate(TEXT_LINES), 'lines of lesson text in sight').toBeGreaterThanOrEqual(28);
      for (const line of ['docker build -t forum:1 .', 'docker run -d -p 80:80 --name forum forum:1', 'traffic http://localhost:80/api/users 2']) await command(page, line);
      await jump(page, '45s');
      const count = page.getByRole('button', { name: '1 explanation' });
      await expect.poll(() => count.count()).toBe(1);
      await page.screenshot({ path: resolve(SHOTS, `lesson-L2-trap-${theme}-1280x720.png`) });
      // The 80:80 trap's explanation is in sight without scrolling: inside its scroller's visible part, the pane's and the window's.
      const seen = (await page.evaluate(EXPLAINED)) as { why: { top: number; bottom: number }; scroller: { top: number; bottom: number }; pane: { top: number; bottom: number }; vh: number; focused: boolean };
      expect(seen.why.top, 'the explanation below its scroller’s top').toBeGreaterThanOrEqual(seen.scroller.top - 0.5);
      expect(seen.why.bottom, 'the explanation above its scroller’s bottom').toBeLessThanOrEqual(seen.scroller.bottom + 0.5);
      expect(seen.why.bottom, 'the explanation inside the pane').toBeLessThanOrEqual(seen.pane.bottom);
      expect(seen.why.bottom, 'the explanation inside the window').toBeLessThanOrEqual(seen.vh);
      // Unfolding the goals leaves it where it is; its count in the summary line focuses it.
      const toggle = page.locator('.lesson-checks-head button');
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      const unfolded = (await page.evaluate(EXPLAINED)) as typeof seen;
      expect(unfolded.why.bottom, 'the explanation in sight with the goals unfolded').toBeLessThanOrEqual(unfolded.scroller.bottom + 0.5);
      await count.click();
      expect(((await page.evaluate(EXPLAINED)) as typeof seen).focused, 'the explanation focused').toBe(true);
      await axe(page, `lesson L2 with an explanation, ${theme}`);
      // L2's editor opens on its Dockerfile, the last of the file tabs: its tab is in sight, not past the row's edge.
      await page.getByRole('tab', { name: 'Editor' }).click();
      const dockerfile = page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { name: /Dockerfile/ });
      await expect.poll(() => dockerfile.getAttribute('aria-selected')).toBe('true');
      const [tab, row] = await Promise.all([dockerfile.boundingBox(), page.getByRole('tablist', { name: 'Files' }).boundingBox()]);
      expect(tab!.x, 'the Dockerfile tab after the row’s left edge').toBeGreaterThanOrEqual(row!.x - 0.5);
      expect(tab!.x + tab!.width, 'the Dockerfile tab before the row’s right edge').toBeLessThanOrEqual(row!.x + row!.width + 0.5);
      // The editor as it first opens on a tall window: L3's compose file, its dozen lines in sight (at 720 px
      // the canvas keeps its height instead).
      await page.setViewportSize({ width: 1440, height: 900 });
      await openPage(page, `${url}?lesson=L3`);
      await page.getByRole('tab', { name: 'Editor' }).click();
      await page
        .getByRole('tablist', { name: 'Files' })
        .getByRole('tab', { name: /compose\.yaml/ })
        .click();
      await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 30_000 });
      await settle(page);
      await page.screenshot({ path: resolve(SHOTS, `lesson-L3-editor-${theme}-1440x900.png`) });
      expect(await page.evaluate(EDITOR_LINES), 'lines of compose.yaml in sight').toBeGreaterThanOrEqual(12);
      await axe(page, `lesson L3's editor, ${theme}`);
      // The console starts lower; once the learner resizes the tools, their height holds whatever the tab.
      const tools = async () => (await page.locator('#bottom').boundingBox())!.height;
      const editing = await tools();
      await page.getByRole('tab', { name: 'Console' }).click();
      expect(await tools(), 'the console’s default height').toBeLessThan(editing);
      await page.getByRole('tab', { name: 'Editor' }).click();
      await page.getByRole('separator', { name: 'Resize the tools below the canvas' }).focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(tools).toBe(Math.round(editing) + 16);
      await page.getByRole('tab', { name: 'Console' }).click();
      expect(await tools(), 'the learner’s height, on the console too').toBe(Math.round(editing) + 16);
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(errors).toEqual([]);
    }, 120_000);
  }

  it('holds at 2560×1440 too', async () => {
    const { page } = await context('light');
    await page.setViewportSize({ width: 2560, height: 1440 });
    await openPage(page, `${url}?lesson=L7`);
    await settle(page);
    const m = (await page.evaluate(MEASURE)) as Measure;
    expect(m.scrollWidth).toBeLessThanOrEqual(2560);
    expect(m.rows).toBe(1);
    expect(m.small).toEqual([]);
    expect(m.texts).toBeGreaterThan(20);
    await page.screenshot({ path: resolve(SHOTS, 'lesson-L7-light-2560x1440.png') });
  }, 60_000);

  it('frames a cluster in focus with the control plane (and L6 its load balancer): at 1024×768, 1280×720 and 1440×900 no framed node passes an edge of the canvas', async () => {
    const { page } = await context('light');
    for (const lesson of ['L6', 'L7', 'L10']) {
      await openPage(page, `${url}?lesson=${lesson}`);
      await expect.poll(() => page.locator('.canvas .react-flow__node.focus .inst').count()).toBeGreaterThan(0);
      for (const [w, h] of SIZES.filter(([x]) => x <= 1440)) {
        await page.setViewportSize({ width: w, height: h });
        await settle(page);
        await page.screenshot({ path: resolve(SHOTS, `framing-${lesson}-${w}x${h}.png`) });
        const f = (await page.evaluate(FRAMED)) as { control: string[]; lbs: string[]; past: string[] };
        expect(f.control.length, `${lesson} at ${w}×${h}: the control plane drawn`).toBeGreaterThan(0);
        expect(
          f.control.filter((id) => id.endsWith('(past an edge)')),
          `${lesson} at ${w}×${h}: control nodes past an edge`,
        ).toEqual([]);
        expect(f.past, `${lesson} at ${w}×${h}: framed nodes past an edge`).toEqual([]);
        // L6 is about the load balancer in front of the cluster: its focus names forum-lb, which is wholly in sight.
        if (lesson === 'L6') expect(f.lbs.length === 1 && !f.lbs[0]!.endsWith('(past an edge)'), `L6 at ${w}×${h}: the load balancer wholly in the canvas (${f.lbs.join(', ')})`).toBe(true);
      }
    }
  }, 120_000);

  it("a message sits in the canvas's bar and covers no node of the world, at 1024×768, 1280×720 and 1440×900", async () => {
    const { page } = await context('light');
    // Two minutes in, the control plane's nodes stand at the canvas's top, where messages used to cover them.
    await openPage(page, `${url}?lesson=L5&t=2m`);
    await expect.poll(() => page.locator('.canvas .react-flow__node .inst').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Check my work' }).click();
    const messages = page.getByRole('status', { name: 'Messages' });
    await expect.poll(() => messages.textContent()).toContain('L5 not yet');
    for (const [w, h] of SIZES.filter(([x]) => x <= 1440)) {
      await page.setViewportSize({ width: w, height: h });
      await settle(page);
      await page.screenshot({ path: resolve(SHOTS, `message-L5-${w}x${h}.png`) });
      const covered = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.notices .notice')].map((n) => n.getBoundingClientRect());
        return [...document.querySelectorAll('.canvas .react-flow__node')]
          .filter((n) => {
            const r = n.getBoundingClientRect();
            return boxes.some((b) => b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom);
          })
          .map((n) => n.textContent?.slice(0, 40));
      });
      expect(covered, `L5 at ${w}×${h}: nodes under the message`).toEqual([]);
    }
  }, 120_000);

  it('the event log as a tab among the tools shows its entries in the whole panel, at 1024×768 and 1280×720 beside a lesson', async () => {
    const { page } = await context('light');
    await openPage(page, `${url}?lesson=L6&t=3m`);
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByRole('tab', { name: 'Event log' }).click();
      await settle(page);
      await page.screenshot({ path: resolve(SHOTS, `events-tab-L6-${w}x${h}.png`) });
      const [list, panel] = await page.evaluate(() => [document.querySelector('#tool-panel .events')!.getBoundingClientRect().height, document.querySelector('#tool-panel')!.getBoundingClientRect().height]);
      // The list takes the panel's height below the log's heading and filters, and its first entries are in sight.
      expect(list, `the event log's list at ${w}×${h} (panel ${panel} px)`).toBeGreaterThan(panel - 90);
      await expect.poll(() => page.locator('#tool-panel .events li').first().isVisible()).toBe(true);
    }
  }, 120_000);

  it('keyboard: every dialog closes on Escape and gives the focus back, separators resize and are remembered, F frames again, the focus ring shows in both themes', async () => {
    const { page } = await context('light');
    await openPage(page, `${url}?lesson=L4`);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    // The Keys dialog lists the palette and the fit key.
    await page.getByRole('button', { name: 'Keys' }).focus();
    await page.keyboard.press('Enter');
    const keys = page.getByRole('dialog', { name: 'Keyboard' });
    await expect.poll(() => keys.isVisible()).toBe(true);
    const text = (await keys.textContent())!;
    expect(text).toContain('Ctrl+KCommand palette');
    expect(text).toContain('FFit the canvas to what matters');
    expect(text).toContain('TSwitch between the light and the dark theme');
    await page.keyboard.press('Escape');
    await expect.poll(() => keys.isVisible()).toBe(false);
    expect(await focused()).toBe('Keys');
    // Lessons, and the solution's question.
    await page.getByRole('button', { name: 'Lessons' }).click();
    const lessons = page.getByRole('dialog', { name: /^Lessons/ });
    await expect.poll(() => lessons.isVisible()).toBe(true);
    // The demos' long titles wrap inside the dialog: nothing runs past its edge, at 1024 px as at 1280.
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 720 });
      const [scroll, client] = await lessons.evaluate((d) => [d.scrollWidth, d.clientWidth]);
      expect(scroll, `the Lessons dialog at ${width} px`).toBeLessThanOrEqual(client);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focused()).toBe('Lessons');
    await page.getByRole('button', { name: 'Show solution' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Show the solution?' }).isVisible()).toBe(true);
    // The focus starts on the button that keeps the puzzle: Enter does not give the solution away.
    expect(await focused()).toBe('Not yet');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show solution' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Show solution' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Show the solution?' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await focused()).toBe('Show solution');
    // Replacing the world asks; Escape keeps it, and the focus is back on the picker.
    await command(page, 'aws ecs create-cluster --cluster-name forum');
    await page.getByLabel('Scenario').focus();
    await page.getByLabel('Scenario').selectOption('busy-cluster');
    const ask = page.getByRole('dialog', { name: /^Open “Busy production-like cluster/ });
    await expect.poll(() => ask.isVisible()).toBe(true);
    expect(await ask.textContent()).toContain('It cannot be undone');
    await axe(page, 'the confirm dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => ask.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await page.getByText('1 action', { exact: true }).count()).toBe(1);
    // A separator, from the keyboard; the size comes back after a reload.
    const sep = page.getByRole('separator', { name: 'Resize the lesson pane' });
    const before = Number(await sep.getAttribute('aria-valuenow'));
    await sep.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await sep.getAttribute('aria-valuenow'))).toBe(before + 32);
    const ring = () =>
      page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement!);
        return `${cs.outlineStyle} ${parseFloat(cs.outlineWidth) >= 2}`;
      });
    expect(await ring()).toBe('solid true');
    await page.waitForTimeout(600);
    await page.reload();
    await page.locator('html[data-ready="true"]').waitFor();
    expect(Number(await sep.getAttribute('aria-valuenow'))).toBe(before + 32);
    // The lesson's link was consumed when it opened: the reload resumed the learner's work.
    expect(await page.getByText('1 action', { exact: true }).count()).toBe(1);
    // The theme from its key, remembered; the focus ring shows in the dark theme too.
    await page.locator('.lesson-head h2').click();
    await page.keyboard.press('t');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Check my work' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await ring()).toBe('solid true');
    await page.reload();
    await page.locator('html[data-ready="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Keys' }).click();
    await expect.poll(() => keys.isVisible()).toBe(true);
    await axe(page, 'the Keys dialog, dark');
    await page.screenshot({ path: resolve(SHOTS, 'keys-dark-1280x720.png') });
    await page.keyboard.press('Escape');
    // F frames the canvas again after the learner moved it.
    const viewport = () => page.evaluate(() => getComputedStyle(document.querySelector('.world .canvas .react-flow__viewport')!).transform);
    await command(page, 'sim launch-instances --cluster forum --count 2');
    await jump(page, '2m');
    await expect.poll(() => page.locator('.canvas .inst').count()).toBe(2);
    await settle(page);
    const framed = await viewport();
    const pane = (await page.locator('.world .canvas').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width / 2 - 150, pane.y + pane.height / 2 - 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(viewport).not.toBe(framed);
    await page.locator('.lesson-head h2').click();
    await page.keyboard.press('f');
    await expect.poll(viewport).toBe(framed);
  }, 90_000);

  it('a lesson flows: the prerequisite named with the way back, each lesson at its top, Run in console types the command, Show goal beside, and Next lesson after the debrief', async () => {
    const { page, errors } = await context('light');
    await openPage(page, `${url}?lesson=L3`);
    const pane = page.locator('.lesson-body');
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'builds on a lesson you have not passed yet' }).textContent()).toContain('L2: Put it in a container');
    // On a shorter window, the goals unfolded, the lesson's text scrolls (at 1280×720 L3's fits its pane).
    await page.setViewportSize({ width: 1280, height: 600 });
    const toggle = page.locator('.lesson-checks-head button');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'L2: Put it in a container' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Lesson L2' }).count()).toBe(1);
    // The link went with L3's text: the focus is on the new lesson's title, not lost to the page.
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focusedText).toBe('L2: Put it in a container');
    expect(await pane.evaluate((el) => el.scrollHeight > el.clientHeight && el.scrollTop === 0), 'L2 opens at the top of its text').toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    // Run in console: typed, with the focus on the command line; only Enter runs it.
    // The step's button (the checklist's line for the image names the same command, with its own).
    await page.locator('.lesson-body ol').getByRole('button', { name: 'Run in console: docker build -t forum:1 .' }).click();
    const cmd = page.getByLabel('Command');
    await expect.poll(() => cmd.inputValue()).toBe('docker build -t forum:1 .');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Command');
    expect(await page.getByText('0 actions', { exact: true }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('1 action', { exact: true }).count()).toBe(1);
    // Show goal: the world the solution ends in, beside the learner's, its commands not listed.
    await page.getByRole('button', { name: 'Show goal' }).click();
    const goal = page.getByRole('region', { name: 'The goal: the world the reference solution ends in' });
    await expect.poll(() => goal.locator('.local').textContent()).toContain('forum');
    expect(await goal.textContent()).not.toContain('docker run');
    await page.screenshot({ path: resolve(SHOTS, 'lesson-L2-goal-light-1280x720.png') });
    await page.getByRole('button', { name: 'Hide goal' }).click();
    for (const line of ['docker run -d -p 80:3000 --name forum forum:1', 'traffic http://localhost:80/api/users 2']) await command(page, line);
    // Check my work judges the moment the learner is at: a minute of traffic first.
    await page.getByLabel('Jump to').fill('1m');
    await page.getByLabel('Jump to').press('Enter');
    await expect.poll(() => page.getByLabel('Simulated time').textContent()).toBe('0:01:00');
    await page.getByRole('button', { name: 'Check my work' }).click();
    const next = page.getByRole('button', { name: /^Next lesson: L3/ });
    await expect.poll(() => next.count()).toBe(1);
    await page.screenshot({ path: resolve(SHOTS, 'lesson-L2-debrief-light-1280x720.png') });
    await next.click();
    await expect.poll(() => page.getByRole('region', { name: 'Lesson L3' }).count()).toBe(1);
    // L2 is passed now: L3 names no missing prerequisite, and opens at its top.
    expect(await page.getByRole('note').filter({ hasText: 'builds on' }).count()).toBe(0);
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
    // A lesson chosen in the Lessons dialog takes the focus, rather than the header's button that opened it.
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /L1: Meet the monolith/ })
      .click();
    await expect.poll(() => page.getByRole('region', { name: 'Lesson L1' }).count()).toBe(1);
    await expect.poll(focusedText).toBe('L1: Meet the monolith');
    expect(errors).toEqual([]);
  }, 90_000);
});
