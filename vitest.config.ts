import { defineConfig } from 'vitest/config';
import { skipReasons } from './tests/setup/skip-reasons.js';

export default defineConfig({
  // A summary line for each reason tests were skipped (and for PGlite-only runs).
  plugins: [skipReasons()],
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node, and so every dependency, loads
    // the CJS one; without this, vite would give our sources the ESM one, and a GraphQLError we
    // throw would not be `instanceof` the class yoga checks (so it would be masked in tests only).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Each file opens its own PGlite (and, with TEST_DATABASE_URL, its own server database).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
