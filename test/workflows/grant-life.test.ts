// The life of a commerce-department grant after approval (issue 13): payments released by the
// finance side with four eyes, acceptance against the promises, clawback, repayment, write-off.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { performanceText } from '../../workflows/grant-performance';
import { specialFund } from '../../workflows/special-fund';
import { tradePlatformGrant } from '../../workflows/trade-platform-grant';
import type { Workflow } from '../../workflows/types';
import { actor, event, payPhase, run, send, step } from './harness';

const toApproved = ['applicant.submit', 'officer.accept', 'officer.pass-screening', 'expert.score', 'expert.score', 'officer.recommend', 'system.notice-ended', 'approver.approve'];
const ctx = (s: AnyMachineSnapshot) => s.context;
const as = (wf: Workflow, role: Parameters<typeof actor>[1], id: number) => actor(wf, role, id);

describe.each([specialFund, tradePlatformGrant])('$code after approval', (wf) => {
  const approved = () => run(wf, toApproved);
  const paidAdvance = () => payPhase(wf, approved());
  const failed = () => send(wf, send(wf, paidAdvance(), 'officer.propose-acceptance'), 'approver.fail-acceptance');

  it('pays only through the finance side, four eyes, the releaser typing the prepared amount, never above the phase', () => {
    const s = approved();
    expect(wf.eventTypesIn(s).filter((t) => t.startsWith('officer.'))).toEqual([]); // the officer pays nothing any more
    const half = Math.ceil(ctx(s).advanceCeiling / 2);
    const over = event(wf, s, 'finance.prepare-payment', { actor: as(wf, 'finance', 70), data: { amount: ctx(s).advanceCeiling + 1 } });
    expect(step(wf, s, over).refusal).toMatchObject({ field: 'amount', en: expect.stringMatching(/exceeds what remains/) });
    const prepared = step(wf, s, event(wf, s, 'finance.prepare-payment', { actor: as(wf, 'finance', 70), data: { amount: half } })).next;
    expect(ctx(prepared).disbursed).toBe(0); // nothing paid until a second person releases it
    const again = event(wf, prepared, 'finance.prepare-payment', { actor: as(wf, 'finance', 71), data: { amount: 1 } });
    expect(step(wf, prepared, again).refusal?.en).toMatch(/awaits release/);
    const self = event(wf, prepared, 'finance.release-payment', { actor: as(wf, 'finance', 70), data: { amount: half } });
    expect(step(wf, prepared, self).refusal?.en).toMatch(/Four eyes/);
    // Nor when the payment would complete the phase (the other transition of the event).
    const whole = step(wf, s, event(wf, s, 'finance.prepare-payment', { actor: as(wf, 'finance', 70), data: { amount: ctx(s).advanceCeiling } })).next;
    const selfWhole = step(wf, whole, event(wf, whole, 'finance.release-payment', { actor: as(wf, 'finance', 70), data: { amount: ctx(s).advanceCeiling } }));
    expect([selfWhole.refusal?.en, stateKey(selfWhole.next)]).toEqual([expect.stringMatching(/Four eyes/), 'disbursement']);
    const other = event(wf, prepared, 'finance.release-payment', { actor: as(wf, 'finance', 71), data: { amount: half + 1 } });
    expect(step(wf, prepared, other).refusal).toMatchObject({ field: 'amount', en: expect.stringMatching(/must be the one prepared/) });
    const paid = step(wf, prepared, event(wf, prepared, 'finance.release-payment', { actor: as(wf, 'finance', 71), data: { amount: half } })).next;
    expect(ctx(paid)).toMatchObject({ disbursed: half, paymentPrepared: null, tranches: [{ amount: half, by: 71, preparedBy: 70 }] });
    const returned = send(wf, prepared, 'finance.return-payment');
    expect([stateKey(returned), ctx(returned).paymentPrepared, ctx(returned).disbursed]).toEqual(['disbursement', null, 0]);
  });

  it('keeps the final share for after acceptance (special funds 80%, platform grants 70%)', () => {
    const s = paidAdvance();
    const share = wf.code === 'special-fund' ? 0.8 : 0.7;
    expect(ctx(s).disbursed).toBe(Math.floor(ctx(s).approvedAmount * share));
    expect(stateKey(s)).toBe('implementation');
    expect(wf.eventTypesIn(s)).not.toContain('finance.prepare-payment');
    const accepted = send(wf, send(wf, s, 'officer.propose-acceptance'), 'approver.accept');
    expect(stateKey(accepted)).toBe('finalPayment');
    const closed = payPhase(wf, accepted);
    expect([stateKey(closed), ctx(closed).disbursed, wf.isFinal(closed)]).toEqual(['closed', ctx(closed).approvedAmount, true]);
  });

  it('compares the promised jobs, trainees and investment with the verified figures, in the acceptance decision', () => {
    const s = paidAdvance();
    const data = { jobsConfirmed: 12, investmentVerified: 3_500_000, report: '部分完成', ...(wf.code === 'special-fund' ? { traineesVerified: 2_400 } : {}) };
    const proposed = step(wf, s, event(wf, s, 'officer.propose-acceptance', { data })).next;
    const accept = event(wf, proposed, 'approver.accept', { actor: as(wf, 'approver', 31) });
    const spec = wf.decision(proposed, step(wf, proposed, accept).next, accept)!;
    const promisedJobs = wf.formExample.jobsPromised as number;
    expect(spec.reasons).toContain(`新增就业 New jobs：承诺 ${promisedJobs} 个，核实 12 个，完成 ${Math.round((12 / promisedJobs) * 1000) / 10}%`);
    expect(spec.reasons).toMatch(/项目投资 Investment：承诺 [\d,]+ 元，核实 3,500,000 元/);
    if (wf.code === 'special-fund') expect(spec.reasons).toContain('培训人数 Trainees：承诺 3,000 人，核实 2,400 人，完成 80%');
    else expect(spec.reasons).not.toContain('培训人数');
    expect(spec.reasons).not.toMatch(/jobsPromised|investmentVerified|traineesVerified/);
    expect(performanceText({ form: {}, acceptance: null })).toBe('');
  });

  it('claws back after a failed acceptance: a sum up to what was paid, signed by another person, with its own adverse letter', () => {
    const s = failed();
    expect(stateKey(s)).toBe('acceptanceFailed');
    expect(wf.isFinal(s)).toBe(false); // the case does not end on a failed acceptance
    const paid = ctx(s).disbursed;
    const tooMuch = event(wf, s, 'officer.propose-clawback', { data: { amount: paid + 1, reason: '未完成', basis: '' } });
    expect(step(wf, s, tooMuch).refusal).toMatchObject({ field: 'amount', en: expect.stringMatching(/at most what was paid/) });
    const proposed = step(wf, s, event(wf, s, 'officer.propose-clawback', { data: { amount: paid, reason: '绩效目标未完成', basis: '资金拨付协议第八条' } })).next;
    expect(stateKey(proposed)).toBe('clawbackProposed');
    const self = event(wf, proposed, 'approver.sign-clawback', { actor: { ...as(wf, 'approver', 30), id: ctx(proposed).clawbackProposal.by } });
    expect(step(wf, proposed, self).refusal?.en).toMatch(/Four eyes/);
    const sign = event(wf, proposed, 'approver.sign-clawback', { actor: as(wf, 'approver', 31), data: {} });
    const ordered = step(wf, proposed, sign).next;
    expect(stateKey(ordered)).toBe('clawback.due');
    expect(wf.decision(proposed, ordered, sign)).toMatchObject({
      outcome: 'clawback-ordered', amount: paid, adverse: true, preparedBy: 10, section: wf.code === 'special-fund' ? '六.(一)' : '六.(四)',
      reasons: expect.stringContaining('验收未通过 / Acceptance failed：绩效目标未完成\n依据 / Basis：资金拨付协议第八条'),
      conditions: expect.stringMatching(/^请于 2026年4月7日 前将上述资金退回 \/ Repay the sum by 2026-04-07$/),
    });
    // Declined, it goes back to the failed acceptance for a new proposal.
    expect(stateKey(send(wf, proposed, 'approver.decline-clawback'))).toBe('acceptanceFailed');
  });

  it('closes a clawback only when repaid in full, marks it overdue on time, or writes off the rest by a signed decision', () => {
    let s = send(wf, send(wf, failed(), 'officer.propose-clawback'), 'approver.sign-clawback');
    const demanded = ctx(s).clawback.amount;
    s = send(wf, s, 'finance.record-repayment', { data: { amount: 100 } });
    expect([stateKey(s), ctx(s).repaid]).toEqual(['clawback.due', 100]);
    const over = event(wf, s, 'finance.record-repayment', { data: { amount: demanded } });
    expect(step(wf, s, over).refusal?.en).toMatch(/exceeds what remains/);
    expect(wf.nextDueAt(s)).toBe(ctx(s).clawback.dueAt);
    expect(wf.dueEvent(s, ctx(s).clawback.dueAt)).toEqual({ type: 'system.repayment-overdue', data: {} });
    const overdue = send(wf, s, 'system.repayment-overdue');
    expect([stateKey(overdue), wf.nextDueAt(overdue)]).toEqual(['clawback.overdue', null]);
    const settled = send(wf, overdue, 'finance.record-repayment', { data: { amount: demanded - 100 } });
    expect([stateKey(settled), wf.isFinal(settled)]).toEqual(['clawbackSettled', true]);
    // Or the rest is written off: proposed by the officer, signed by an approver who did not propose it.
    const proposed = send(wf, overdue, 'officer.propose-write-off');
    const self = event(wf, proposed, 'approver.sign-write-off', { actor: { ...as(wf, 'approver', 30), id: ctx(proposed).writeOffProposal.by }, data: {} });
    expect(step(wf, proposed, self).refusal?.en).toMatch(/Four eyes/);
    const sign = event(wf, proposed, 'approver.sign-write-off', { actor: as(wf, 'approver', 31), data: {} });
    const off = step(wf, proposed, sign).next;
    expect([stateKey(off), wf.isFinal(off), ctx(off).writtenOff]).toEqual(['writtenOff', true, demanded - 100]);
    expect(wf.decision(proposed, off, sign)).toMatchObject({ outcome: 'clawback-written-off', amount: demanded - 100, preparedBy: 10 });
    expect(wf.figures(ctx(off))).toMatchObject({ clawbackDemanded: demanded, clawedBack: 100, clawbackWrittenOff: demanded - 100, disbursed: ctx(off).disbursed });
    expect(stateKey(send(wf, proposed, 'approver.decline-write-off'))).toBe('clawback.due');
  });

  it('claws back on a finding of misuse during implementation; declined, the case goes on', () => {
    const s = paidAdvance();
    const proposed = send(wf, s, 'officer.propose-clawback', { data: { amount: 1_000, reason: '资金挪用于其他项目', basis: '审计报告' } });
    expect(ctx(proposed).clawbackProposal).toMatchObject({ grounds: 'misuse', amount: 1_000 });
    expect(stateKey(send(wf, proposed, 'approver.decline-clawback'))).toBe('implementation');
    const sign = event(wf, proposed, 'approver.sign-clawback', { actor: as(wf, 'approver', 31), data: {} });
    const ordered = step(wf, proposed, sign).next;
    expect(wf.decision(proposed, ordered, sign)!.reasons).toMatch(/^查实资金违规使用 \/ Misuse of the funds established：资金挪用于其他项目/);
  });
});
