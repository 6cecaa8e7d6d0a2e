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
    // Browser journeys wait for pages on a loaded 2-core machine; a poll gives up after 20 s, not 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
