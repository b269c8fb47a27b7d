import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../../..');

/**
 * A production build, as `npm run build` makes it, served by `vite preview`. Vitest sets NODE_ENV
 * to test, which Vite would follow (React's development build): the build runs as production.
 */
export async function servedBuild(name: string): Promise<{ server: PreviewServer; url: string }> {
  const outDir = resolve(root, `node_modules/.cache/${name}-dist`);
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  const server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  return { server, url: server.resolvedUrls!.local[0]! };
}

/** Opens the page at an address and waits until it has read its links and drawn its first state. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-ready="true"]').waitFor();
}

/**
 * What a pane of worlds side by side makes hard to read, measured in the page: each piece of its text
 * under 11 px on screen (its font size times the canvas's zoom), and each heading cut short (the
 * pane's title, a cluster's, a zone's: its text wider than its box).
 */
export const PANE_TEXT = `(() => {
  const small = [];
  const cut = [];
  for (const frame of document.querySelectorAll('.side-by-side .canvas-frame')) {
    const vp = frame.querySelector('.react-flow__viewport');
    const zoom = vp ? new DOMMatrixReadOnly(getComputedStyle(vp).transform).a : 1;
    const walk = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const el = t.parentElement;
      if (!t.textContent.trim() || !el || !el.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * (el.closest('.react-flow__viewport') ? zoom : 1);
      if (px < 10.95) small.push(t.textContent.trim() + ' (' + px.toFixed(1) + ' px)');
    }
    for (const h of frame.querySelectorAll('.canvas-title, .cluster, .zone')) if (h.scrollWidth > h.clientWidth + 0.5) cut.push(h.textContent);
  }
  return { small, cut };
})()`;
