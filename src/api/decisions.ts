import { Hono } from 'hono';
import { correctDecision } from '../domain/decisions/correct-decision';
import { visibleDecision } from '../domain/decisions/decision-access';
import { listCaseDecisions } from '../domain/decisions/list-case-decisions';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { apiUser, readJson, requireObject } from './auth';
import { caseId } from './cases';

/** Decisions of a case (404 when the case is not visible) and corrections, as API.md lists them. */
export const decisionApi = new Hono<AppEnv>()
  .get('/cases/:id/decisions', async (c) => {
    const items = await listCaseDecisions(c.var.deps, apiUser(c), caseId(c));
    return c.json(items.map((d) => ({
      id: d.id, number: d.number, outcome: d.outcome, issuedAt: d.issuedAt, sha256: d.sha256,
      verificationCode: d.verificationCode, pdfUrl: d.pdfUrl, amount: d.amount, replacesId: d.replacesId, replacedById: d.replacedById,
      preparedBy: d.preparedBy, signedBy: d.signedBy,
    })));
  })
  .post('/decisions/:id/corrections', async (c) => {
    const user = apiUser(c);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', 'No such decision.');
    visibleDecision(c.var.deps, user, id); // 404 before the body (API.md order of refusals)
    const body = requireObject(await readJson(c));
    const newId = correctDecision(c.var.deps, user, id, body);
    return c.json({ id: newId, replacesId: id, pdfUrl: `/decisions/${newId}.pdf` }, 201);
  });
