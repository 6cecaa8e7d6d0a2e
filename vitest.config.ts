import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: two workers, each file gets its own fresh databases.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
