// A small known set of enterprises, cases and decisions, inserted directly, whose figures are
// worked out by hand in figures.test.ts. The demo accounts add ent1 (重庆) and ent2 (河南, textiles).
import { backfillCaseFigures } from '../../src/domain/setup/case-figures';
import type { Db } from '../../src/db/client';

export interface CaseSpec {
  ent: string; programme: string; state: string; submittedAt: string | null;
  context: Record<string, unknown>;
  decisions?: { outcome: string; at: string; amount?: number | null; section?: string }[];
}

const INSTITUTION: Record<string, string> = {
  'special-fund': 'COMMERCE', 'trade-platform-grant': 'COMMERCE', 'cdb-infra-loan': 'CDB', 'exim-order-finance': 'EXIM', 'sinosure-credit-insurance': 'SINOSURE',
  'employment-training-subsidy': 'HR',
};

export const ENTERPRISES: Record<string, { province: string; city: string | null; industry: string }> = {
  S1: { province: '四川', city: '成都', industry: 'electronics' },
  S2: { province: '四川', city: '成都', industry: 'electronics' },
  S3: { province: '四川', city: '绵阳', industry: 'electronics' },
  S4: { province: '四川', city: '成都', industry: 'electronics' },
  H1: { province: '湖北', city: '武汉', industry: 'textiles' },
  H2: { province: '湖北', city: '武汉', industry: 'textiles' },
  C1: { province: '重庆', city: '重庆', industry: 'electronics' },
  C2: { province: '重庆', city: null, industry: 'electronics' },
};

const grant = (requested: number, approved: number | null, disbursed: number, jobsPromised: number, jobsConfirmed: number | null = null) =>
  ({ requestedAmount: requested, approvedAmount: approved, disbursed, jobsConfirmed, form: { requestedAmount: requested, jobsPromised } });
const loan = (requested: number, committed: number | null, drawn: number, jobsPromised?: number) =>
  ({ requestedAmount: requested, committedAmount: committed, drawn, form: { requestedAmount: requested, ...(jobsPromised === undefined ? {} : { jobsPromised }) } });
const policy = (requested: number, maxLiability: number | null, indemnityPaid: number | null) =>
  ({ requestedAmount: requested, policyNo: maxLiability ? 'SIN-1' : null, terms: maxLiability ? { maxLiability, insuredPercentage: 90, premiumRate: 0.004 } : null, indemnityPaid, form: { requestedAmount: requested } });

export const CASES: CaseSpec[] = [
  { ent: 'S1', programme: 'special-fund', state: 'disbursement', submittedAt: '2026-01-05T08:00:00.000Z', context: grant(1_000_000, 800_000, 400_000, 100),
    decisions: [{ outcome: 'approved', at: '2026-01-15T08:00:00.000Z', amount: 800_000 }] },
  { ent: 'S2', programme: 'special-fund', state: 'rejected', submittedAt: '2026-01-10T08:00:00.000Z', context: grant(2_000_000, null, 0, 60),
    decisions: [{ outcome: 'refused', at: '2026-01-30T08:00:00.000Z' }] },
  { ent: 'S3', programme: 'cdb-infra-loan', state: 'active', submittedAt: '2026-02-01T08:00:00.000Z', context: loan(10_000_000, 9_000_000, 5_000_000, 500),
    decisions: [{ outcome: 'loan-committed', at: '2026-03-03T08:00:00.000Z', amount: 9_000_000 }] },
  { ent: 'S4', programme: 'sinosure-credit-insurance', state: 'recovery', submittedAt: '2026-02-10T08:00:00.000Z', context: policy(20_000_000, 15_000_000, 1_000_000),
    decisions: [{ outcome: 'policy-issued', at: '2026-02-14T08:00:00.000Z', amount: 15_000_000 }, { outcome: 'claim-paid', at: '2026-02-28T08:00:00.000Z', amount: 1_000_000 }] },
  { ent: 'S1', programme: 'trade-platform-grant', state: 'closed', submittedAt: '2026-02-20T08:00:00.000Z', context: grant(3_000_000, 3_000_000, 3_000_000, 45, 40),
    decisions: [{ outcome: 'approved', at: '2026-03-22T08:00:00.000Z', amount: 3_000_000 }, { outcome: 'acceptance-passed', at: '2026-04-10T08:00:00.000Z' }] },
  { ent: 'S2', programme: 'exim-order-finance', state: 'creditApproval', submittedAt: '2026-03-01T08:00:00.000Z', context: loan(1_000_000, null, 0, 10) },
  { ent: 'S3', programme: 'special-fund', state: 'draft', submittedAt: null, context: grant(4_000_000, null, 0, 999) },
  { ent: 'H1', programme: 'special-fund', state: 'closed', submittedAt: '2026-01-20T08:00:00.000Z', context: grant(500_000, 500_000, 500_000, 50, 30),
    decisions: [{ outcome: 'approved', at: '2026-02-04T08:00:00.000Z', amount: 500_000 }, { outcome: 'acceptance-passed', at: '2026-03-01T08:00:00.000Z' }] },
  { ent: 'H2', programme: 'exim-order-finance', state: 'settled', submittedAt: '2026-02-15T08:00:00.000Z', context: loan(2_000_000, 1_500_000, 1_500_000, 20),
    decisions: [{ outcome: 'financing-approved', at: '2026-02-20T08:00:00.000Z', amount: 1_500_000 }] },
  { ent: 'C1', programme: 'special-fund', state: 'rejected', submittedAt: '2026-03-05T08:00:00.000Z', context: grant(1_500_000, null, 0, 80),
    decisions: [{ outcome: 'refused', at: '2026-03-25T08:00:00.000Z' }] },
  // A refusal corrected by a later commitment: the correction decides, the first decision dates it.
  { ent: 'C2', programme: 'cdb-infra-loan', state: 'active', submittedAt: '2026-03-10T08:00:00.000Z', context: loan(8_000_000, 6_000_000, 0, 300),
    decisions: [{ outcome: 'not-recommended', at: '2026-03-12T08:00:00.000Z' }, { outcome: 'loan-committed', at: '2026-03-20T08:00:00.000Z', amount: 6_000_000 }] },
  { ent: 'ent1', programme: 'sinosure-credit-insurance', state: 'declined', submittedAt: '2026-03-15T08:00:00.000Z', context: policy(5_000_000, null, null),
    decisions: [{ outcome: 'policy-declined', at: '2026-03-16T08:00:00.000Z' }] },
];

