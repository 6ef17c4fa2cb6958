// 中国信保 credit insurance in Chromium: ent1 sends its proposal; one Sinosure underwriter starts
// underwriting and prepares the terms; a second (sinosure2, four eyes) issues the policy.
// Applicant and auditor download the underwriting decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinosureExample } from '../../../workflows/sinosure-credit-insurance';
import { Journey } from './driver';

const j = new Journey('sinosure-credit-insurance');
beforeAll(() => j.start(), 60_000);
afterAll(() => j.stop());

describe('sinosure-credit-insurance journey', () => {
  it('goes from login to the underwriting decision, downloaded by the applicant and the auditor', async () => {
    const applicant = await j.login('ent1@demo.local');
    const { caseId, reference } = await j.apply(applicant, { ...sinosureExample, province: '重庆', city: '重庆市' },
      ['business-licence', 'financial-statements']);

    const underwriter = await j.login('sinosure@demo.local');
    await j.openFromWorkbench(underwriter, reference);
    await j.act(underwriter, 'liaison.start-underwriting', {}, 'underwriting.assessment');
    await j.act(underwriter, 'liaison.prepare-policy', { premiumRate: '0.004', insuredPercentage: '90', maxLiability: '20000000' }, 'underwriting.issuance');

    const signer = await j.login('sinosure2@demo.local');
    await j.openFromWorkbench(signer, reference);
    await j.act(signer, 'liaison.issue-policy', { policyNo: 'SIN-2026-000101' }, 'policy.cover.active');

    const letter = await j.applicantGetsDecision(applicant, caseId, 'policy.cover.active');
    const auditor = await j.login('auditor@demo.local');
    await j.auditorGetsDecision(auditor, reference, letter);

    expect(j.errors).toEqual([]);
    j.assertAccessible();
  }, 120_000);
});
