// Plain records as the domain layer would hand them to the renderers.
import type { DecisionLetterRecord } from '../../src/pdf/decision-letter.js';
import type { CaseFileRecord } from '../../src/pdf/case-file.js';

export function letterRecord(overrides: Partial<DecisionLetterRecord> = {}): DecisionLetterRecord {
  return {
    number: 'COMMERCE-2026-0007',
    institution: { code: 'COMMERCE', nameZh: '江西省商务厅', nameEn: 'Department of Commerce of Jiangxi Province' },
    applicant: { name: '赣州承接电子科技有限公司', creditCode: '91360700MA35XXXX7K' },
    programme: { code: 'special-fund', nameZh: '承接转移专项资金', nameEn: 'Special funds for transfer' },
    caseReference: 'SF-2026-000123',
    outcome: 'approved',
    titleZh: '批复决定',
    titleEn: 'Approval decision',
    amount: 1234567,
    conditions: '资金分三期拨付；项目须于2027年12月31日前通过验收。Paid in three tranches; acceptance by 31 December 2027.',
    reasons: '申请人位于中部地区重点承接地，项目属于电子信息产业，环评批复文件齐全，专家评审平均分86分，公示期内无异议。',
    section: '六.(一)',
    issuedAt: '2026-03-05T06:30:00.000Z',
    signerRole: 'approver',
    verificationCode: 'K7QX-4M2P-9D3T',
    verificationUrl: 'https://chengjie.example.gov.cn/verify/K7QX-4M2P-9D3T',
    replaces: null,
    ...overrides,
  };
}

export function caseFileRecord(historyRows = 300): CaseFileRecord {
  const states = ['draft', 'submitted', 'preliminaryReview', 'expertReview', 'publicNotice', 'approved'];
  return {
    caseReference: 'SF-2026-000123',
    institution: { code: 'COMMERCE', nameZh: '江西省商务厅', nameEn: 'Department of Commerce of Jiangxi Province' },
    programme: { code: 'special-fund', nameZh: '承接转移专项资金', nameEn: 'Special funds for transfer' },
    applicant: { name: '赣州承接电子科技有限公司', creditCode: '91360700MA35XXXX7K' },
    state: 'disbursement',
    generatedAt: '2026-04-01T02:00:00.000Z',
    form: [
      { label: '项目名称 Project', value: '赣州电子信息产业公共服务平台' },
      { label: '所属地区 Region', value: '江西省赣州市' },
      { label: '行业 Industry', value: '电子信息 Electronics & information' },
      { label: '环评批复文号 EIA approval', value: '赣环评字[2026]12号' },
      { label: '申请金额 Amount requested', value: '¥1,500,000.00' },
    ],
    history: Array.from({ length: historyRows }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 5, 1) + i * 3_600_000).toISOString(),
      actor: i % 2 ? '王晓明' : '李华',
      role: i % 2 ? 'officer' : 'applicant',
      type: i % 3 ? 'officer.comment' : 'applicant.amend',
      from: states[i % states.length],
      to: states[(i + 1) % states.length],
      comment: i === historyRows - 1 ? '最后一条记录 LAST-ROW-MARKER' : `第${i + 1}条：补充材料已核对，符合要求。`,
    })),
    documents: [
      { kind: 'eia-approval', filename: '环评批复.pdf', size: 482_113, sha256: 'a'.repeat(32) + 'b'.repeat(32) },
      { kind: 'business-plan', filename: 'business-plan.pdf', size: 1_204_992, sha256: 'c'.repeat(64) },
    ],
    decisions: [{
      number: 'COMMERCE-2026-0007', outcome: 'approved', titleZh: '批复决定', titleEn: 'Approval decision',
      amount: 1234567, issuedAt: '2026-03-05T06:30:00.000Z', sha256: 'd'.repeat(64), verificationCode: 'K7QX-4M2P-9D3T',
    }],
  };
}
