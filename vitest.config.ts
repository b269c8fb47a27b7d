import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Engine.strict for every test (test/support/strict.ts).
    setupFiles: ['test/support/strict.ts'],
    testTimeout: 60_000,
    // Two files at a time: vitest's default on a 2-core machine is one, which leaves the second core idle while a
    // file imports or a browser test waits for Chromium.
    maxWorkers: 2,
    // What a test waits for (a lesson catalogue loading, a clipboard write) may take seconds on a
    // busy machine; a poll fails only when the thing never happens within the test's time.
    expect: { poll: { timeout: 20_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/browser/journeys/**'] } },
      // A learner's journey through each lesson, in Chromium against one production build made for them all.
      { extends: true, test: { name: 'journeys', include: ['test/browser/journeys/**/*.test.ts'], globalSetup: ['test/support/browser/journeySetup.ts'] } },
    ],
  },
});
