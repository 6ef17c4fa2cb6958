import { expect, it } from 'vitest';
import { childProcessRenderer, inlineRenderer } from '../../src/pdf/render-service';
import type { DecisionLetterRecord } from '../../src/pdf/decision-letter';

const rec: DecisionLetterRecord = {
  number: 'EXIM-2026-00001', institution: { code: 'EXIM', nameZh: '中国进出口银行', nameEn: 'Export-Import Bank of China' },
  applicant: { name: '重庆渝芯电子科技有限公司', creditCode: '91500000MA5U000010' },
  programme: { code: 'exim-order-finance', nameZh: '订单融资', nameEn: 'Order financing' }, caseReference: 'EXIM-2026-000001',
  outcome: 'financing-approved', titleZh: '融资批复', titleEn: 'Financing approval', amount: 800000, conditions: '以应收账款还款',
  reasons: '订单真实', section: '六.二', issuedAt: '2026-03-02T09:00:00.000Z', signerRole: 'liaison',
  verificationCode: 'ABCD-EFGH-JKMN-PQRS', verificationUrl: 'http://127.0.0.1/verify/ABCD-EFGH-JKMN-PQRS', replaces: null,
};

it('renders in a child process the same bytes as inline, stops when idle and recovers from a crash', async () => {
  const renderer = childProcessRenderer({ idleMs: 300 });
  try {
    const [a, b] = await Promise.all([renderer.decisionLetter(rec), inlineRenderer.decisionLetter(rec)]);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const pids = () => renderer.pid();
    expect(pids()).toBeTypeOf('number');
    await new Promise((r) => setTimeout(r, 600));
    expect(pids()).toBeUndefined(); // idle: the child and its fonts are gone
    const again = await renderer.decisionLetter({ ...rec, number: 'EXIM-2026-00002' });
    expect(again.equals(a)).toBe(false);
    process.kill(pids()!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    const after = await renderer.decisionLetter(rec); // a new child
    expect(after.equals(a)).toBe(true);
  } finally {
    renderer.close();
  }
}, 60_000);
