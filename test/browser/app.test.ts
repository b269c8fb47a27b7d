import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { servedBuild } from '../support/browser/page';

const root = resolve(import.meta.dirname, '../..');
/** Screenshots of the main views, for a reviewer to look at (test-output/ is not committed). */
const SHOTS = resolve(root, 'test-output/screens');

const TASKDEF_MISSING_MEMORY = `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "portMappings": [{ "containerPort": 80, "hostPort": 80 }]
    }
  ]
}`;

// The built app, as a learner gets it: offline, driven by mouse and keyboard.
describe.runIf(chromiumAvailable('app'))('the sandbox page', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    // The production build, as a classroom serves it.
    ({ server, url } = await servedBuild('app-test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  // A page left open by a failed test would keep the next page in the background, where the clock
  // (requestAnimationFrame) does not run: close each test's pages whatever happened.
  const pages: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close().catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(page: Page, at = url): Promise<void> {
    await page.goto(at);
    await page.locator('html[data-ready="true"]').waitFor();
  }

  const log = (page: Page) => page.getByRole('log', { name: /^Events/ });
  const chips = (page: Page) => page.locator('.canvas .chip');
  const clock = (page: Page) => page.getByLabel('Simulated time');

  async function playUntil(page: Page, done: () => Promise<boolean>): Promise<void> {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    try {
      await expect.poll(done, { timeout: 15_000 }).toBe(true);
    } catch (e) {
      await shot(page, 'failed-play');
      throw e;
    }
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
  }

  it('registers a task definition from the editor, runs tasks, explains placement, scrubs, keeps the work and shares it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    pages.push(context);
    const page = await context.newPage();
    const external: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await open(page);
    await expect.poll(() => page.getByLabel('Scenario').inputValue()).toBe('empty-cluster');

    // The instances boot and register.
    await playUntil(page, async () => (await log(page).textContent())!.split('registered with cluster demo').length === 4);
    await expect.poll(() => page.locator('.canvas .inst').count()).toBe(3);

    // The editor: a task definition the engine refuses gets a marker at its line; the example registers.
    await page.getByRole('tab', { name: 'Editor' }).click();
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor({ timeout: 20_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    // Pasted, as a learner would bring a task definition in (typing would auto-close brackets).
    await page.evaluate((t) => navigator.clipboard.writeText(t), TASKDEF_MISSING_MEMORY);
    await page.keyboard.press('Control+V');
    await page.getByRole('button', { name: 'Register task definition' }).click();
    const problems = page.getByRole('list', { name: 'Problems in taskdef.json' });
    await expect.poll(() => problems.textContent()).toMatch(/^taskdef\.json:4:\d+: ClientException: Invalid setting for container 'web'\. At least one of 'memory' or 'memoryReservation' must be specified\./);
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    await shot(page, 'editor-with-marker');
    await page.getByRole('button', { name: 'Restore the example text' }).click();
    await page.getByRole('button', { name: 'Register task definition' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Messages' }).textContent()).toContain('Registered task definition web:1.');

    // Run four tasks that each want host port 80 on three instances: three land, one cannot.
    await page.getByRole('tab', { name: 'Console' }).click();
    const cmd = page.getByLabel('Command');
    await cmd.fill('aws ecs run-task --cluster demo --task-definition web --count 4');
    await cmd.press('Enter');
    await expect.poll(() => page.getByRole('log', { name: 'Console output' }).textContent()).toContain('"reason": "RESOURCE:PORTS"');
    await playUntil(page, async () => (await page.locator('.canvas .chip.s-running').count()) === 3);
    expect(await log(page).textContent()).toMatch(/Task [0-9a-f]{32} \(web\) is RUNNING on i-/);
    await shot(page, 'canvas-running-tasks');

    // Why here: the placement trace of a task, one row per candidate instance.
    await chips(page).first().click();
    await page.getByRole('tab', { name: 'Why here?' }).click();
    const table = page.getByRole('table', { name: /Each candidate/ });
    await expect.poll(() => table.locator('tbody tr.candidate').count()).toBe(3);
    expect(await table.locator('tr.candidate.v-chosen').count()).toBe(1);
    expect(await table.locator('tr.why').first().textContent()).toMatch(/random picked/);
    await shot(page, 'placement-trace');
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.locator('.history li').count()).toBeGreaterThan(2);

    // Scrub back before the tasks existed, and forward again to the same world.
    const end = (await clock(page).textContent())!;
    const endLog = (await log(page).textContent())!;
    const scrub = page.getByLabel(/^Timeline/);
    await scrub.fill('30000');
    await expect.poll(() => clock(page).textContent()).toBe('0:00:30');
    await expect.poll(() => chips(page).count()).toBe(0);
    expect(await page.locator('.canvas .inst').count()).toBe(0);
    await expect.poll(() => page.getByText('Viewing the past').count()).toBe(1);
    await scrub.fill((await scrub.getAttribute('max')) as string);
    await expect.poll(() => clock(page).textContent()).toBe(end);
    expect(await page.locator('.canvas .chip.s-running').count()).toBe(3);
    expect(await log(page).textContent()).toBe(endLog);

    // Reload: the actions and the moment are kept.
    await page.waitForTimeout(700);
    await page.reload();
    await page.locator('html[data-ready="true"]').waitFor();
    await expect.poll(() => clock(page).textContent()).toBe(end);
    expect(await page.getByText('3 actions').count()).toBe(1);
    await expect.poll(() => page.locator('.canvas .chip.s-running').count()).toBe(3);
    expect(await log(page).textContent()).toBe(endLog);

    // A share link opened elsewhere replays to the same state.
    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#share=[A-Za-z0-9_-]+$/);
    // The field stands among the messages, over none of the page's controls (it had covered Undo, Redo and
    // Jump to), and Escape hides it.
    const under = await page.evaluate(() => {
      const f = document.querySelector('.share-pop')!.getBoundingClientRect();
      return [...document.querySelectorAll('button, input, select')]
        .filter((c) => !c.closest('.notices, .react-flow'))
        .filter((c) => {
          const r = c.getBoundingClientRect();
          return r.width > 0 && f.left < r.right && r.left < f.right && f.top < r.bottom && r.top < f.bottom;
        })
        .map((c) => c.getAttribute('aria-label') ?? c.textContent);
    });
    expect(under).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('textbox', { name: 'Share link' }).count()).toBe(0);
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page2 = await other.newPage();
    await open(page2, link);
    await expect.poll(() => page2.getByRole('status', { name: 'Messages' }).textContent()).toContain('Opened a shared sandbox: 3 actions');
    expect(await clock(page2).textContent()).toBe(end);
    expect(await log(page2).textContent()).toBe(endLog);
    await expect.poll(() => page2.locator('.canvas .chip.s-running').count()).toBe(3);
    await other.close();

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('undoes and redoes a learner action, and acting in the past replaces the future', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    pages.push(page);
    await open(page);
    await page.getByRole('button', { name: 'Reset' }).click();
    await playUntil(page, async () => (await log(page).textContent())!.split('registered with cluster demo').length === 4);
    const jump = async (to: string, shown: string) => {
      await page.getByLabel('Jump to').fill(to);
      await page.getByLabel('Jump to').press('Enter');
      await expect.poll(() => clock(page).textContent()).toBe(shown);
    };
    const cmd = page.getByLabel('Command');
    await jump('2m', '0:02:00');
    await cmd.fill('aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
    await cmd.press('Enter');
    await jump('3m', '0:03:00');
    await cmd.fill('aws ecs run-task --cluster demo --task-definition web --count 2');
    await cmd.press('Enter');
    await playUntil(page, async () => (await page.locator('.canvas .chip.s-running').count()) === 2);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Z');
    await expect.poll(() => chips(page).count()).toBe(0);
    await expect.poll(() => page.getByText('1 action', { exact: true }).count()).toBe(1);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => page.locator('.canvas .chip.s-running').count()).toBe(2);

    // Back to before the tasks, then a different command: the old future is gone.
    await jump('2m30s', '0:02:30');
    await cmd.fill('aws ecs run-task --cluster demo --task-definition web --count 1');
    await cmd.press('Enter');
    await expect.poll(() => page.getByText('Viewing the past').count()).toBe(0);
    await playUntil(page, async () => (await page.locator('.canvas .chip.s-running').count()) === 1);
    await page.waitForTimeout(300);
    expect(await page.locator('.canvas .chip').count()).toBe(1);
    await page.close();
  }, 90_000);

  it('is operable from the keyboard, has a table view of the canvas, and passes axe on every main view', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    pages.push(context);
    const page = await context.newPage();
    await open(page);
    await page.getByLabel('Scenario').selectOption('busy-cluster');
    await expect.poll(() => page.getByLabel('Seed').inputValue()).toBe('7');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count()).toBe(1);
    await page.getByLabel('Speed').selectOption('600');
    await expect.poll(async () => /\(service worker\) has reached a steady state/.test((await log(page).textContent())!), { timeout: 20_000 }).toBe(true);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);

    const axe = async (view: string) => {
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const found = r.violations.map((v) => `${view}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      expect(found).toEqual([]);
    };
    await shot(page, 'busy-cluster-canvas');
    await axe('canvas');

    await page.keyboard.press('v');
    await expect.poll(() => page.getByRole('table', { name: /^Tasks/ }).count()).toBe(1);
    await shot(page, 'busy-cluster-tables');
    await axe('tables');
    await page
      .getByRole('table', { name: /^Tasks/ })
      .getByRole('button')
      .first()
      .click();
    await expect.poll(() => page.getByRole('region', { name: 'Inspector' }).textContent()).toContain('"lastStatus"');
    await axe('inspector');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Charts' }).click();
    await expect.poll(() => page.locator('figure.chart').count()).toBeGreaterThan(3);
    await shot(page, 'busy-cluster-charts');
    await axe('charts');

    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.locator('.monaco-editor').first().waitFor({ timeout: 20_000 });
    await axe('editor');
    await page.close();
  }, 120_000);

  it('recovers a damaged saved workspace with a notice, and refuses a bad share link without losing work', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('ecs-sandbox.workspace', '{"version": 2, "scenarioText": 42');
        sessionStorage.setItem('seeded', '1');
      }
    });
    pages.push(context);
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => page.getByRole('status', { name: 'Messages' }).textContent()).toContain('The saved workspace could not be read');
    expect(await page.evaluate(() => localStorage.getItem('ecs-sandbox.workspace.damaged.0'))).toBe('{"version": 2, "scenarioText": 42');
    // The default scenario's cluster (its instances are still booting, so no zone is drawn yet).
    await expect.poll(() => page.locator('.canvas .cluster').textContent()).toContain('Cluster demo');
    // The notice leads to the list of damaged copies, each with Restore and Download.
    await page.getByRole('status', { name: 'Messages' }).getByRole('button', { name: 'Damaged copies' }).click();
    const list = page.getByRole('dialog', { name: 'Damaged copies of the saved workspace' });
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await list.getByRole('button', { name: 'Restore' }).count()).toBe(1);
    const saved = page.waitForEvent('download');
    await list.getByRole('button', { name: 'Download' }).click();
    expect((await saved).suggestedFilename()).toBe('workspace-damaged-0.json');
    await list.getByRole('button', { name: 'Close' }).click();

    await page.evaluate(() => {
      location.hash = '#share=not-a-real-link';
    });
    await expect.poll(() => page.getByRole('status', { name: 'Messages' }).textContent()).toContain('This share link cannot be opened');
    expect(await page.getByLabel('Scenario').inputValue()).toBe('empty-cluster');
    await context.close();
  }, 60_000);

  it('plays lesson L4 as a new learner would: reads, acts in the console and the editor, runs, checks, and reaches the debrief', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    pages.push(context);
    const page = await context.newPage();
    await open(page);
    await page.getByRole('button', { name: 'Lessons' }).click();
    // Every lesson and demo loads: none is reported as skipped.
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('(0 of 16 passed)');
    expect(await page.getByRole('dialog').getByRole('alert').count()).toBe(0);
    expect(
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Game day: an Availability Zone is lost/ })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: /L4: From Compose to ECS/ }).click();
    const pane = page.getByRole('region', { name: 'Lesson L4' });
    await expect.poll(() => pane.textContent()).toContain('Time to leave your machine');
    // Something the lesson does not use is refused in the console, named, with the reason.
    const cmd = page.getByLabel('Command');
    await page.getByRole('tab', { name: 'Console' }).click();
    await cmd.fill('copilot app init forum');
    await cmd.press('Enter');
    await expect.poll(() => page.getByRole('log', { name: 'Console output' }).textContent()).toContain('$ copilot app init forumnot run: lesson L4 uses only: docker push');
    // The clock has not moved, so the password get-login-password prints is the one of 0:00 (as in the lesson's solution).
    const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    const password =
      'eyJwYXlsb2FkIjoiNDU4ZmE0YzVhYThjNDMyNDdkZDQzNTM0ZWNmMmFhMGVlYTU4NmQ2MzMwNTA2MGIxN2IzYjI5MDljZGM4MmE0NyIsImRhdGFrZXkiOiIyZWVkODI1ODhhMWNhMDc3NzNmZGZjYmM5YTczZDZhMDA5Y2ZmYTZkZmJkYzlhYjNmNjhlMjdhMzk2OTBiYzk3IiwidmVyc2lvbiI6IjIiLCJ0eXBlIjoiREFUQV9LRVkiLCJleHBpcmF0aW9uIjoxNzM1NzMyODAwfQ==';
    const push = [
      'aws ecr create-repository --repository-name forum',
      'aws ecr get-login-password',
      `docker login --username AWS --password ${password} ${registry}`,
      `docker tag forum:2 ${registry}/forum:2`,
      `docker push ${registry}/forum:2`,
    ];
    for (const line of [...push, 'aws ecs create-cluster --cluster-name forum', 'sim launch-instances --cluster forum --count 2']) {
      await cmd.fill(line);
      await cmd.press('Enter');
    }
    await expect.poll(() => pane.locator('.checklist li.ok').count()).toBe(1);
    await playUntil(page, async () => (await log(page).textContent())!.split('registered with cluster forum').length === 3);
    await expect.poll(() => pane.locator('.checklist li.ok').count()).toBe(2);
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.getByRole('button', { name: 'Register task definition' }).click();
    await expect.poll(() => pane.locator('.checklist li.ok').count()).toBe(3);
    await page.getByRole('tab', { name: 'Console' }).click();
    await cmd.fill('aws ecs run-task --cluster forum --task-definition forum-api');
    await cmd.press('Enter');
    await playUntil(page, async () => (await page.locator('.canvas .chip.s-running').count()) === 1);
    await expect.poll(() => pane.locator('.checklist li.ok').count()).toBe(4);
    await page.getByRole('button', { name: 'Check my work' }).click();
    await expect.poll(() => pane.getByRole('status').textContent()).toContain('Debrief');
    expect(await pane.textContent()).toContain('checked by replaying your 9 actions');
    await shot(page, 'lesson-L4-debrief');
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

    // The progress is kept, and the lesson list says so.
    await page.reload();
    await page.locator('html[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Lessons' }).click();
    await expect.poll(() => page.getByRole('button', { name: /L4: From Compose to ECS/ }).textContent()).toContain('✓');
  }, 120_000);

  it('opens a demo at a time in the presenter view, stops at its question and reveals it; a link to a missing lesson says so', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    pages.push(context);
    const page = await context.newPage();
    await open(page, `${url}?demo=game-day&t=7m45s&present`);
    await expect.poll(() => page.getByRole('region', { name: /^Demo: Game day/ }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Console' }).count()).toBe(0);
    await expect.poll(() => clock(page).textContent()).toBe('0:07:45');
    await page.getByLabel('Speed').selectOption('10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const q = page.getByRole('alertdialog');
    await expect.poll(() => q.textContent(), { timeout: 15_000 }).toContain('In 10 seconds AZ us-east-1b loses both its instances');
    expect(await clock(page).textContent()).toBe('0:07:50');
    await page.keyboard.press('Enter');
    await expect.poll(() => q.textContent()).toContain('What happens:');
    await shot(page, 'demo-presenter');
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => q.count()).toBe(0);

    await open(page, `${url}?lesson=L99`);
    await expect.poll(() => page.getByRole('status', { name: 'Messages' }).textContent()).toContain('The link asks for lesson "L99", which does not exist');
  }, 90_000);

  it('runs any action from the command palette (Ctrl+K): filtered by typing, chosen with the keyboard, Escape returns the focus', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    pages.push(context);
    const page = await context.newPage();
    await open(page);
    const palette = page.getByRole('dialog', { name: 'Action palette' });
    const filter = palette.getByRole('combobox');
    // From a text field too: the seed field keeps its own keys, Ctrl+K opens the palette.
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('Control+K');
    await expect.poll(() => palette.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    const undo = palette.getByRole('option', { name: /Undo the last action/ });
    expect(await undo.getAttribute('aria-disabled')).toBe('true');
    expect(await undo.textContent()).toContain('not now: nothing to undo yet');
    await shot(page, 'palette-open');
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('seed');

    // Filter, move with the arrows, run with Enter.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+K');
    await filter.fill('speed');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await shot(page, 'palette-filtered');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Speed').inputValue()).toBe('600');
    expect(await palette.isVisible()).toBe(false);

    // An action that takes a line asks for it.
    await page.keyboard.press('Control+K');
    await filter.fill('jump');
    await page.keyboard.press('Enter');
    await page.keyboard.type('5m');
    await page.keyboard.press('Enter');
    await expect.poll(() => clock(page).textContent()).toBe('0:05:00');

    // The Keys dialog is fed by the same table; Escape closes it.
    await page.keyboard.press('Control+K');
    await filter.fill('keyboard');
    await page.keyboard.press('Enter');
    const keys = page.getByRole('dialog', { name: 'Keyboard' });
    await expect.poll(() => keys.isVisible()).toBe(true);
    expect(await keys.textContent()).toContain('Ctrl+KCommand palette');
    await page.keyboard.press('Escape');
    await expect.poll(() => keys.isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  it('keeps the console: history, Tab completion and the CLI error text', async () => {
    const page = await browser.newPage();
    pages.push(page);
    await open(page);
    const cmd = page.getByLabel('Command');
    await cmd.fill('aws ecs list-clusters');
    await cmd.press('Enter');
    const out = page.getByRole('log', { name: 'Console output' });
    await expect.poll(() => out.textContent()).toContain('"clusterArns": [');
    await cmd.fill('aws ecs describe-services --cluster nope --services web');
    await cmd.press('Enter');
    await expect.poll(() => out.textContent()).toContain('An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.');
    await cmd.press('ArrowUp');
    expect(await cmd.inputValue()).toBe('aws ecs describe-services --cluster nope --services web');
    await cmd.press('ArrowUp');
    expect(await cmd.inputValue()).toBe('aws ecs list-clusters');
    await cmd.fill('aws ecs describe-t');
    await cmd.press('Tab');
    expect(await cmd.inputValue()).toBe('aws ecs describe-task');
    await expect.poll(() => page.getByText('describe-task-definition  describe-tasks').count()).toBe(1);
    // Its choices listed, another Tab has nothing to add: the focus moves on, as it does from an empty line.
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await cmd.press('Tab');
    await expect.poll(focusedName).toBe('Run command');
    expect(await cmd.inputValue()).toBe('aws ecs describe-task');
    await cmd.fill('');
    await cmd.press('Tab');
    await expect.poll(focusedName).toBe('Run command');
    // A sleep lets time pass and stays in the transcript where it was typed, like what a refused one prints.
    const lines = () => out.locator('.cmd').allTextContents();
    await cmd.fill('sleep 30');
    await cmd.press('Enter');
    await expect.poll(() => clock(page).textContent()).toBe('0:00:30');
    await cmd.fill('sleep soon');
    await cmd.press('Enter');
    await cmd.fill('aws ecs list-clusters');
    await cmd.press('Enter');
    const typed = ['$ aws ecs list-clusters', '$ aws ecs describe-services --cluster nope --services web', '$ sleep 30', '$ sleep soon', '$ aws ecs list-clusters'];
    await expect.poll(lines).toEqual(typed);
    expect(await out.textContent()).toContain("$ sleep soonsleep: invalid time interval 'soon'; give a duration such as 30, 90s or 5m$ aws ecs list-clusters");
    // Reloaded, the transcript is rebuilt from the saved actions: the sleeps are where they were, the clock too.
    await page.waitForTimeout(700);
    await page.reload();
    await page.locator('html[data-ready="true"]').waitFor();
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect.poll(lines).toEqual(typed);
    expect(await clock(page).textContent()).toBe('0:00:30');
    await page.close();
  }, 60_000);

  it("checks L15's service file as CreateService input, not as a task definition: no marks on the lesson's file, a task definition's member marked", async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    pages.push(context);
    const page = await context.newPage();
    await open(page, `${url}?lesson=L15`);
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.getByRole('tab', { name: /service\.json/ }).click();
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText('The console reads this file as file://service.json').count()).toBe(1);
    // The JSON worker has checked the file once its markers for the task definition would have shown.
    await page.waitForTimeout(1500);
    expect(await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').count()).toBe(0);
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.evaluate((t) => navigator.clipboard.writeText(t), '{\n  "serviceName": "forum-api",\n  "containerDefinitions": []\n}');
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.monaco-editor .squiggly-warning').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await expect.poll(() => page.locator('.monaco-editor').first().textContent()).toContain('Property containerDefinitions is not allowed.');
  });
});
