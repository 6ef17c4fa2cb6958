// drizzle-kit's settings for the PostgreSQL migrations (the SQLite ones: drizzle.config.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-pg.ts',
  out: './src/db/migrations-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres' },
});
