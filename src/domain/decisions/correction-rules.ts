// Who may propose and who may sign a correction (API.md, four eyes): a correction is a decision,
// so it needs two different people, like the decision it corrects.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { decisionCorrections, decisions } from '../../db/schema/index';
import type { Db } from '../../db/client';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { visibleDecision, type DecisionRow } from './decision-access';
import { rule } from '../../../workflows/messages';

export type CorrectionRow = typeof decisionCorrections.$inferSelect;

const CORRECTING_ROLES: CurrentUser['role'][] = ['officer', 'approver', 'liaison'];

/** Staff of the issuing institution who prepare or decide its cases may propose a correction. */
export const mayProposeCorrection = (user: CurrentUser, d: DecisionRow): boolean =>
  CORRECTING_ROLES.includes(user.role) && user.institutionCode === d.institutionCode;

/**
 * The signature: someone of the issuing institution holding the role that signs such decisions
 * (the approver for commerce-department grants, a liaison for the banks and Sinosure), and never
 * the person who proposed the correction.
 */
export function signRefusal(user: CurrentUser, d: DecisionRow, p: CorrectionRow): string | null {
  const signerRole = CORRECTING_ROLES.includes(d.signerRole as CurrentUser['role']) ? d.signerRole : 'approver';
  if (user.institutionCode !== d.institutionCode || user.role !== signerRole) {
    return '只有有权签发此类决定的人员可以签署更正 / Only someone who may sign such decisions may sign this correction.';
  }
  if (user.id === p.proposedBy) return '更正须由提出人以外的另一人签署（双人复核） / Four eyes: someone other than the proposer must sign the correction.';
  return null;
}

export const correctionInput = z.object({
  reasons: z.string().trim().min(5).max(4000).describe('更正理由 / Reasons for the correction'),
  amount: z.union([z.number(), z.string()]).optional().transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n) || n < 0) { ctx.addIssue({ code: 'custom', ...rule('更正后的金额须为不小于零的数字', 'The corrected amount must be a number, zero or more') }); return z.NEVER; }
    return n;
  }).describe('更正后的金额（人民币元） / Corrected amount (CNY yuan)'),
  conditions: z.string().trim().max(4000).optional().describe('更正后的条件 / Corrected conditions'),
});

/** The proposal, if its decision is visible to this user (404 otherwise, like the decision). */
export function visibleCorrection(deps: Deps, user: CurrentUser | null, id: number): { proposal: CorrectionRow } & ReturnType<typeof visibleDecision> {
  const notFound = new AppError('NOT_FOUND', '没有这项更正 / No such correction.');
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound;
  const proposal = deps.db.select().from(decisionCorrections).where(eq(decisionCorrections.id, id)).get();
  if (!proposal) throw notFound;
  try {
    return { proposal, ...visibleDecision(deps, user, proposal.decisionId) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound;
    throw err;
  }
}

/** The proposal waiting for a signature on this decision, if any. */
export function pendingCorrection(db: Db, decisionId: number): CorrectionRow | undefined {
  return db.select().from(decisionCorrections)
    .where(and(eq(decisionCorrections.decisionId, decisionId), eq(decisionCorrections.status, 'proposed'))).get();
}

/** A replaced decision cannot be corrected again: the chain would fork into two "current" decisions. */
export function refuseIfReplaced(db: Db, decisionId: number): void {
  const replaced = db.select({ id: decisions.id }).from(decisions).where(eq(decisions.replacesId, decisionId)).get();
  if (replaced) throw new AppError('CONFLICT', '此决定已被更正，请更正最新的决定 / This decision has already been corrected; correct the latest one.');
}
