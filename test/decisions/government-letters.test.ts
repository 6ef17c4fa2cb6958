// Letters of the commerce-department grants read back as text: the issuing body for the project's
// location, the citations, both people, the date in Beijing time and, for refusals, the remedies.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { decisions, issuingAuthorities } from '../../src/db/schema/index';
import { runScheduler } from '../../src/domain/cases/run-scheduler';
import { proposeCorrection } from '../../src/domain/decisions/propose-correction';
import { signCorrection } from '../../src/domain/decisions/sign-correction';
import { renderPendingDecisions } from '../../src/domain/decisions/render-decision';
import { storedDecisionPdf } from '../../src/domain/decisions/decision-pdf';
import { apiRequest, apiToken, makeTestApp, type TestApp } from '../helpers/index';
import { pdfText } from '../pdf/poppler';
import { draftCase, send, userByEmail } from '../engine/drive';

let t: TestApp;
beforeEach(async () => { t = await makeTestApp({ now: new Date('2026-03-02T15:30:00Z') }); });

const GOVERNMENT_FUND_TO_NOTICE: [string, string][] = [
  ['officer@demo.local', 'officer.accept'], ['officer@demo.local', 'officer.pass-screening'], ['officer@demo.local', 'officer.assign-experts'],
  ['expert1@demo.local', 'expert.score'], ['expert2@demo.local', 'expert.score'], ['officer@demo.local', 'officer.recommend'],
];
const flat = (s: string) => s.replace(/\s+/g, '');
async function letterOf(caseId: number, nth = -1) {
  await renderPendingDecisions(t.deps);
  const all = t.deps.db.select().from(decisions).where(eq(decisions.caseId, caseId)).all();
  const d = all.at(nth)!;
  return { d, text: pdfText((await storedDecisionPdf(t.deps, d.id)).pdf) };
}

function toApproval(programme: string, applicant = 'ent1@demo.local') {
  const c = draftCase(t.deps, applicant, programme);
  send(t.deps, applicant, c.id, 'applicant.submit');
  for (const [email, type] of GOVERNMENT_FUND_TO_NOTICE) send(t.deps, email, c.id, type);
  t.clock.advance(8 * 86_400_000);
  runScheduler(t.deps);
  return c;
}

