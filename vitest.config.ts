import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/cache-dir.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PDF tests each start a real Chromium; two at once suits a 2-core machine.
    maxWorkers: 2,
  },
});