/** Inserts the fixture; returns enterprise ids by key (ent1 and ent2 are the demo enterprises). */
export function insertFixture(db: Db): Record<string, number> {
  const sqlite = db.$client;
  const ids: Record<string, number> = {};
  for (const r of sqlite.prepare(`SELECT id, contact_email FROM enterprises`).all() as { id: number; contact_email: string }[]) {
    ids[r.contact_email.split('@')[0]!] = r.id;
  }
  const userId = (sqlite.prepare(`SELECT MIN(id) AS id FROM users`).get() as { id: number }).id;
  const insEnt = sqlite.prepare(`INSERT INTO enterprises (name, credit_code, province, city, industry, customs_code, contact_name, contact_phone, contact_email, created_at)
    VALUES (?, ?, ?, ?, ?, '0000000000', 'x', '000', ?, '2026-01-01T00:00:00.000Z')`);
  Object.entries(ENTERPRISES).forEach(([key, e], i) => {
    ids[key] = Number(insEnt.run(`企业${key}`, `FIXTURE${String(i).padStart(10, '0')}`, e.province, e.city, e.industry, `${key}@fixture.local`).lastInsertRowid);
  });
  insertCases(db, CASES.map((c) => ({ ...c, enterpriseId: ids[c.ent]! })), userId);
  return ids;
}

export function insertCases(db: Db, specs: (CaseSpec & { enterpriseId: number })[], userId: number): void {
  const sqlite = db.$client;
  const ent = sqlite.prepare(`SELECT province, industry FROM enterprises WHERE id = ?`);
  const insCase = sqlite.prepare(`INSERT INTO cases (reference, programme_code, enterprise_id, created_by, state, snapshot, machine_version, version, form,
    amount, province, industry, enterprise_name, credit_code, submitted_at, state_since, is_final, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, NULL, ?, ?, 'x', 'x', ?, ?, 0, ?, ?)`);
  const insDec = sqlite.prepare(`INSERT INTO decisions (case_id, number, institution_code, outcome, title_zh, title_en, amount, section, issued_by, signer_role, issued_at, verification_code)
    VALUES (?, ?, ?, ?, 't', 't', ?, ?, ?, 'approver', ?, ?)`);
  let seq = (sqlite.prepare(`SELECT COUNT(*) AS n FROM decisions`).get() as { n: number }).n;
  const base = (sqlite.prepare(`SELECT COUNT(*) AS n FROM cases`).get() as { n: number }).n;
  sqlite.transaction(() => {
    specs.forEach((c, i) => {
      const e = ent.get(c.enterpriseId) as { province: string; industry: string };
      const at = c.submittedAt ?? '2026-01-01T00:00:00.000Z';
      const snapshot = JSON.stringify({ status: 'active', value: c.state, context: c.context });
      const id = Number(insCase.run(`T-${base + i}`, c.programme, c.enterpriseId, userId, c.state, snapshot, JSON.stringify(c.context.form ?? {}),
        e.province, e.industry, c.submittedAt, at, at, at).lastInsertRowid);
      for (const d of c.decisions ?? []) {
        seq += 1;
        insDec.run(id, `D-${seq}`, INSTITUTION[c.programme] ?? 'HR', d.outcome, d.amount ?? null, d.section ?? '六.一', userId, d.at, `V-${seq}`);
      }
    });
  })();
  backfillCaseFigures(db); // the figures each programme computes from these contexts
}
