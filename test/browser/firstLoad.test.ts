import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { openPage, servedBuild } from '../support/browser/page';
import { parseScenario } from '../../src/content/scenario';
import { Timeline } from '../../src/content/timeline';
import { eventHash } from '../../src/content/report';
import { BUILT_IN_SCENARIOS, defaultWorkspace } from '../../src/store/defaults';

/** Text only the `yaml` library's code has (its parse error's name, which minifying keeps). */
const YAML_LIBRARY = 'YAMLParseError';

/** Every script the page has fetched since `watch`, by address, with its text (empty for one still arriving as the page closes). */
function watch(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script')
      scripts.set(
        r.url(),
        r.text().catch(() => ''),
      );
  });
  return scripts;
}

/** Text only the engine's deferred namespaces have (an ELBv2 refusal, src/sim/api/elbv2.ts): their handlers arrive with src/sim/sim.ts's loadOperations. */
const DEFERRED_OPERATIONS = 'Health check timeout must be smaller than the interval';

async function withText(scripts: Map<string, Promise<string>>, text: string): Promise<string[]> {
  const texts = await Promise.all([...scripts].map(async ([u, t]) => [u, await t] as const));
  return texts.filter(([, t]) => t.includes(text)).map(([u]) => u.replace(/^.*\//, ''));
}
const withLibrary = (scripts: Map<string, Promise<string>>) => withText(scripts, YAML_LIBRARY);

// What the page fetches before the learner does anything, in the production build: the first view
// draws a built-in scenario from what the build parsed, so no YAML is read and the library stays out.
describe.runIf(chromiumAvailable('first load'))('the first load', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await servedBuild('first-load-test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the built-in scenario without the YAML library, which arrives when the editor opens', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const scripts = watch(page);
    try {
      await openPage(page, url);
      await page.locator('.react-flow__node').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(scripts.size).toBeGreaterThan(1);
      expect(await withLibrary(scripts)).toEqual([]);

      // The editor reads the learner's files: the parser and YAML load as it opens.
      await page.getByRole('tab', { name: 'Editor' }).click();
      await expect.poll(async () => (await withLibrary(scripts)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 90_000);

  // The first view's world calls ECS, the simulator and the Docker host alone: the other namespaces' handlers
  // and request tables stay out until a world calls them. The busy cluster (an ALB, Cloud Map, auto scaling)
  // waits for them, and then draws the world Node makes.
  it("loads the other namespaces' operations only for a world that calls them, and that world is Node's", async () => {
    const busy = BUILT_IN_SCENARIOS.find((b) => b.id === 'busy-cluster')!;
    const sc = parseScenario(busy.text!, 'scenario.yaml');
    const t = new Timeline(sc, sc.seed, []);
    t.seek(120_000);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const scripts = watch(page);
    try {
      await openPage(page, url);
      await page.locator('.react-flow__node').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await withText(scripts, DEFERRED_OPERATIONS)).toEqual([]);
      await page.getByLabel('Scenario').selectOption('busy-cluster');
      await expect.poll(async () => (await withText(scripts, DEFERRED_OPERATIONS)).length, { timeout: 30_000 }).toBe(1);
      await page.getByLabel('Jump to').fill('2m');
      await page.getByLabel('Jump to').press('Enter');
      await page.getByRole('tab', { name: 'Demos' }).click();
      await expect.poll(() => page.getByLabel('World fingerprint').textContent()).toBe(`World fingerprint at 0:02:00: ${eventHash(t.sim.events)}`);
    } finally {
      await context.close();
    }
  }, 90_000);

  // The build gives the engine only what it uses of its dependencies (seedrandom's Alea generator alone):
  // the first view's world is the one Node makes from the same scenario and seed.
  it("draws the world Node makes: the first view's scenario at 0:02:00 has Node's event hash", async () => {
    const w = defaultWorkspace();
    const t = new Timeline(parseScenario(w.scenarioText, 'scenario.yaml'), w.seed, []);
    t.seek(120_000);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await openPage(page, url);
      await page.getByLabel('Jump to').fill('2m');
      await page.getByLabel('Jump to').press('Enter');
      await page.getByRole('tab', { name: 'Demos' }).click();
      await expect.poll(() => page.getByLabel('World fingerprint').textContent()).toBe(`World fingerprint at 0:02:00: ${eventHash(t.sim.events)}`);
    } finally {
      await context.close();
    }
  }, 90_000);
});
