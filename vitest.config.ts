import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/fastcheckSeed.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
