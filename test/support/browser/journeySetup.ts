import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable } from './chromium';
import { servedBuild } from './page';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build, served by vite preview; empty when Chromium is not installed. */
    journeyUrl: string;
  }
}

let server: PreviewServer | undefined;

/** One production build for every journey (vitest.config.ts runs this as the journeys' global setup), served once. */
export async function setup(project: TestProject): Promise<void> {
  if (!chromiumAvailable('journeys')) {
    project.provide('journeyUrl', '');
    return;
  }
  const served = await servedBuild('journeys');
  server = served.server;
  project.provide('journeyUrl', served.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
