// The registry and the public shape of each programme: roles per event, forms, documents,
// labels, JSON Schema conversion, and the policy lists.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROGRAMME_CODES, workflowFor, workflows } from '../../workflows/index';
import { FORBIDDEN_PRODUCTS, forbiddenProduct, INDUSTRIES } from '../../workflows/policy-lists';
import { INSTITUTIONS } from '../../workflows/institutions';
import type { Role } from '../../workflows/types';

const common: Record<string, Role[]> = { 'applicant.submit': ['applicant'], 'applicant.resubmit': ['applicant'], 'applicant.withdraw': ['applicant'] };
const govFund: Record<string, Role[]> = {
  ...common, 'officer.return': ['officer'], 'officer.reject': ['officer'], 'approver.refuse': ['approver'],
  'approver.sign-refusal': ['approver'], 'approver.decline-refusal': ['approver'],
  'officer.dismiss-objection': ['officer'], 'officer.uphold-objection': ['officer'],
  'officer.accept': ['officer'], 'officer.pass-screening': ['officer'], 'officer.assign-experts': ['officer'],
  'expert.score': ['expert'], 'officer.recommend': ['officer'], 'officer.record-objection': ['officer'],
  'system.notice-ended': ['system'], 'approver.approve': ['approver'],
  'officer.propose-acceptance': ['officer'], 'approver.accept': ['approver'], 'approver.fail-acceptance': ['approver'],
  // Payments by the finance side (one prepares, another releases); clawback and write-off (four eyes).
  'finance.prepare-payment': ['finance'], 'finance.release-payment': ['finance'], 'finance.return-payment': ['finance'],
  'officer.propose-clawback': ['officer'], 'approver.sign-clawback': ['approver'], 'approver.decline-clawback': ['approver'],
  'finance.record-repayment': ['finance'], 'system.repayment-overdue': ['system'], 'officer.propose-write-off': ['officer'],
  'approver.sign-write-off': ['approver'], 'approver.decline-write-off': ['approver'],
};
const lending: Record<string, Role[]> = { 'liaison.record-repayment': ['liaison'], 'system.repayment-overdue': ['system'] };

