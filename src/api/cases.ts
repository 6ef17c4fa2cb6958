import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { applyEventGrouped } from '../domain/cases/apply-event';
import { caseSummary, caseView } from '../domain/cases/case-view';
import { createCase } from '../domain/cases/create-case';
import { listCases } from '../domain/cases/list-cases';
import { visibleCase, type CaseRow } from '../domain/cases/load-case';
import { AppError } from '../domain/errors';
import { declareInterest, requireNotRecused } from '../domain/workbench/expert-review';
import type { AppEnv } from '../env';
import { apiUser, readJson, requireObject } from './auth';

export const eventBody = z.object({
  type: z.string().min(1).max(100),
  version: z.number().int().min(1),
  comment: z.string().max(4000).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
}).strict();

export const declarationBody = z.object({ conflict: z.boolean(), note: z.string().max(2000).optional() }).strict();

export const listQuery = z.object({
  state: z.string().max(100).optional(),
  programme: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

export const caseId = (c: Context<AppEnv>): number => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', 'No such case.');
  return id;
};

export const caseApi = new Hono<AppEnv>()
  .post('/cases', async (c) => {
    const user = apiUser(c);
    const body = requireObject(await readJson(c));
    const row = createCase(c.var.deps, user, { programme: body.programme, form: body.form, callId: body.callId });
    return c.json(caseView(c.var.deps, user, row), 201);
  })
  .get('/cases', (c) => {
    const user = apiUser(c);
    const q = listQuery.safeParse(c.req.query());
    if (!q.success) throw new AppError('BAD_REQUEST', 'limit must be 1–100; state, programme, q and cursor are strings.');
    const { items, nextCursor } = listCases(c.var.deps, user, q.data);
    return c.json({ items: items.map(caseSummary), nextCursor });
  })
  .get('/cases/:id', (c) => {
    const user = apiUser(c);
    const row = visibleCase(c.var.deps, user, caseId(c));
    requireNotRecused(c.var.deps, user, row);
    return c.json(caseView(c.var.deps, user, row));
  })
  .post('/cases/:id/declarations', async (c) => {
    // An expert's declaration of interests, as on the workbench page: {"conflict": boolean, "note"?}.
    const user = apiUser(c);
    const id = caseId(c);
    const body = declarationBody.safeParse(await readJson(c).catch((err: unknown) => { visibleCase(c.var.deps, user, id); throw err; }));
    if (!body.success) { visibleCase(c.var.deps, user, id); throw new AppError('BAD_REQUEST', 'Send {"conflict": true|false, "note"?: string}.'); }
    declareInterest(c.var.deps, user, id, body.data);
    return c.json(caseView(c.var.deps, user, visibleCase(c.var.deps, user, id)), 201);
  })
  .post('/cases/:id/events', async (c) => {
    const user = apiUser(c);
    const deps = c.var.deps;
    const id = caseId(c);
    // API.md: a case the user may not see is 404 even when the body is malformed. A well-formed
    // body goes straight to applyEvent, which makes that check itself.
    const parsed = eventBody.safeParse(await readJson(c).catch((err: unknown) => { visibleCase(deps, user, id); throw err; }));
    if (!parsed.success) {
      visibleCase(deps, user, id);
      throw new AppError('BAD_REQUEST', `Malformed event: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    }
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 1–200 characters.');
    const { type, version, comment, data } = parsed.data;
    // RFC 7240: a client that only needs to know the step was taken (and the new version) asks
    // for the summary, which spares the server the allowed events and the history of the answer.
    const minimal = /(^|[,;\s])return=minimal(?=$|[,;\s])/i.test(c.req.header('prefer') ?? '');
    const answer = (row: CaseRow) => (minimal ? caseSummary(row) : caseView(deps, user, row));
    const result = await applyEventGrouped(deps, user, { caseId: id, type, expectedVersion: version, comment, data, idempotencyKey: key },
      (row) => JSON.stringify(answer(row)));
    if (result.replay) {
      // The first answer, as it was given, whatever this request prefers.
      return c.body(result.replay.body, result.replay.status as 200, { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' });
    }
    if (minimal) c.header('Preference-Applied', 'return=minimal');
    return c.json(answer(result.row));
  });
