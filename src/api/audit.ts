import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit } from '../domain/audit/list-audit';
import { verifyAuditChain } from '../domain/audit/verify-audit-chain';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import type { AppEnv } from '../env';
import { apiUser } from './auth';

export const auditQuery = z.object({
  caseId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

/** The audit trail: auditors and admins only. */
export const auditApi = new Hono<AppEnv>()
  .get('/audit', (c) => {
    const user = requireRole(apiUser(c), 'auditor', 'admin');
    const q = auditQuery.safeParse(c.req.query());
    if (!q.success) throw new AppError('BAD_REQUEST', 'caseId is a positive integer, limit 1–100, cursor a string.');
    return c.json(listAudit(c.var.deps, user, q.data));
  })
  .get('/audit/verify', (c) => {
    requireRole(apiUser(c), 'auditor', 'admin');
    return c.json(verifyAuditChain(c.var.deps.db));
  });
