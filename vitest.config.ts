import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) copies. Node, and so Pothos and Yoga,
    // load the CommonJS one; Vite would give our files the ESM one, and a schema built with one
    // copy cannot be read with the other ("from another module or realm").
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