/** The role × event matrix: who may send what, per programme. */
const MATRIX: Record<string, Record<string, Role[]>> = {
  'employment-training-subsidy': {
    ...common, 'officer.return': ['officer'], 'officer.reject': ['officer'], 'approver.refuse': ['approver'],
    'officer.accept': ['officer'], 'officer.recommend': ['officer'], 'approver.approve': ['approver'],
    'officer.verify-completion': ['officer'], 'approver.pay': ['approver'], 'officer.report-misuse': ['officer'],
    'officer.close': ['officer'], 'approver.order-clawback': ['approver'], 'approver.dismiss-finding': ['approver'],
    'officer.record-recovery': ['officer'],
  },
  'special-fund': govFund,
  'trade-platform-grant': govFund,
  'cdb-infra-loan': {
    ...common, ...lending, 'officer.return': ['officer'], 'liaison.return': ['liaison'], 'officer.decline': ['officer'],
    'liaison.decline': ['liaison'], 'liaison.committee-decline': ['liaison'], 'officer.recommend-locally': ['officer'],
    'liaison.submit-to-committee': ['liaison'], 'liaison.committee-approve': ['liaison'], 'liaison.sign-contract': ['liaison'],
    'liaison.drawdown': ['liaison'], 'liaison.record-conditions': ['liaison'], 'liaison.confirm-settlement': ['liaison'],
    'liaison.prepare-cancellation': ['liaison'], 'system.availability-ended': ['system'], 'liaison.prepare-default': ['liaison'],
    'liaison.prepare-restructuring': ['liaison'], 'liaison.prepare-recovery': ['liaison'], 'liaison.prepare-write-off': ['liaison'],
    'liaison.record-recovery': ['liaison'], 'liaison.sign-decision': ['liaison'], 'liaison.return-decision': ['liaison'],
  },
  'exim-order-finance': {
    ...common, ...lending, 'liaison.return': ['liaison'], 'liaison.decline': ['liaison'], 'liaison.decline-financing': ['liaison'],
    'liaison.verify-order': ['liaison'], 'liaison.approve-financing': ['liaison'], 'liaison.disburse': ['liaison'],
    'liaison.prepare-extension': ['liaison'], 'liaison.prepare-default': ['liaison'], 'liaison.prepare-recovery': ['liaison'],
    'liaison.prepare-write-off': ['liaison'], 'liaison.record-recovery': ['liaison'], 'liaison.sign-decision': ['liaison'],
    'liaison.return-decision': ['liaison'],
  },
  'sinosure-credit-insurance': {
    ...common, 'liaison.return': ['liaison'], 'liaison.decline': ['liaison'], 'liaison.decline-policy': ['liaison'],
    'liaison.start-underwriting': ['liaison'], 'liaison.prepare-policy': ['liaison'], 'liaison.issue-policy': ['liaison'],
    'applicant.request-limit': ['applicant'], 'liaison.approve-limit': ['liaison'], 'liaison.refuse-limit': ['liaison'],
    'applicant.declare-shipment': ['applicant'], 'applicant.notify-loss': ['applicant'], 'applicant.file-claim': ['applicant'],
    'liaison.prepare-claim': ['liaison'], 'liaison.pay-claim': ['liaison'], 'liaison.refuse-claim': ['liaison'],
    'liaison.record-recovery': ['liaison'], 'liaison.record-loss-averted': ['liaison'], 'liaison.prepare-renewal': ['liaison'],
    'liaison.prepare-close': ['liaison'], 'liaison.sign-decision': ['liaison'], 'liaison.return-decision': ['liaison'], 'system.policy-expired': ['system'],
    'liaison.reduce-limit': ['liaison'], 'liaison.cancel-limit': ['liaison'], 'applicant.report-payment': ['applicant'],
    'liaison.invoice-premium': ['liaison'], 'liaison.record-premium': ['liaison'], 'system.premium-overdue': ['system'],
    'system.notice-period-ended': ['system'], 'system.run-off-ended': ['system'],
  },
};

describe('registry', () => {
  it('holds the programmes of DOMAIN.md and 就业培训补贴 (政策 五) under their codes, with the right institutions', () => {
    expect(PROGRAMME_CODES.sort()).toEqual(['cdb-infra-loan', 'employment-training-subsidy', 'exim-order-finance', 'sinosure-credit-insurance', 'special-fund', 'trade-platform-grant']);
    expect(Object.fromEntries(Object.values(workflows).map((w) => [w.code, [w.institution, w.referencePrefix]]))).toEqual({
      'special-fund': ['COMMERCE', 'SF'], 'trade-platform-grant': ['COMMERCE', 'TPG'], 'cdb-infra-loan': ['CDB', 'CDB'],
      'exim-order-finance': ['EXIM', 'EXIM'], 'sinosure-credit-insurance': ['SINOSURE', 'SIN'],
      'employment-training-subsidy': ['HR', 'ETS'],
    });
    expect(workflowFor('special-fund')).toBe(workflows['special-fund']);
    expect(workflowFor('toString')).toBeUndefined();
    expect(workflowFor('nope')).toBeUndefined();
  });
});

