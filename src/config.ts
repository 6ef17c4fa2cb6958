// Environment read and validated once. Every setting of API.md lives here.
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/app.db'),
  /** postgres://… selects PostgreSQL (several app servers on one database); unset: SQLite at DATABASE_PATH. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL').optional(),
  DOCUMENTS_PATH: z.string().optional(),
  DEMO_DATA: flag.optional(),
  PUBLIC_NOTICE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(86_400).default(60),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Served over HTTPS: cookies get `Secure` and the `__Host-` prefix. */
  HTTPS: flag.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** scrypt cost exponent: 2^15 meets OWASP ASVS 5 appendix C; tests may lower it. */
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  /** Proxy hops in front of the server whose X-Forwarded-For is believed (0: none, the socket's address counts). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['silent', 'info']).default('info'),
  /** Renderer processes for decision letters and case files (each ~25 ms a letter, one core). */
  PDF_RENDERERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Webhook URLs on loopback and private networks are refused (SSRF) unless this is on. */
  WEBHOOK_ALLOW_PRIVATE: flag.default(false),
  /** Delay before the first retry of a failed webhook delivery; doubles with each attempt, for up to 24 hours. */
  WEBHOOK_RETRY_SECONDS: z.coerce.number().min(0.01).max(3600).default(30),
});

export type Config = z.infer<typeof schema> & { demoData: boolean; documentsPath: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid settings: ${problems}`);
  }
  const c = parsed.data;
  // Several app servers on PostgreSQL must share one documents folder: it is named, never guessed.
  if (c.DATABASE_URL && !c.DOCUMENTS_PATH) throw new Error('Invalid settings: DOCUMENTS_PATH: required with DATABASE_URL (a folder every app server shares)');
  const isDefaultDb = !c.DATABASE_URL && c.DATABASE_PATH === 'data/app.db';
  return {
    ...c,
    // Demo accounts are on by default for the embedded default database only.
    demoData: c.DEMO_DATA ?? isDefaultDb,
    documentsPath: c.DOCUMENTS_PATH ?? (c.DATABASE_PATH === ':memory:' ? '' : `${c.DATABASE_PATH}.files`),
  };
}

/** A configuration for tests: in-memory database, cheap hashing, no demo data. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ DATABASE_PATH: ':memory:', DEMO_DATA: '0', SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent', ...overrides });
}
