// A whole application over a fresh in-memory database, with a clock the test controls.
import { createApp, type App } from '../../src/app';
import { testConfig } from '../../src/config';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { openTestDb } from './test-db';

export { DEMO_PASSWORD } from '../../src/domain/setup/demo-accounts';

export interface TestApp { app: App; deps: Deps; clock: FakeClock }

export interface TestAppOptions {
  /** Create the demo accounts of API.md (11 users, 2 enterprises). Default true. */
  demo?: boolean;
  /** Settings as environment strings, on top of testConfig() (e.g. `{ HTTPS: '1' }`). */
  config?: Record<string, string>;
  /** Start time of the fake clock. */
  now?: Date;
}

export async function makeTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const config = testConfig(opts.config);
  const clock = new FakeClock(opts.now);
  const deps: Deps = { db: await openTestDb(), config, clock };
  ensureReferenceData(deps.db);
  if (opts.demo ?? true) await seedDemoAccounts(deps);
  return { app: createApp(deps), deps, clock };
}
