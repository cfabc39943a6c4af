import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each file opens its own PGlite (and, with TEST_DATABASE_URL, its own server database).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
