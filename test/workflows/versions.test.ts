// A case keeps the workflow version it began with: cases saved by an earlier version of a
// programme's machine load, show their state and finish under that version's rules.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getInitialSnapshot } from 'xstate';
import { cases } from '../../src/db/schema/index';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { createCase } from '../../src/domain/cases/create-case';
import { getCaseRow, restoreSnapshot, workflowOf } from '../../src/domain/cases/load-case';
import { stateKey } from '../../workflows/define-workflow';
import { EARLIER_VERSIONS, workflowFor, workflows } from '../../workflows/index';
import { demoUser } from '../decisions/drive-case';
import { makeTestApp } from '../helpers';
import { run } from './harness';

describe('workflow versions', () => {
  it('keeps every earlier version of a programme beside the current one, each with a lower number', () => {
    for (const old of EARLIER_VERSIONS) {
      expect(old.version).toBeLessThan(workflows[old.code].version);
      expect(workflowFor(old.code, old.version)).toBe(old);
    }
    expect(workflowFor('cdb-infra-loan')!.version).toBe(2);
    expect(workflowFor('cdb-infra-loan', 1)!.version).toBe(1);
    expect(workflowFor('cdb-infra-loan', 7)).toBeUndefined();
  });

  it('loads a CDB loan saved by version 1 and settles it under version 1', async () => {
    const { deps } = await makeTestApp();
    const applicant = demoUser(deps, 'ent1@demo.local');
    const v1 = workflowFor('cdb-infra-loan', 1)!;
    const row = createCase(deps, applicant, { programme: 'cdb-infra-loan', form: v1.formExample });
    // A v1 loan, fully drawn, as it was stored before version 2 existed.
    const active = run(v1, ['applicant.submit', 'officer.recommend-locally', 'liaison.submit-to-committee', 'liaison.committee-approve', 'liaison.sign-contract', 'liaison.drawdown', 'liaison.drawdown']);
    expect(stateKey(active)).toBe('active');
    const drawn = active.context.drawn as number;
    deps.db.update(cases).set({ machineVersion: 1, state: 'active', snapshot: JSON.stringify(v1.machine.getPersistedSnapshot(active)), submittedAt: deps.clock.now().toISOString() })
      .where(eq(cases.id, row.id)).run();
    const stored = getCaseRow(deps, row.id)!;
    expect(workflowOf(stored)).toBe(v1);
    expect(stateKey(restoreSnapshot(workflowOf(stored), stored))).toBe('active');
    const after = applyEvent(deps, demoUser(deps, 'cdb@demo.local'), { caseId: row.id, type: 'liaison.record-repayment', data: { amount: drawn }, expectedVersion: stored.version }).row;
    expect(after.state).toBe('settled');
    expect(after.machineVersion).toBe(1);
    expect(after.isFinal).toBe(true);
  });

  it('loads an EXIM financing saved by version 1 and settles it under version 1', async () => {
    const { deps } = await makeTestApp();
    const v1 = workflowFor('exim-order-finance', 1)!;
    expect(workflowFor('exim-order-finance')!.version).toBe(2);
    const row = createCase(deps, demoUser(deps, 'ent1@demo.local'), { programme: 'exim-order-finance', form: v1.formExample });
    const out = run(v1, ['applicant.submit', 'liaison.verify-order', 'liaison.approve-financing', 'liaison.disburse']);
    expect(stateKey(out)).toBe('outstanding');
    deps.db.update(cases).set({ machineVersion: 1, state: 'outstanding', snapshot: JSON.stringify(v1.machine.getPersistedSnapshot(out)), submittedAt: deps.clock.now().toISOString() })
      .where(eq(cases.id, row.id)).run();
    const stored = getCaseRow(deps, row.id)!;
    const after = applyEvent(deps, demoUser(deps, 'exim@demo.local'), { caseId: row.id, type: 'liaison.record-repayment', data: { amount: out.context.drawn }, expectedVersion: stored.version }).row;
    expect([after.state, after.machineVersion]).toEqual(['settled', 1]);
  });

  it.each(['special-fund', 'trade-platform-grant'])('loads a %s grant saved by version 1 and pays it under version 1 (the officer alone)', async (code) => {
    const { deps } = await makeTestApp();
    const v1 = workflowFor(code, 1)!;
    expect(workflowFor(code)!.version).toBe(2);
    const row = createCase(deps, demoUser(deps, 'ent1@demo.local'), { programme: code, form: v1.formExample });
    const approved = run(v1, ['applicant.submit', 'officer.accept', 'officer.pass-screening', 'expert.score', 'expert.score', 'officer.recommend', 'system.notice-ended', 'approver.approve']);
    expect(stateKey(approved)).toBe('disbursement');
    deps.db.update(cases).set({ machineVersion: 1, state: 'disbursement', snapshot: JSON.stringify(v1.machine.getPersistedSnapshot(approved)), submittedAt: deps.clock.now().toISOString() })
      .where(eq(cases.id, row.id)).run();
    const officer = demoUser(deps, 'officer@demo.local');
    const ceiling = approved.context.advanceCeiling as number;
    // Version 1 paid special funds in full before acceptance; version 2 keeps a final share.
    expect(ceiling).toBe(code === 'special-fund' ? approved.context.approvedAmount : Math.floor(approved.context.approvedAmount * 0.7));
    const after = applyEvent(deps, officer, { caseId: row.id, type: 'officer.disburse', data: { amount: ceiling }, expectedVersion: getCaseRow(deps, row.id)!.version }).row;
    expect([after.state, after.machineVersion]).toEqual(['implementation', 1]);
  });

  it('loads a Sinosure policy saved by version 1 in its recovery state and closes it under version 1', async () => {
    const { deps } = await makeTestApp();
    const v1 = workflowFor('sinosure-credit-insurance', 1)!;
    const row = createCase(deps, demoUser(deps, 'ent1@demo.local'), { programme: v1.code, form: v1.formExample });
    const paid = run(v1, ['applicant.submit', 'liaison.start-underwriting', 'liaison.prepare-policy', 'liaison.issue-policy', 'liaison.approve-limit',
      'applicant.declare-shipment', 'applicant.notify-loss', 'applicant.file-claim', 'liaison.prepare-claim', 'liaison.pay-claim']);
    expect(stateKey(paid)).toBe('recovery'); // a state version 2 no longer has
    deps.db.update(cases).set({ machineVersion: 1, state: 'recovery', snapshot: JSON.stringify(v1.machine.getPersistedSnapshot(paid)), submittedAt: deps.clock.now().toISOString() })
      .where(eq(cases.id, row.id)).run();
    const stored = getCaseRow(deps, row.id)!;
    const after = applyEvent(deps, demoUser(deps, 'sinosure@demo.local'), { caseId: row.id, type: 'liaison.close', data: {}, expectedVersion: stored.version }).row;
    expect([after.state, after.machineVersion, after.isFinal]).toEqual(['closed', 1, true]);
  });

  it('loads a Sinosure policy saved by version 2 with a loss notified, and closes it under version 2', async () => {
    const { deps } = await makeTestApp();
    const v2 = workflowFor('sinosure-credit-insurance', 2)!;
    expect(workflowFor('sinosure-credit-insurance')!.version).toBe(3);
    const row = createCase(deps, demoUser(deps, 'ent1@demo.local'), { programme: v2.code, form: v2.formExample });
    const lost = run(v2, ['applicant.submit', 'liaison.start-underwriting', 'liaison.prepare-policy', 'liaison.issue-policy', 'liaison.approve-limit',
      'applicant.declare-shipment', 'applicant.notify-loss']);
    expect(stateKey(lost)).toBe('policy.lossNotified'); // a state version 3 no longer has
    deps.db.update(cases).set({ machineVersion: 2, state: 'policy.lossNotified', snapshot: JSON.stringify(v2.machine.getPersistedSnapshot(lost)), submittedAt: deps.clock.now().toISOString() })
      .where(eq(cases.id, row.id)).run();
    const act = (email: string, type: string, data: Record<string, unknown>) => {
      const stored = getCaseRow(deps, row.id)!;
      return applyEvent(deps, demoUser(deps, email), { caseId: row.id, type, data, expectedVersion: stored.version }).row;
    };
    expect(act('sinosure@demo.local', 'liaison.record-loss-averted', { note: '买方已付款' }).state).toBe('policy.active');
    act('sinosure@demo.local', 'liaison.prepare-close', { reason: '退保', basis: '保单条款第二十条' });
    const after = act('sinosure2@demo.local', 'liaison.sign-decision', {});
    expect([after.state, after.machineVersion, after.isFinal]).toEqual(['closed', 2, true]);
  });

  it('refuses, as a handled error, a case saved by a version that does not exist', async () => {
    const { deps } = await makeTestApp();
    const w = workflowFor('cdb-infra-loan')!;
    const row = createCase(deps, demoUser(deps, 'ent1@demo.local'), { programme: w.code, form: w.formExample });
    deps.db.update(cases).set({ machineVersion: 99, snapshot: JSON.stringify(w.machine.getPersistedSnapshot(getInitialSnapshot(w.machine, w.initialInput(w.formExample)))) })
      .where(eq(cases.id, row.id)).run();
    const stored = getCaseRow(deps, row.id)!;
    expect(() => restoreSnapshot(workflowOf(stored), stored)).toThrow(/version/);
  });
});
