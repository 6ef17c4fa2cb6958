// 承接转移专项资金 in Chromium: ent1 applies; the officer accepts, screens and assigns two
// experts; each expert declares and scores; the officer recommends; the 公示 ends on its own;
// the approver (not the preparer: four eyes) approves. Applicant and auditor download the letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specialFundExample } from '../../../workflows/special-fund';
import { Journey } from './driver';

const j = new Journey('special-fund');
beforeAll(() => j.start(), 60_000);
afterAll(() => j.stop());

describe('special-fund journey', () => {
  it('goes from login to the approval decision, downloaded by the applicant and the auditor', async () => {
    const applicant = await j.login('ent1@demo.local');
    const { caseId, reference } = await j.apply(applicant, specialFundExample,
      ['business-licence', 'project-plan', 'eia-approval', 'financial-statements']);

    const officer = await j.login('officer@demo.local');
    await j.openFromWorkbench(officer, reference);
    await j.act(officer, 'officer.accept', {}, 'review.preliminary');
    await j.act(officer, 'officer.pass-screening', {}, 'review.expert');
    await j.act(officer, 'officer.assign-experts', { 'expertIds[]': '*' });
    for (const email of ['expert1@demo.local', 'expert2@demo.local']) {
      const expert = await j.login(email);
      await j.openFromWorkbench(expert, reference);
      await j.act(expert, 'expert.score', { score: email.startsWith('expert1') ? '84' : '78', opinion: '就业带动明显，方案可行' });
    }
    await officer.page.reload();
    await j.act(officer, 'officer.recommend', { amount: '1000000', note: '专家评审通过，拟支持 100 万元' }, 'publicNotice');

    const approver = await j.login('approver@demo.local');
    await j.openFromWorkbench(approver, reference);
    await j.waitForState(approver, 'approval');
    await j.act(approver, 'approver.approve', { amount: '1000000' }, 'disbursement');

    const letter = await j.applicantGetsDecision(applicant, caseId, 'disbursement');
    const auditor = await j.login('auditor@demo.local');
    await j.auditorGetsDecision(auditor, reference, letter);

    expect(j.errors).toEqual([]);
    j.assertAccessible();
  }, 120_000);
});
