import { defineConfig } from 'vitest/config';

export default defineConfig({
  // JSX settings come from tsconfig.json (jsxImportSource: hono/jsx).
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
