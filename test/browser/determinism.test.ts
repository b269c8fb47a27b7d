import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { checkLesson, parseIndex, parseLesson } from '../../src/content/lesson';
import { relative, sep } from 'node:path';
import { statSync } from 'node:fs';

// Same scenario and seed, same event log, in Node and in Chromium: V8 versions differ in the last
// bit of Math.log/exp/pow, so the engine must not let such functions decide event times.
const dir = resolve(import.meta.dirname, '../scenarios');
const scenarios = [
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
  ...readdirSync(join(dir, 'more'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, 'more', f), 'utf8') })),
];

describe.runIf(chromiumAvailable('browser determinism'))('Node and Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('give the same event hash for every scenario', async () => {
    const bundle = await build({ entryPoints: [resolve(import.meta.dirname, '../support/browser/entry.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent('<!doctype html><title>determinism</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const inBrowser = (await page.evaluate((list) => (globalThis as unknown as { runScenarios: (l: unknown) => unknown }).runScenarios(list), scenarios)) as { name: string; hash: string; events: number; passed: boolean }[];
    const inNode = scenarios.map(({ name, text }) => {
      const r = runScenario(parseScenario(text, name));
      return { name, hash: r.eventHash, events: r.events.length, passed: r.passed };
    });
    expect(inBrowser).toEqual(inNode);
    expect(inNode.filter((r) => r.events > 0).length).toBeGreaterThan(30);
    expect(requests).toEqual([]);
    const ua = await page.evaluate(() => navigator.userAgent);
    expect(ua).toContain('Chrome/');

    // Every lesson: its solution's verdict and event hash are the same in Chromium as in Node.
    const root = resolve(import.meta.dirname, '../../lessons');
    const files: Record<string, string> = {};
    for (const f of readdirSync(root, { recursive: true }) as string[]) {
      const p = join(root, f);
      if (statSync(p).isFile()) files[relative(root, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
    const ids = parseIndex(files).chapters.flatMap((c) => c.lessons);
    const lessonsInBrowser = await page.evaluate(([f, i]) => (globalThis as unknown as { checkLessons: (f: unknown, i: unknown) => unknown }).checkLessons(f, i), [files, ids] as const);
    const lessonsInNode = ids.map((id) => {
      const l = parseLesson(files, id);
      const r = checkLesson(l, l.solution);
      return { id, passed: r.passed, hash: r.eventHash };
    });
    expect(lessonsInBrowser).toEqual(lessonsInNode);
    expect(lessonsInNode.every((x) => x.passed)).toBe(true);
  });
});
