import { eq } from 'drizzle-orm';
import { decisions } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { visibleDecision } from './decision-access';
import { renderDecision } from './render-decision';

/**
 * The stored PDF of a decision, rendered now when the after-commit render has not happened yet
 * (a crash, or a download in the same second as the decision): a decision is never "not ready".
 */
export async function storedDecisionPdf(deps: Deps, id: number): Promise<{ pdf: Buffer; sha256: string }> {
  const read = () => deps.db.select({ pdf: decisions.pdf, sha256: decisions.pdfSha256 }).from(decisions).where(eq(decisions.id, id)).get();
  let row = read();
  if (!row?.pdf || !row.sha256) {
    await renderDecision(deps, id);
    row = read();
  }
  if (!row?.pdf || !row.sha256) throw new AppError('INTERNAL', 'The decision letter could not be rendered.');
  return { pdf: row.pdf, sha256: row.sha256 };
}

/** One download, in the audit chain: who took which document (auditors' downloads must be traceable). */
export function recordDownload(deps: Deps, user: CurrentUser, d: { caseId: number | null; type: string; data: Record<string, unknown> }): void {
  writeTx(deps.db, (tx) => appendAudit(tx, {
    at: deps.clock.now().toISOString(), kind: 'download', caseId: d.caseId, actorId: user.id, actorName: user.name,
    actorRole: user.role, type: d.type, data: d.data,
  }));
}

/** GET /decisions/:id.pdf — visibility first (404), then the bytes, then the audit row. */
export async function downloadDecisionPdf(deps: Deps, user: CurrentUser | null, id: number) {
  const { decision } = visibleDecision(deps, user, id);
  const { pdf, sha256 } = await storedDecisionPdf(deps, id);
  recordDownload(deps, user!, { caseId: decision.caseId, type: 'decision.downloaded', data: { decisionId: id, number: decision.number, sha256 } });
  return { pdf, sha256, filename: `${decision.number}.pdf` };
}
