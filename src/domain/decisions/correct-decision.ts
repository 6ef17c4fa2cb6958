import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { decisions } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import type { InstitutionCode } from '../../../workflows/types';
import { toActor, type CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { visibleDecision } from './decision-access';
import { issueDecision } from './issue-decision';
import { renderDecisionSoon } from './render-decision';

export const correctionInput = z.object({
  reasons: z.string().trim().min(5, '请说明更正理由 / Give the corrected reasons (at least 5 characters)').max(4000),
  amount: z.union([z.number(), z.string()]).optional().transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n) || n < 0) { ctx.addIssue({ code: 'custom', message: '金额须为非负数 / The amount must be a non-negative number' }); return z.NEVER; }
    return n;
  }),
  conditions: z.string().trim().max(4000).optional(),
});

const CORRECTING_ROLES: CurrentUser['role'][] = ['officer', 'approver', 'liaison'];

/**
 * 决定一经作出不再修改 (DOMAIN.md): a correction is a new decision, numbered in the issuing
 * institution's sequence, that names the one it replaces; the old row and its PDF stay as they
 * were. Only staff of the issuing institution may correct, and only the latest decision of a
 * chain (correcting a replaced one would fork the chain: two "current" decisions).
 */
export function correctDecision(deps: Deps, user: CurrentUser, decisionId: number, input: unknown): number {
  const { decision, caseRow } = visibleDecision(deps, user, decisionId);
  if (!CORRECTING_ROLES.includes(user.role) || user.institutionCode !== decision.institutionCode) {
    throw new AppError('FORBIDDEN', '只有作出决定的机构的工作人员可以更正 / Only staff of the issuing institution may correct this decision.');
  }
  const parsed = correctionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { reasons, amount, conditions } = parsed.data;
  const id = writeTx(deps.db, (tx) => {
    // Checked inside the write lock: two simultaneous corrections cannot both succeed.
    const replaced = tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.replacesId, decisionId)).get();
    if (replaced) throw new AppError('CONFLICT', '此决定已被更正，请更正最新的决定 / This decision has already been corrected; correct the latest one.');
    return issueDecision(tx, {
      row: { id: caseRow.id, reference: caseRow.reference },
      spec: {
        outcome: decision.outcome, title: { zh: `${decision.titleZh}（更正）`, en: `${decision.titleEn} (correction)` },
        amount: amount === undefined ? decision.amount : amount,
        conditions: conditions === undefined ? decision.conditions : conditions || null,
        reasons, section: decision.section,
      },
      actor: toActor(user), now: deps.clock.now(), institution: decision.institutionCode as InstitutionCode, replacesId: decisionId,
      issuer: { nameZh: decision.issuerZh, nameEn: decision.issuerEn, remedies: decision.remedies },
    });
  });
  renderDecisionSoon(deps, id);
  return id;
}
