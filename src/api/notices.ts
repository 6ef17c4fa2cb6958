import { Hono } from 'hono';
import { AppError } from '../domain/errors';
import { fileObjection } from '../domain/notices/file-objection';
import { listNotices, noticeOf } from '../domain/notices/list-notices';
import type { AppEnv } from '../env';
import { clientIp } from '../middleware/client-address';
import { readJson, requireObject } from './auth';

/** The public notice (公示), API.md: no token; anyone may read it and object. */
export const noticeApi = new Hono<AppEnv>()
  .get('/notices', (c) => c.json(listNotices(c.var.deps).map(({ caseId, reference, programme, enterprise, project, amount, endsAt }) =>
    ({ caseId, reference, programme, enterprise, project, amount, endsAt }))))
  .post('/notices/:caseId/objections', async (c) => {
    const caseId = Number(c.req.param('caseId'));
    // API.md order: not under notice (404) before a malformed body (400).
    if (!noticeOf(c.var.deps, caseId)) throw new AppError('NOT_FOUND', '该案件不在公示期内 / This case is not under public notice.');
    const body = requireObject(await readJson(c));
    const saved = fileObjection(c.var.deps, caseId, body, clientIp(c));
    return c.json(saved, 201);
  });
