import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default'],
    // Browser journeys wait for pages on a loaded 2-core machine; a poll gives up after 20 s, not 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-api',
          include: ['src/**/*.test.ts', 'tests/api/**/*.test.ts'],
          // Builds the migrated and seeded template databases once; each file clones fresh ones.
          globalSetup: ['tests/support/global-setup.ts'],
          // Two cores: two workers.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Each journey runs the product and a browser: one at a time, after the rest, so a page is
          // never starved of CPU by another journey (clicks during animations were lost that way).
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
