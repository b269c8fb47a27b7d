import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Engine.strict for every test (test/setup/strict.ts).
    setupFiles: ['test/setup/strict.ts'],
    testTimeout: 60_000,
  },
});