describe('government decision letters', () => {
  it('an approval names the city body of the project location, the section, the preparer and the signer', async () => {
    const c = toApproval('trade-platform-grant', 'ent2@demo.local'); // project in 郑州市, 河南
    t.clock.advance(2 * 3_600_000);
    send(t.deps, 'approver@demo.local', c.id, 'approver.approve');
    const { d, text } = await letterOf(c.id);
    expect(d.issuerZh).toBe('郑州市商务局');
    const f = flat(text);
    expect(f).toContain('郑州市商务局');
    expect(f).toContain('（商产发〔2011〕473号）第六部分第（四）项');
    expect(text).toMatch(/签发 Signed by: 审批人 \S+/);
    expect(text).toMatch(/拟办 Prepared by: \S+/);
    expect(text).toContain(`审批人 ${userByEmail(t.deps, 'approver@demo.local').name}`);
    expect(text).toContain(`Prepared by: ${userByEmail(t.deps, 'officer@demo.local').name}`);
    expect(f).not.toContain('救济途径');
    // Issued 17:30 UTC on 10 March: already 11 March in Beijing.
    expect(d.issuedAt).toBe('2026-03-10T17:30:00.000Z');
    expect(text).toContain('2026年3月11日 (2026-03-11)');
  });

  it('a refusal is proposed by the officer and signed by the approver, cites its grounds and states the remedies', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund'); // project in 重庆
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    send(t.deps, 'officer@demo.local', c.id, 'officer.accept');
    send(t.deps, 'officer@demo.local', c.id, 'officer.reject', { reason: '项目实施方案不具备可行性 / The plan is not feasible' });
    expect(t.deps.db.select().from(decisions).where(eq(decisions.caseId, c.id)).all()).toEqual([]); // nothing decided yet
    t.clock.advance(2 * 3_600_000); // 17:30 UTC on 2 March: 01:30 on 3 March in Beijing
    send(t.deps, 'approver@demo.local', c.id, 'approver.sign-refusal', {});
    const { d, text } = await letterOf(c.id);
    const f = flat(text);
    expect(d.outcome).toBe('refused');
    expect(f).toContain('重庆市商务委员会');
    expect(f).toContain('（商产发〔2011〕473号）第六部分第（一）项');
    expect(f).toContain('六十日内向重庆市人民政府申请行政复议');
    expect(f).toContain('六个月内向重庆市渝中区人民法院提起行政诉讼');
    expect(text).toContain(`审批人 ${userByEmail(t.deps, 'approver@demo.local').name}`);
    expect(text).toContain(`Prepared by: ${userByEmail(t.deps, 'officer@demo.local').name}`);
    expect(text).toContain('2026年3月3日 (2026-03-03)');
    const token = await apiToken(t.app, 'ent1@demo.local');
    const [item] = await (await apiRequest(t.app, 'GET', `/api/v1/cases/${c.id}/decisions`, undefined, token)).json() as any[];
    expect(item.preparedBy).toEqual({ id: userByEmail(t.deps, 'officer@demo.local').id, name: userByEmail(t.deps, 'officer@demo.local').name });
    expect(item.signedBy).toEqual({ id: userByEmail(t.deps, 'approver@demo.local').id, name: userByEmail(t.deps, 'approver@demo.local').name });
  });

  it('a 两高一资 refusal cites 一.(二), never 二.(二)', async () => {
    const c = draftCase(t.deps, 'ent1@demo.local', 'special-fund', {
      ...(await import('../../workflows/special-fund')).specialFundExample, products: [{ hsCode: '7202.11', description: '高碳锰铁 / Ferro-manganese' }],
    });
    send(t.deps, 'ent1@demo.local', c.id, 'applicant.submit');
    send(t.deps, 'officer@demo.local', c.id, 'officer.accept');
    send(t.deps, 'officer@demo.local', c.id, 'officer.reject');
    send(t.deps, 'approver@demo.local', c.id, 'approver.sign-refusal', {});
    const { d, text } = await letterOf(c.id);
    expect(d.section).toBe('一.(二)');
    expect(flat(text)).toContain('（商产发〔2011〕473号）第一部分第（二）项');
    expect(flat(text)).not.toContain('第二部分第（二）项');
  });

  it('uses the admin\'s list as it stood at the decision, and a correction keeps that issuer', async () => {
    t.deps.db.update(issuingAuthorities).set({ nameZh: '重庆市商务局（测试）', nameEn: 'Chongqing Bureau (test)' })
      .where(eq(issuingAuthorities.province, '重庆')).run();
    const c = toApproval('special-fund');
    send(t.deps, 'approver@demo.local', c.id, 'approver.approve');
    const first = await letterOf(c.id);
    expect(flat(first.text)).toContain('重庆市商务局（测试）');
    t.deps.db.update(issuingAuthorities).set({ nameZh: '改名以后的机关' }).where(eq(issuingAuthorities.province, '重庆')).run();
    const proposal = proposeCorrection(t.deps, userByEmail(t.deps, 'officer@demo.local'), first.d.id, { reasons: '更正金额的大写 / Amount in words corrected' });
    signCorrection(t.deps, userByEmail(t.deps, 'approver@demo.local'), proposal.id);
    const corrected = await letterOf(c.id);
    expect(corrected.d.replacesId).toBe(first.d.id);
    expect(flat(corrected.text)).toContain('重庆市商务局（测试）');
    expect(flat(corrected.text)).toContain(`本决定更正并取代第${first.d.number}号决定`);
    expect(flat(corrected.text)).toContain('商产发〔2011〕473号');
  });

  it('a correction is a letter of its own: the proposer and the signer, the corrected amount, the citation, the date in Beijing time', async () => {
    const c = toApproval('special-fund');
    send(t.deps, 'approver@demo.local', c.id, 'approver.approve');
    const first = await letterOf(c.id);
    const proposal = proposeCorrection(t.deps, userByEmail(t.deps, 'officer@demo.local'), first.d.id, { reasons: '核定金额有误，予以更正', amount: 900_000 });
    t.clock.set(new Date('2026-03-12T16:30:00Z')); // 00:30 on 13 March in Beijing
    signCorrection(t.deps, userByEmail(t.deps, 'approver@demo.local'), proposal.id);
    const corrected = await letterOf(c.id);
    const f = flat(corrected.text);
    expect(corrected.d.replacesId).toBe(first.d.id);
    expect(f).toContain(`本决定更正并取代第${first.d.number}号决定`);
    expect(f).toContain('¥900,000.00');
    expect(f).toContain('（商产发〔2011〕473号）第六部分第（一）项');
    expect(f).toContain('重庆市商务委员会');
    expect(corrected.text).toContain(`审批人 ${userByEmail(t.deps, 'approver@demo.local').name}`);
    expect(corrected.text).toContain(`Prepared by: ${userByEmail(t.deps, 'officer@demo.local').name}`);
    expect(corrected.text).toContain('2026年3月13日 (2026-03-13)');
  });
});
