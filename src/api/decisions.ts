import { Hono, type Context } from 'hono';
import { listCaseDecisions } from '../domain/decisions/list-case-decisions';
import { proposeCorrection } from '../domain/decisions/propose-correction';
import { signCorrection } from '../domain/decisions/sign-correction';
import { visibleDecision } from '../domain/decisions/decision-access';
import { visibleCorrection } from '../domain/decisions/correction-rules';
import { withdrawCorrection } from '../domain/decisions/withdraw-correction';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { apiUser, readJson, requireObject } from './auth';
import { caseId } from './cases';

const pathId = (c: Context<AppEnv>, what: string): number => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', `No such ${what}.`);
  return id;
};

/**
 * Decisions of a case (404 when the case is not visible) and corrections, as API.md lists them.
 * A correction is proposed by one person and signed by another (four eyes); until the signature
 * no new decision exists.
 */
export const decisionApi = new Hono<AppEnv>()
  .get('/cases/:id/decisions', async (c) => {
    const items = await listCaseDecisions(c.var.deps, apiUser(c), caseId(c));
    return c.json(items.map((d) => ({
      id: d.id, number: d.number, outcome: d.outcome, issuedAt: d.issuedAt, sha256: d.sha256,
      verificationCode: d.verificationCode, pdfUrl: d.pdfUrl, amount: d.amount, replacesId: d.replacesId, replacedById: d.replacedById,
      preparedBy: d.preparedBy, signedBy: d.signedBy,
      pendingCorrection: d.pendingCorrection ? { ...d.pendingCorrection, signUrl: `/api/v1/decisions/corrections/${d.pendingCorrection.id}/sign` } : null,
    })));
  })
  .post('/decisions/:id/corrections', async (c) => {
    const user = apiUser(c);
    const id = pathId(c, 'decision');
    visibleDecision(c.var.deps, user, id); // 404 before the body (API.md order of refusals)
    const body = requireObject(await readJson(c));
    const p = proposeCorrection(c.var.deps, user, id, body);
    return c.json({
      id: p.id, status: p.status, decisionId: id, amount: p.amount, reasons: p.reasons, proposedBy: { id: user.id, name: user.name },
      signUrl: `/api/v1/decisions/corrections/${p.id}/sign`,
    }, 201);
  })
  .post('/decisions/corrections/:id/sign', (c) => {
    const user = apiUser(c);
    const id = pathId(c, 'correction');
    const { proposal } = visibleCorrection(c.var.deps, user, id);
    const newId = signCorrection(c.var.deps, user, id);
    return c.json({ id: newId, replacesId: proposal.decisionId, correctionId: id, pdfUrl: `/decisions/${newId}.pdf` }, 201);
  })
  .post('/decisions/corrections/:id/withdraw', (c) => {
    const id = pathId(c, 'correction');
    withdrawCorrection(c.var.deps, apiUser(c), id);
    return c.json({ id, status: 'withdrawn' });
  });
