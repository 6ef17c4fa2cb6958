import { defineConfig } from 'vitest/config';

export default defineConfig({
  // JSX settings come from tsconfig.json (jsxImportSource: hono/jsx).
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A fresh PostgreSQL database for the run (the schema-equivalence and PostgreSQL tests).
    globalSetup: ['test/helpers/pg-global-setup.ts'],
  },
});
