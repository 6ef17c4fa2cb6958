import type { Deps } from '../deps';
import { startScheduler } from '../cases/run-scheduler';
import { renderPendingDecisions } from '../decisions/render-decision';
import { backfillCaseFigures } from './case-figures';
import { startWebhookWorker } from '../webhooks/deliver-webhooks';
import { ensureReferenceData } from './reference-data';
import { seedDemoAccounts } from './demo-accounts';
import { seedDemoCases } from './demo-cases';

/** How often decisions still without a PDF (a crash, a failed render) are retried. */
const RENDER_SWEEP_MS = 30_000;

/**
 * Work at server start after migrations: reference data, demo accounts on a new database,
 * then the background jobs: the scheduler of timed events and the decision-letter renderer.
 */
export async function startBackgroundWork(deps: Deps): Promise<void> {
  ensureReferenceData(deps.db);
  backfillCaseFigures(deps.db);
  // Demo cases only on a new database (the accounts were just made), never on top of real work.
  if (deps.config.demoData && (await seedDemoAccounts(deps))) seedDemoCases(deps, deps.config.LOG_LEVEL === 'silent' ? undefined : console.warn);
  startScheduler(deps);
  startWebhookWorker(deps);
  void renderPendingDecisions(deps);
  setInterval(() => void renderPendingDecisions(deps), RENDER_SWEEP_MS).unref();
}