describe.each(Object.values(workflows))('$code', (wf) => {
  it('gives each event exactly the roles of the matrix; auditors and admins send nothing', () => {
    expect(Object.fromEntries(wf.events.map((e) => [e.type, e.roles]))).toEqual(MATRIX[wf.code]);
    const roles = wf.events.flatMap((e) => e.roles);
    expect(roles).not.toContain('auditor');
    expect(roles).not.toContain('admin');
    // Bank and insurer liaisons act only in their own institution's programmes.
    expect(roles.includes('liaison')).toBe(INSTITUTIONS[wf.institution].kind !== 'government');
    for (const e of wf.events) expect(e.type.split('.')[0]).toBe(e.roles[0]);
  });

  it('uses every event it declares in some state, and declares every event its states use', () => {
    const used = new Set<string>();
    const walk = (node: typeof wf.machine.root): void => {
      for (const type of node.transitions.keys()) used.add(type);
      Object.values(node.states).forEach((n) => walk(n as never));
    };
    walk(wf.machine.root);
    expect([...used].sort()).toEqual(wf.events.map((e) => e.type).sort());
  });

  it('has a strict form whose example passes, with limits on the amount', () => {
    expect(wf.formSchema.safeParse(wf.formExample).success).toBe(true);
    expect(wf.formSchema.safeParse({ ...wf.formExample, unexpected: 1 }).success).toBe(false);
    expect(wf.formSchema.safeParse({ ...wf.formExample, requestedAmount: 1 }).success).toBe(false);
    expect(wf.formSchema.safeParse({ ...wf.formExample, requestedAmount: 10_000_000_000 }).success).toBe(false);
    expect(wf.formSchema.safeParse({ ...wf.formExample, industry: 'not-an-industry' }).success).toBe(false);
    expect(wf.formSchema.safeParse({ ...wf.formExample, products: [{ hsCode: 'abc', description: 'x' }] }).success).toBe(false);
  });

  it('converts the form and every event schema to JSON Schema for the API', () => {
    const form = z.toJSONSchema(wf.formSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(form.properties.requestedAmount).toMatchObject({ type: 'integer' });
    expect(form.additionalProperties).toBe(false);
    for (const e of wf.events) expect(() => z.toJSONSchema(e.schema, { io: 'input', unrepresentable: 'any' })).not.toThrow();
  });

  it('asks for the documents of its institution, with the business licence required', () => {
    const kinds = Object.fromEntries(wf.documents.map((d) => [d.kind, d.required]));
    expect(kinds['business-licence']).toBe(true);
    const project = ['special-fund', 'trade-platform-grant', 'cdb-infra-loan'].includes(wf.code);
    expect(kinds['eia-approval']).toBe(project ? true : undefined);
    if (wf.code === 'exim-order-finance') expect([kinds['export-contract'], kinds['customs-declaration']]).toEqual([true, true]);
    for (const d of wf.documents) expect(d.label.zh && d.label.en).toBeTruthy();
  });

  it('labels every state in both languages and starts as a draft', () => {
    expect(wf.stateLabels.draft.zh).toBe(wf.code === 'sinosure-credit-insurance' ? '投保单草稿' : '草稿');
    for (const label of Object.values(wf.stateLabels)) expect(label.zh.length * label.en.length).toBeGreaterThan(0);
    expect(wf.name.zh && wf.name.en && wf.summary.zh && wf.summary.en).toBeTruthy();
  });
});

describe('policy lists', () => {
  it('marks 两高一资 industries forbidden and the encouraged industries of 二 allowed', () => {
    const forbidden = INDUSTRIES.filter((i) => i.forbidden).map((i) => i.code);
    expect(forbidden).toEqual(expect.arrayContaining(['coking', 'ferroalloys', 'electrolytic-aluminium', 'calcium-carbide', 'cement-clinker', 'tanning', 'pulp']));
    expect(INDUSTRIES.filter((i) => !i.forbidden).map((i) => i.code)).toEqual(expect.arrayContaining(['textiles', 'garments', 'toys', 'electronics', 'biotech', 'new-energy', 'warehousing-logistics']));
    expect(new Set(INDUSTRIES.map((i) => i.code)).size).toBe(INDUSTRIES.length);
  });

  it('matches HS codes by prefix, with or without dots', () => {
    expect(forbiddenProduct('2704.00')?.label.en).toMatch(/Coke/);
    expect(forbiddenProduct('72021100')?.label.en).toBe('Ferroalloys');
    expect(forbiddenProduct('8471.30')).toBeUndefined();
    expect(forbiddenProduct('6204')).toBeUndefined();
    expect(FORBIDDEN_PRODUCTS.every((p) => /^\d{4}$/.test(p.hsPrefix) && p.label.zh && p.label.en)).toBe(true);
  });
});
