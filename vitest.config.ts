import { defineConfig } from 'vitest/config';

/** The domain and API tests that also run on PostgreSQL (TEST_DB=postgres, test/helpers/test-db.ts). */
const ON_POSTGRES = [
  ...['engine', 'db', 'notices', 'workflows', 'openapi'].map((dir) => `test/${dir}/**/*.test.{ts,tsx}`),
  'test/portal/application-flow.test.ts', 'test/decisions/letters.test.ts', 'test/webhooks/registration.test.ts',
];

export default defineConfig({
  // JSX settings come from tsconfig.json (jsxImportSource: hono/jsx).
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A fresh PostgreSQL database for the run (test/helpers/pg-global-setup.ts).
    globalSetup: ['test/helpers/pg-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] } },
      // Every statement is a round trip to the server: more time per test than in-memory SQLite.
      { extends: true, test: { name: 'postgres', include: ON_POSTGRES, env: { TEST_DB: 'postgres' }, testTimeout: 120_000 } },
    ],
  },
});
