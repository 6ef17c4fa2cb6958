// The demo data shows the institutions' portfolios in their ordinary turns, made by the real
// engine: every seeded case ran its steps to the end, with the figures the turn implies.
import { beforeAll, describe, expect, it } from 'vitest';
import { storedContext, getCaseRow } from '../../src/domain/cases/load-case';
import { seedDemoCases, DEMO_CASES } from '../../src/domain/setup/demo-cases';
import { makeTestApp, type TestApp } from '../helpers/index';

let t: TestApp;
const log: string[] = [];
beforeAll(async () => {
  t = await makeTestApp();
  seedDemoCases(t.deps, (m) => log.push(m));
}, 60_000);

const rowsOf = (programme: string) => (t.deps.db.$client.prepare('select id from cases where programme_code = ? order by id').all(programme) as { id: number }[])
  .map((r) => getCaseRow(t.deps, r.id)!);
const contexts = (programme: string) => rowsOf(programme).map((r) => ({ row: r, c: storedContext(r) as Record<string, any> }));

describe('demo portfolio', () => {
  it('makes every demo case and runs every step of it', () => {
    expect(log).toEqual([]);
    expect(t.deps.db.$client.prepare('select count(*) as n from cases').get()).toEqual({ n: DEMO_CASES.length });
  });

  it('has grants paid by the finance side (four eyes) and one clawed back after a failed acceptance, partly repaid', () => {
    const grants = contexts('special-fund');
    const paid = grants.filter(({ c }) => c.tranches?.length > 0);
    expect(paid.length).toBeGreaterThan(1);
    for (const { c } of paid) for (const p of c.tranches) expect(p.preparedBy).not.toBe(p.by);
    const clawed = grants.find(({ c }) => c.clawback);
    expect(clawed).toBeDefined();
    const { c, row } = clawed!;
    expect(row.state).toBe('clawback.due');
    expect(c.repaid).toBeGreaterThan(0);
    expect(c.repaid).toBeLessThan(c.clawback.amount);
    expect(c.clawback.amount).toBeLessThanOrEqual(c.disbursed);
    const decisions = t.deps.db.$client.prepare('select outcome, amount from decisions where case_id = ?').all(row.id) as { outcome: string; amount: number }[];
    expect(decisions.map((d) => d.outcome)).toEqual(['approved', 'acceptance-failed', 'clawback-ordered']);
  });

  it('has a CDB loan partly drawn with the rest of the commitment cancelled by a signed decision', () => {
    const loan = contexts('cdb-infra-loan').find(({ c }) => c.cancelled > 0 && c.drawn > 0);
    expect(loan).toBeDefined();
    const { c, row } = loan!;
    expect(row.state).toBe('active');
    expect(c.drawn + c.cancelled).toBe(c.contractAmount);
    expect(c.committedAmount).toBe(c.drawn);
    expect(c.cancellations[0]).toMatchObject({ requestedBy: 'borrower' });
    const decisions = t.deps.db.$client.prepare('select outcome, amount from decisions where case_id = ?').all(row.id) as { outcome: string; amount: number }[];
    expect(decisions).toContainEqual({ outcome: 'commitment-cancelled', amount: c.cancelled });
  });

  it('has an EXIM financing disbursed in two parts and extended once by a signed decision', () => {
    const fin = contexts('exim-order-finance').find(({ c }) => c.extensions?.length === 1);
    expect(fin).toBeDefined();
    const { c, row } = fin!;
    expect(row.state).toBe('outstanding');
    expect(c.drawdowns).toHaveLength(2);
    expect(c.drawn).toBe(c.committedAmount);
    expect(c.repaymentDueDate > c.extensions[0].from).toBe(true);
    const outcomes = (t.deps.db.$client.prepare('select outcome from decisions where case_id = ?').all(row.id) as { outcome: string }[]).map((d) => d.outcome);
    expect(outcomes).toEqual(['financing-approved', 'financing-extended']);
  });

  it('has a Sinosure policy with two buyers, a paid claim, a loss averted and a later shipment, still in force', () => {
    const policy = contexts('sinosure-credit-insurance').find(({ c }) => c.claimsPaid === 1 && c.lossesAverted === 1);
    expect(policy).toBeDefined();
    const { c, row } = policy!;
    expect(row.state).toBe('policy.cover.active');
    const approved = c.buyers.filter((b: { status: string }) => b.status === 'approved');
    expect(approved).toHaveLength(2);
    const [paid, averted] = approved;
    expect(paid.indemnified).toBeGreaterThan(0);
    expect(paid.indemnified).toBeLessThanOrEqual(Math.floor(paid.admitted * c.terms.insuredPercentage / 100));
    expect(paid.recovered).toBeGreaterThan(0);
    expect(averted.indemnified).toBe(0);
    // The later shipment is the one still open, declared after both losses.
    expect(c.shipmentsDeclared).toBe(3);
    expect(c.shipments).toHaveLength(1);
    expect(c.shipments[0].invoiceNo).toBe('INV-3');
    expect(c.premiumPaid).toBe(c.premiumInvoiced);
    const outcomes = (t.deps.db.$client.prepare('select outcome from decisions where case_id = ? order by id').all(row.id) as { outcome: string }[]).map((d) => d.outcome);
    expect(outcomes).toEqual(['policy-issued', 'credit-limit-approved', 'credit-limit-approved', 'claim-paid']);
  });
});
