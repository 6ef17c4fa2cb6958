// 国家开发银行 finance in Chromium: ent1 applies; the commerce officer recommends locally; one
// CDB liaison does the due diligence and submits to the credit committee; a second (cdb2, four
// eyes) records the committee's approval. Applicant and auditor download the credit decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdbLoanExample } from '../../../workflows/cdb-infra-loan';
import { Journey } from './driver';

const j = new Journey('cdb-infra-loan');
beforeAll(() => j.start(), 60_000);
afterAll(() => j.stop());

describe('cdb-infra-loan journey', () => {
  it('goes from login to the credit decision, downloaded by the applicant and the auditor', async () => {
    const applicant = await j.login('ent1@demo.local');
    const { caseId, reference } = await j.apply(applicant, cdbLoanExample,
      ['business-licence', 'project-plan', 'eia-approval', 'financial-statements']);

    const officer = await j.login('officer@demo.local');
    await j.openFromWorkbench(officer, reference);
    await j.act(officer, 'officer.recommend-locally', { opinion: '符合本地承接规划，同意推荐' }, 'dueDiligence');

    const cdb = await j.login('cdb@demo.local');
    await j.openFromWorkbench(cdb, reference);
    await j.act(cdb, 'liaison.submit-to-committee', { proposedAmount: '250000000', report: '现金流可覆盖本息，建议 2.5 亿元' }, 'committee');

    const committee = await j.login('cdb2@demo.local');
    await j.openFromWorkbench(committee, reference);
    await j.act(committee, 'liaison.committee-approve', { approvedAmount: '250000000' }, 'contracting');

    const letter = await j.applicantGetsDecision(applicant, caseId, 'contracting');
    const auditor = await j.login('auditor@demo.local');
    await j.auditorGetsDecision(auditor, reference, letter);

    expect(j.errors).toEqual([]);
    j.assertAccessible();
  }, 120_000);
});
