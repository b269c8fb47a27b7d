/**
 * The page's figures, measured in Debian's headless Chromium against the built app (`npm run bench`
 * runs this as its "page" section): the JavaScript the page loads before any action (until the network
 * is idle: lazy chunks the first view fetches count), time to interactive, and the canvas frame rate with
 * 200 instances and 2,000 tasks while the clock runs at 60× (tasks being placed, then steady) and 3,600×,
 * with the CPU time the page's main thread spent per frame (thread time: on a shared machine the frame
 * rate moves with the others' load, this much less).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium, type CDPSession } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
import { line } from './util';

export async function pageBench(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.error(`page bench skipped: ${CHROMIUM} is not installed`);
    return;
  }
  const root = resolve(import.meta.dirname, '..');
  const outDir = resolve(root, 'node_modules/.cache/bench-dist');
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // First load: every script fetched until the canvas shows and the network is idle (the entry, its
    // static imports and modulepreloads, the chunks the first view imports on its own, and the service
    // worker's script, which the page fetches to register it), gzipped as a server would send it. Listened
    // to on the context, as the service worker's script is not one of the page's responses. What the
    // service worker then caches in the background (the whole build, for offline use) is fetched, not run.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    context.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
    });
    await page.goto(url);
    await page.locator('html[data-ready="true"]').waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    await page.waitForLoadState('networkidle');
    const interactive = await page.evaluate(() => performance.getEntriesByName('sandbox-interactive')[0]?.startTime ?? NaN);
    const canvas = await page.evaluate(() => performance.getEntriesByName('sandbox-canvas')[0]?.startTime ?? NaN);
    const sizes = await Promise.all(scripts);
    line('page_first_load_js_gzip', sizes.reduce((a, b) => a + b, 0) / 1024, 'KB');
    line('page_first_load_scripts', sizes.length, 'files');
    line('page_time_to_interactive', interactive, 'ms');
    line('page_time_to_canvas', canvas, 'ms');

    // 200 instances, 2,000 tasks: frames per second over 5 s with the clock at 60×, once while the four
    // services are still placing their tasks (2 min in) and once when all 2,000 run (10 min in), then at 3,600×.
    await page.getByLabel('Scenario').selectOption('large-cluster');
    for (const [at, speed, label] of [
      ['2m', '60', '60x_while_tasks_start'],
      ['10m', '60', '60x_steady'],
      ['10m', '3600', '3600x'],
    ] as const) {
      await page.getByLabel('Jump to').fill(at);
      await page.getByLabel('Jump to').press('Enter');
      // A jump forward simulates minutes of 2,000 tasks: on a loaded machine that takes longer than the default wait.
      await page.locator('.canvas .chip.s-running').first().waitFor({ timeout: 180_000 });
      await page.getByLabel('Speed').selectOption(speed);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      const cpu = await mainThread(await context.newCDPSession(page));
      // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
      const fps = (await page.evaluate(`new Promise((done) => {
        const gaps = [];
        let last = performance.now();
        const end = last + 5000;
        const tick = (now) => {
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else {
            gaps.sort((a, b) => a - b);
            done({ frames: gaps.length / 5, p95: gaps[Math.floor(gaps.length * 0.95)], tasks: document.querySelectorAll('.canvas .chip').length });
          }
        };
        requestAnimationFrame(tick);
      })`)) as { frames: number; p95: number; tasks: number };
      const busy = await cpu();
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      line(`page_canvas_fps_200_instances_2000_tasks_${label}`, fps.frames, 'fps');
      line(`page_canvas_p95_frame_${label}`, fps.p95, 'ms');
      line(`page_canvas_main_thread_cpu_per_frame_${label}`, busy.total / Math.max(1, fps.frames * 5), 'ms');
      line(`page_canvas_main_thread_tasks_over_16ms_${label}`, busy.over16, 'tasks');
      line(`page_canvas_task_chips_in_dom_${label}`, fps.tasks, 'chips');
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Starts a trace of the page's main thread; the function it returns ends it and says how much CPU time
 * (thread time, so other processes on a shared machine do not count) the thread's tasks took in all,
 * and how many took over 16 ms: what the page itself spends on its frames, beside the frame rate.
 */
async function mainThread(cdp: CDPSession): Promise<() => Promise<{ total: number; over16: number }>> {
  const events: { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    // The busiest renderer main thread is the page's (a service worker's renderer, if any, idles).
    const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const byThread = new Map<string, number[]>();
    for (const e of events) {
      const key = `${e.pid}:${e.tid}`;
      if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(key)) continue;
      let list = byThread.get(key);
      if (!list) byThread.set(key, (list = []));
      list.push((e.tdur ?? e.dur ?? 0) / 1000);
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const tasks = [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? [];
    return { total: sum(tasks), over16: tasks.filter((t) => t > 16).length };
  };
}
