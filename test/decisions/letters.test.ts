import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { decisions, notifications } from '../../src/db/schema/index';
import { decisionMessage } from '../../src/domain/notifications/notify';
import { decisionLetterRecord } from '../../src/domain/decisions/render-decision';
import { renderDecisionLetter } from '../../src/pdf/decision-letter';
import { apiRequest, apiToken, get, login, makeTestApp, type TestApp } from '../helpers/index';
import { pdfText } from '../pdf/poppler';
import { declinedEximCase } from './drive-case';
import { beijingDate } from '../../workflows/display-format';

let t: TestApp;
let first: Awaited<ReturnType<typeof declinedEximCase>>;
let other: Awaited<ReturnType<typeof declinedEximCase>>;

beforeAll(async () => {
  t = await makeTestApp();
  first = await declinedEximCase(t.deps, 'ent1@demo.local');
  other = await declinedEximCase(t.deps, 'ent2@demo.local', '出口合同与报关记录不一致 / Contract and customs records differ');
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the decision letter', () => {
  test('its text carries the number, the applicant and Chinese that can be copied', async () => {
    const s = await login(t.app, 'ent1@demo.local');
    const res = await get(t.app, `/decisions/${first.decisionId}.pdf`, s.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain(first.decision.number);
    expect(text).toContain('重庆渝芯电子科技有限公司');
    expect(text).toContain('决定书');
    expect(text).toContain('订单真实性无法核实');
    expect(text).toContain(first.decision.verificationCode);
  });

  test('the same record renders the same bytes, and the stored SHA-256 is theirs; a changed record changes it', async () => {
    const rec = decisionLetterRecord(t.deps, first.decisionId)!;
    const again = await renderDecisionLetter(rec);
    const stored = t.deps.db.select().from(decisions).where(eq(decisions.id, first.decisionId)).get()!;
    expect(sha(again)).toBe(stored.pdfSha256);
    expect(Buffer.compare(again, stored.pdf!)).toBe(0);
    const changed = await renderDecisionLetter({ ...rec, reasons: `${rec.reasons}。` });
    expect(sha(changed)).not.toBe(stored.pdfSha256);
  });

  test('a letter not rendered yet (a crash after commit) is rendered on demand, with the same hash', async () => {
    const before = t.deps.db.select().from(decisions).where(eq(decisions.id, other.decisionId)).get()!;
    t.deps.db.update(decisions).set({ pdf: null, pdfSha256: null }).where(eq(decisions.id, other.decisionId)).run();
    const token = await apiToken(t.app, 'ent2@demo.local');
    const res = await get(t.app, `/decisions/${other.decisionId}.pdf`, undefined, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(before.pdfSha256);
  });
});

describe('who may download', () => {
  test('the applicant of another enterprise gets 404, by cookie and by token; no one signed in gets 401', async () => {
    const s = await login(t.app, 'ent2@demo.local');
    expect((await get(t.app, `/decisions/${first.decisionId}.pdf`, s.cookie)).status).toBe(404);
    const token = await apiToken(t.app, 'ent2@demo.local');
    expect((await get(t.app, `/decisions/${first.decisionId}.pdf`, undefined, { authorization: `Bearer ${token}` })).status).toBe(404);
    expect((await get(t.app, '/decisions/99999.pdf', s.cookie)).status).toBe(404);
    expect((await get(t.app, `/decisions/${first.decisionId}.pdf`)).status).toBe(401);
  });

  test('staff of another institution get 404; the issuing liaison and the auditor get the PDF', async () => {
    const sinosure = await login(t.app, 'sinosure@demo.local');
    expect((await get(t.app, `/decisions/${first.decisionId}.pdf`, sinosure.cookie)).status).toBe(404);
    for (const email of ['exim@demo.local', 'auditor@demo.local']) {
      const s = await login(t.app, email);
      expect((await get(t.app, `/decisions/${first.decisionId}.pdf`, s.cookie)).status).toBe(200);
    }
  });

  test('GET /api/v1/cases/:id/decisions lists the decision for the applicant and is 404 for another enterprise', async () => {
    const mine = await apiToken(t.app, 'ent1@demo.local');
    const res = await apiRequest(t.app, 'GET', `/api/v1/cases/${first.caseId}/decisions`, undefined, mine);
    expect(res.status).toBe(200);
    const [d] = (await res.json()) as { id: number; number: string; outcome: string; sha256: string; verificationCode: string; pdfUrl: string; issuedAt: string }[];
    expect(d).toMatchObject({ id: first.decisionId, number: first.decision.number, outcome: 'financing-declined', pdfUrl: `/decisions/${first.decisionId}.pdf` });
    expect(d!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const theirs = await apiToken(t.app, 'ent2@demo.local');
    expect((await apiRequest(t.app, 'GET', `/api/v1/cases/${first.caseId}/decisions`, undefined, theirs)).status).toBe(404);
  });
});

describe('/verify/:code', () => {
  test('a genuine code shows its decision: number, outcome, applicant, date and SHA-256', async () => {
    const res = await get(t.app, `/verify/${first.decision.verificationCode}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-verify="genuine"');
    expect(html).toContain(first.decision.number);
    expect(html).toContain('重庆渝芯电子科技有限公司');
    expect(html).toContain(beijingDate(first.decision.issuedAt));
    expect(html).toContain(first.decision.pdfSha256!);
    expect(html).toContain(first.decision.titleZh);
    expect(html).toContain('data-field="institution">中国进出口银行');
    // The outcome in words: its code is for programs, not for the bank reading the page.
    expect(html).not.toContain('financing-declined');
  });

  test('/verify without a code is a form to type one; a typed code leads to its page, a malformed one is refused at the field', async () => {
    const form = await get(t.app, '/verify');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toMatch(/<form method="get" action="\/verify"/);
    expect(html).toContain('name="code"');
    const typed = await get(t.app, `/verify?code=${first.decision.verificationCode.toLowerCase().replace(/-/g, '')}`);
    expect(typed.status).toBe(303);
    expect(typed.headers.get('location')).toBe(`/verify/${first.decision.verificationCode}`);
    const bad = await get(t.app, '/verify?code=12');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="verify-code-err">核验码应为 16 位/);
  });

  test('lower case and without dashes is the same code', async () => {
    const res = await get(t.app, `/verify/${first.decision.verificationCode.replace(/-/g, '').toLowerCase()}`);
    expect(await res.text()).toContain(first.decision.number);
  });

  test('an unknown or forged code answers 404 and says plainly that it is not genuine', async () => {
    for (const code of ['AAAA-BBBB-CCCC-DDDD', 'not-a-code', `${first.decision.verificationCode.slice(0, -1)}Z`]) {
      const res = await get(t.app, `/verify/${code}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('data-verify="not-genuine"');
      expect(html).toContain('不是真实的决定书');
      expect(html).not.toContain(first.decision.number);
    }
  });

  test('the code of another decision shows that other decision, not this one', async () => {
    const html = await (await get(t.app, `/verify/${other.decision.verificationCode}`)).text();
    expect(html).toContain(other.decision.number);
    expect(html).toContain('河南中原纺织服装有限公司');
    expect(html).not.toContain(first.decision.number);
    expect(html).not.toContain('重庆渝芯电子科技有限公司');
  });
});

describe('the applicant is told the outcome', () => {
  test('the notification of a refusal says "not supported" and why, in both languages', () => {
    const n = t.deps.db.select().from(notifications).where(eq(notifications.caseId, first.caseId)).all().at(-1)!;
    expect(n.messageZh).toContain('不予支持');
    expect(n.messageZh).toContain('订单真实性无法核实');
    expect(n.messageEn).toContain('not supported');
  });

  test('an approval names the amount, grouped', () => {
    const m = decisionMessage('SF-2026-000001', { outcome: 'approved', title: { zh: '批复决定', en: 'Approval decision' }, amount: 2_500_000, conditions: null, reasons: null, section: '六.一' });
    expect(m.zh).toContain('批准 ¥2,500,000');
    expect(m.en).toContain('approved ¥2,500,000');
  });
});

describe('the applicant’s case page after the decision', () => {
  test('states the decision and its reasons in words, and shows the application as submitted, read-only', async () => {
    const s = await login(t.app, 'ent1@demo.local');
    const html = await (await get(t.app, `/portal/cases/${first.caseId}`, s.cookie)).text();
    expect(html).toContain(first.decision.titleZh);
    expect(html).toContain('理由：订单真实性无法核实');
    const submitted = html.slice(html.indexOf('data-submitted'));
    expect(submitted).toContain('Nordic Home Appliances AB');
    expect(submitted).not.toMatch(/<(input|textarea|select)\b/);
  });
});
