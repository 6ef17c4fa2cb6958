// 中国进出口银行 order financing in Chromium: ent2 applies with its export order; one EXIM
// liaison verifies the order; a second (exim2, four eyes) approves the financing. Applicant and
// auditor download the financing decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_DAYS } from '../../../workflows/exim-events';
import { datePlus } from '../../../workflows/policy-guards';
import { eximOrderExample } from '../../../workflows/exim-order-finance';
import { Journey } from './driver';

const j = new Journey('exim-order-finance');
beforeAll(() => j.start(), 60_000);
afterAll(() => j.stop());

describe('exim-order-finance journey', () => {
  it('goes from login to the financing decision, downloaded by the applicant and the auditor', async () => {
    const applicant = await j.login('ent2@demo.local');
    const { caseId, reference } = await j.apply(applicant, { ...eximOrderExample, province: '河南', city: '郑州市' },
      ['business-licence', 'export-contract', 'customs-declaration', 'financial-statements']);

    const exim = await j.login('exim@demo.local');
    await j.openFromWorkbench(exim, reference);
    await j.act(exim, 'liaison.verify-order', { verifiedOrderValueCny: '14400000', note: '合同与报关记录一致' }, 'creditApproval');

    const approver = await j.login('exim2@demo.local');
    await j.openFromWorkbench(approver, reference);
    await j.act(approver, 'liaison.approve-financing', { amount: '10000000', repaymentDueDate: datePlus(eximOrderExample.order.paymentDueDate, COLLECTION_DAYS), interestRate: '0.035' }, 'disbursement');

    const letter = await j.applicantGetsDecision(applicant, caseId, 'disbursement');
    const auditor = await j.login('auditor@demo.local');
    await j.auditorGetsDecision(auditor, reference, letter);

    expect(j.errors).toEqual([]);
    j.assertAccessible();
  }, 120_000);
});
