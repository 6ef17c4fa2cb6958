// 就业培训补贴 (政策 五.(一)) in Chromium: ent1 applies for a training subsidy; the 人社
// department's officer (hr) reviews and recommends, its approver (hr2, four eyes) approves; after
// the training hr verifies the completions and hr2 pays for the verified trainees. Applicant and
// auditor download the approval letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingExample } from '../../../workflows/employment-training-subsidy';
import { Journey } from './driver';

const j = new Journey('employment-training-subsidy');
beforeAll(() => j.start(), 60_000);
afterAll(() => j.stop());

describe('employment-training-subsidy journey', () => {
  it('goes from login to the subsidy paid on verified trainees, letters downloaded by the applicant and the auditor', async () => {
    const applicant = await j.login('ent1@demo.local');
    const { caseId, reference } = await j.apply(applicant, trainingExample, ['business-licence', 'training-plan', 'trainee-roster']);

    const officer = await j.login('hr@demo.local');
    await j.openFromWorkbench(officer, reference);
    await j.act(officer, 'officer.accept', {}, 'review');
    await j.act(officer, 'officer.recommend', { amount: '300000', note: '符合当地补贴标准' }, 'approval');

    const approver = await j.login('hr2@demo.local');
    await j.openFromWorkbench(approver, reference);
    await j.act(approver, 'approver.approve', { amount: '300000', conditions: '按核实人数拨付' }, 'training');

    await officer.page.reload();
    await j.act(officer, 'officer.verify-completion', { traineesCompleted: '190', traineesCertified: '170', traineesEmployed: '150', report: '花名册、证书与社保记录一致' }, 'payment');
    await approver.page.reload();
    await j.act(approver, 'approver.pay', { amount: '225000' }, 'paid');

    const letter = await j.applicantGetsDecision(applicant, caseId, 'paid');
    const auditor = await j.login('auditor@demo.local');
    await j.auditorGetsDecision(auditor, reference, letter);

    expect(j.errors).toEqual([]);
    j.assertAccessible();
  }, 180_000);
});
