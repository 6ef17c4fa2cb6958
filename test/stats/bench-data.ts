// Generated cases for the 100k statistics bench: deterministic, snapshots of a realistic size,
// inserted with prepared statements in one transaction.
import { backfillCaseFigures } from '../../src/domain/setup/case-figures';
import type { Deps } from '../../src/domain/deps';
import { PROVINCES } from '../../src/domain/reference/provinces';

export const CASES = 100_000;
export const ENTERPRISES = 5_000;
const PROGRAMMES = ['special-fund', 'trade-platform-grant', 'cdb-infra-loan', 'exim-order-finance', 'sinosure-credit-insurance'];
const INSTITUTION = ['COMMERCE', 'COMMERCE', 'CDB', 'EXIM', 'SINOSURE'];
const OUTCOMES = [['approved', 'refused'], ['approved', 'refused'], ['loan-committed', 'loan-declined'], ['financing-approved', 'financing-declined'], ['policy-issued', 'policy-declined']];

/** A deterministic pseudo-random sequence, so that every run measures the same data. */
function rng(seed: number) { return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31); }

export function generate(deps: Deps): void {
  const sqlite = deps.db.$client;
  const r = rng(42);
  const user = Number(sqlite.prepare(`INSERT INTO users (email, name, password_hash, role, created_at) VALUES ('bench@x', 'bench', 'x', 'admin', '2025-01-01')`).run().lastInsertRowid);
  const insEnt = sqlite.prepare(`INSERT INTO enterprises (name, credit_code, province, city, industry, customs_code, contact_name, contact_phone, contact_email, created_at)
    VALUES (?, ?, ?, ?, ?, '0', 'x', '0', 'x@x', '2025-01-01T00:00:00.000Z')`);
  const insCase = sqlite.prepare(`INSERT INTO cases (reference, programme_code, enterprise_id, created_by, state, snapshot, machine_version, version, form,
    amount, province, industry, enterprise_name, credit_code, submitted_at, state_since, is_final, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, NULL, ?, ?, 'x', 'x', ?, ?, 0, ?, ?)`);
  const insDec = sqlite.prepare(`INSERT INTO decisions (case_id, number, institution_code, outcome, title_zh, title_en, amount, section, issued_by, signer_role, issued_at, verification_code)
    VALUES (?, ?, ?, ?, 't', 't', ?, '六.二', ?, 'approver', ?, ?)`);
  const industries = ['electronics', 'textiles', 'garments', 'toys', 'logistics'];
  const ents: { province: string; industry: string }[] = [];
  sqlite.transaction(() => {
    for (let e = 0; e < ENTERPRISES; e++) {
      const p = PROVINCES[Math.floor(r() * 18)]!.name; // the eligible central and western provinces
      const ind = industries[e % industries.length]!;
      ents.push({ province: p, industry: ind });
      insEnt.run(`企业${e}`, `BENCH${String(e).padStart(13, '0')}`, p, `城市${e % 7}`, ind);
    }
    for (let i = 0; i < CASES; i++) {
      const k = i % 5;
      const e = Math.floor(r() * ENTERPRISES);
      const requested = 100_000 + Math.floor(r() * 9_900_000);
      const day = Math.floor(r() * 700);
      const submittedAt = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();
      const decided = r() < 0.7;
      const positive = decided && r() < 0.75;
      const form = { requestedAmount: requested, jobsPromised: Math.floor(r() * 500), projectName: '加工贸易承接项目'.repeat(4),
        description: '建设标准厂房及配套设施，承接东部地区电子信息企业转移，带动本地就业。'.repeat(12), contact: { name: '王敏', phone: '+86 23 6789 1234', email: 'w@example.cn' } };
      const context = {
        form, requestedAmount: requested, submittedAt, lastEventAt: submittedAt, stepCount: 5, returnCount: 0,
        approvedAmount: positive && k < 2 ? requested : null, disbursed: positive && k < 2 ? Math.floor(requested / 2) : 0,
        committedAmount: positive && (k === 2 || k === 3) ? requested : null, drawn: positive && (k === 2 || k === 3) ? Math.floor(requested / 3) : 0,
        policyNo: positive && k === 4 ? 'P' : null, terms: positive && k === 4 ? { maxLiability: requested, insuredPercentage: 90, premiumRate: 0.004 } : null,
        indemnityPaid: positive && k === 4 && r() < 0.1 ? Math.floor(requested / 10) : null,
        jobsConfirmed: positive && k < 2 && r() < 0.5 ? Math.floor(r() * 400) : null,
        scores: [{ expertId: 3, score: 82, opinion: '项目可行，就业带动明显', at: submittedAt }, { expertId: 4, score: 78, opinion: '同意', at: submittedAt }],
      };
      const state = decided ? (positive ? 'active' : 'rejected') : 'submitted';
      const id = Number(insCase.run(`B-${i}`, PROGRAMMES[k], e + 1, user, state, JSON.stringify({ status: 'active', value: state, context }),
        JSON.stringify(form), ents[e]!.province, ents[e]!.industry, submittedAt, submittedAt, submittedAt, submittedAt).lastInsertRowid);
      if (decided) {
        const at = new Date(Date.parse(submittedAt) + (1 + Math.floor(r() * 60)) * 86_400_000).toISOString();
        insDec.run(id, `BD-${i}`, INSTITUTION[k], OUTCOMES[k]![positive ? 0 : 1], positive ? requested : null, user, at, `BV-${i}`);
      }
    }
  })();
  backfillCaseFigures(deps.db);
}
