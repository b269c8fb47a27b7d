import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Engine.strict for every test (test/setup/strict.ts).
    setupFiles: ['test/setup/strict.ts'],
    testTimeout: 60_000,
    // What a test waits for (a lesson catalogue loading, a clipboard write) may take seconds on a
    // busy machine; a poll fails only when the thing never happens within the test's time.
    expect: { poll: { timeout: 20_000 } },
  },
});
