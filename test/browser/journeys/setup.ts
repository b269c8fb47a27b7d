import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable } from '../chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build, served by vite preview; empty when Chromium is not installed. */
    journeyUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../../..');
let server: PreviewServer | undefined;

/** One production build for every journey (Vitest sets NODE_ENV to test, which Vite would follow), served once. */
export async function setup(project: TestProject): Promise<void> {
  if (!chromiumAvailable('journeys')) {
    project.provide('journeyUrl', '');
    return;
  }
  const outDir = resolve(root, 'node_modules/.cache/journeys-dist');
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
  server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  project.provide('journeyUrl', server.resolvedUrls!.local[0]!);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
