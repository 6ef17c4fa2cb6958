// 外贸公共服务平台建设资金 in Chromium, from registration: a new enterprise in 贵州 (western,
// eligible) registers with a valid unified social credit code and applies; the officer screens
// and assigns experts; both experts declare and score; the officer recommends; the 公示 ends;
// the approver approves. Applicant and auditor download the approval decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeProblem } from '../../../src/domain/reference/credit-code';
import { tradePlatformExample } from '../../../workflows/trade-platform-grant';
import { Journey, newCreditCode } from './driver';

const j = new Journey('trade-platform-grant');
beforeAll(() => j.start(), 60_000);
afterAll(() => j.stop());

describe('trade-platform-grant journey', () => {
  it('goes from registration to the approval decision, downloaded by the applicant and the auditor', async () => {
    const creditCode = newCreditCode('520100'); // 贵阳市
    expect(creditCodeProblem(creditCode)).toBeNull();
    const applicant = await j.register({
      enterpriseName: '贵州黔检公共检测服务有限公司', creditCode, province: '贵州', city: '贵阳市', industry: 'testing-repair',
      customsCode: '5201960003', contactName: '杨帆', contactPhone: '0851-8600 3003', email: 'yang.fan@qianjian.example.cn',
    });
    const { caseId, reference } = await j.apply(applicant,
      { ...tradePlatformExample, projectName: '贵阳加工贸易公共检测中心', province: '贵州', city: '贵阳市' },
      ['business-licence', 'project-plan', 'eia-approval', 'financial-statements']);

    const officer = await j.login('officer@demo.local');
    await j.openFromWorkbench(officer, reference);
    await j.act(officer, 'officer.accept', {}, 'review.preliminary');
    await j.act(officer, 'officer.pass-screening', {}, 'review.expert');
    await j.act(officer, 'officer.assign-experts', { 'expertIds[]': '*' });
    for (const email of ['expert1@demo.local', 'expert2@demo.local']) {
      const expert = await j.login(email);
      await j.openFromWorkbench(expert, reference);
      await j.act(expert, 'expert.score', { score: email.startsWith('expert1') ? '90' : '72', opinion: '检测能力建设必要，预算合理' });
    }
    await officer.page.reload();
    await j.act(officer, 'officer.recommend', { amount: String(tradePlatformExample.requestedAmount), note: '专家平均分 81，拟全额支持' }, 'publicNotice');

    const approver = await j.login('approver@demo.local');
    await j.openFromWorkbench(approver, reference);
    await j.waitForState(approver, 'approval');
    await j.act(approver, 'approver.approve', { amount: String(tradePlatformExample.requestedAmount), conditions: '专款专用 / Ring-fenced' }, 'disbursement');

    const letter = await j.applicantGetsDecision(applicant, caseId, 'disbursement');
    const auditor = await j.login('auditor@demo.local');
    await j.auditorGetsDecision(auditor, reference, letter);

    expect(j.errors).toEqual([]);
    j.assertAccessible();
  }, 120_000);
});
