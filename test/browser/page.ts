import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Page } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');

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
