import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/domain/audit/verify-audit-chain';
import { applyEventGrouped } from '../../src/domain/cases/apply-event';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { AppError } from '../../src/domain/errors';
import { makeTestApp } from '../helpers/index';
import { draftCase, send, userByEmail } from './drive';

it('commits a turn of the event loop as one group: distinct cases all pass, a second write to one case gets 409', async () => {
  const { deps } = await makeTestApp();
  const cases = Array.from({ length: 6 }, () => draftCase(deps, 'ent1@demo.local', 'special-fund'));
  for (const c of cases) send(deps, 'ent1@demo.local', c.id, 'applicant.submit');
  const officer = userByEmail(deps, 'officer@demo.local');
  const results = await Promise.allSettled([
    ...cases.map((c) => applyEventGrouped(deps, officer, { caseId: c.id, type: 'officer.accept', expectedVersion: 2 })),
    // Same case, same version, queued in the same group: the savepoint rolls it back alone.
    applyEventGrouped(deps, officer, { caseId: cases[0]!.id, type: 'officer.return', data: { reason: '重复提交 duplicate' }, expectedVersion: 2 }),
  ]);
  expect(results.slice(0, 6).every((r) => r.status === 'fulfilled')).toBe(true);
  const last = results[6]!;
  expect(last.status).toBe('rejected');
  expect(((last as PromiseRejectedResult).reason as AppError).code).toBe('VERSION_CONFLICT');
  for (const c of cases) expect(getCaseRow(deps, c.id)).toMatchObject({ version: 3, state: 'review.preliminary' });
  const returns = deps.db.$client.prepare("select count(*) n from audit_events where type = 'officer.return'").get() as { n: number };
  expect(returns.n).toBe(0);
  expect(verifyAuditChain(deps.db).ok).toBe(true);
});
