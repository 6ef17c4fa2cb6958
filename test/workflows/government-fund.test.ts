// Policy rules of the commerce-department grants, step by step with transition().
import { describe, expect, it } from 'vitest';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { specialFund } from '../../workflows/special-fund';
import { tradePlatformGrant } from '../../workflows/trade-platform-grant';
import type { CaseFacts, Workflow } from '../../workflows/types';
import { actor, event, NOW, payPhase, run, send, start, step } from './harness';

const toExpert = ['applicant.submit', 'officer.accept', 'officer.pass-screening'];
const toNotice = [...toExpert, 'expert.score', 'expert.score', 'officer.recommend'];
const noticeOver = (wf: Workflow, s: AnyMachineSnapshot) => send(wf, s, 'system.notice-ended');
const toApproval = (wf: Workflow) => noticeOver(wf, run(wf, toNotice));
const ctx = (s: AnyMachineSnapshot) => s.context;

describe.each([specialFund, tradePlatformGrant])('$code', (wf) => {
  it('refuses 两高一资 at screening, by industry and by HS code, and the signed refusal cites 一.(二)', () => {
    for (const form of [
      { ...wf.formExample, industry: 'electrolytic-aluminium' },
      { ...wf.formExample, products: [{ hsCode: '7202.11', description: '高碳锰铁 / Ferro-manganese' }] },
    ]) {
      const s = run(wf, ['applicant.submit', 'officer.accept'], start(wf, form));
      const { refusal, next } = step(wf, s, event(wf, s, 'officer.pass-screening'));
      expect(refusal?.zh).toContain('两高一资');
      expect(refusal?.zh).toContain('政策 一.(二) 二是');
      expect(refusal?.en).not.toContain('二.二');
      expect(stateKey(next)).toBe('review.preliminary');
      // The officer proposes; nothing is decided until an approver signs.
      const propose = event(wf, s, 'officer.reject', { data: { reason: refusal!.zh } });
      const proposed = step(wf, s, propose).next;
      expect(stateKey(proposed)).toBe('refusalProposed');
      expect(wf.decision(s, proposed, propose)).toBeNull();
      const sign = event(wf, proposed, 'approver.sign-refusal', { data: {} });
      const rejected = step(wf, proposed, sign).next;
      expect(stateKey(rejected)).toBe('rejected');
      expect(wf.decision(proposed, rejected, sign)).toMatchObject({ outcome: 'refused', section: '一.(二)', amount: null, preparedBy: 10 });
    }
  });

  it('cites every ground a refusal rests on: region 一.(一), missing EIA 一.(二), else the programme section', () => {
    const s = run(wf, ['applicant.submit', 'officer.accept']);
    const grounds = (facts: Partial<CaseFacts>) => {
      const proposed = step(wf, s, event(wf, s, 'officer.reject', { data: { reason: '不符合条件' }, facts })).next;
      return ctx(proposed).refusalProposal.grounds;
    };
    const outside = { id: 7, province: '广东', industry: 'electronics', regionEligible: false };
    const noEia = wf.documents.map((d) => d.kind).filter((k) => k !== 'eia-approval');
    expect(grounds({ enterprise: outside })).toBe('一.(一)');
    expect(grounds({ documentKinds: noEia })).toBe('一.(二)');
    expect(grounds({ enterprise: outside, documentKinds: noEia })).toBe('一.(一)、一.(二)');
    expect(grounds({})).toBe(wf.code === 'special-fund' ? '六.(一)' : '六.(四)');
  });

  it('makes a refusal in review a proposal: the proposer cannot sign it, an approver signs or sends it back', () => {
    const expert = run(wf, [...toExpert, 'expert.score']);
    const proposed = send(wf, expert, 'officer.reject');
    const self = event(wf, proposed, 'approver.sign-refusal', { actor: { ...actor(wf, 'approver'), id: ctx(proposed).refusalProposal.by } });
    expect(step(wf, proposed, self).refusal?.en).toMatch(/Four eyes/);
    const back = send(wf, proposed, 'approver.decline-refusal');
    expect(stateKey(back)).toBe('review.expert'); // the experts' work is kept
    expect(ctx(back)).toMatchObject({ refusalProposal: null, declinedRefusals: [{ proposedBy: 10, by: 30 }] });
    expect(ctx(back).scores).toHaveLength(1);
    const early = send(wf, run(wf, ['applicant.submit']), 'officer.reject');
    expect(stateKey(send(wf, early, 'approver.decline-refusal'))).toBe('review.preliminary');
    expect(stateKey(send(wf, early, 'applicant.withdraw'))).toBe('withdrawn');
  });

  it('does not pass review without an EIA approval (政策 一.(二))', () => {
    const s = run(wf, ['applicant.submit', 'officer.accept']);
    const kinds = wf.documents.map((d) => d.kind).filter((k) => k !== 'eia-approval');
    const { refusal } = step(wf, s, event(wf, s, 'officer.pass-screening', { facts: { documentKinds: kinds } }));
    expect(refusal?.en).toMatch(/EIA/);
    expect(refusal?.zh).toContain('环境影响评价');
  });

  it('checks the region at submission and again at screening', () => {
    const outside = { enterprise: { id: 7, province: '广东', industry: 'electronics', regionEligible: false } };
    const draft = start(wf);
    expect(step(wf, draft, event(wf, draft, 'applicant.submit', { facts: outside })).refusal?.en).toMatch(/region \(广东\)/);
    const s = run(wf, ['applicant.submit', 'officer.accept']);
    expect(step(wf, s, event(wf, s, 'officer.pass-screening', { facts: outside })).refusal?.en).toMatch(/not a central, western/);
  });

  it('refuses submission while required documents are missing, naming them', () => {
    const draft = start(wf);
    const { refusal } = step(wf, draft, event(wf, draft, 'applicant.submit', { facts: { documentKinds: ['business-licence'] } }));
    expect(refusal?.en).toMatch(/Required documents are missing: .*Financial statements/);
  });

  it('lets each expert score once, never a conflicted expert, and only the panel once assigned', () => {
    let s = run(wf, toExpert);
    const score = (id: number, facts = {}) => step(wf, s, event(wf, s, 'expert.score', { actor: actor(wf, 'expert', id), facts }));
    expect(score(20, { conflictedExpertIds: [20] }).refusal?.en).toMatch(/conflict of interest/);
    s = score(20).next;
    expect(score(20).refusal?.en).toMatch(/already scored/);
    expect(step(wf, s, event(wf, s, 'officer.recommend')).refusal?.en).toMatch(/At least 2/);
    const conflictedPanel = event(wf, s, 'officer.assign-experts', { data: { expertIds: [21, 22] }, facts: { conflictedExpertIds: [22] } });
    expect(step(wf, s, conflictedPanel).refusal?.en).toMatch(/Experts 22/);
    s = step(wf, s, event(wf, s, 'officer.assign-experts', { data: { expertIds: [20, 21] } })).next;
    expect(score(22).refusal?.en).toMatch(/not on the expert panel/);
    s = score(21).next;
    expect(ctx(s).scores.map((x: { expertId: number }) => x.expertId)).toEqual([20, 21]);
    expect(stateKey(send(wf, s, 'officer.recommend'))).toBe('publicNotice');
  });

  it('will not recommend below the pass mark or above the request', () => {
    let s = run(wf, toExpert);
    for (const id of [20, 21]) s = step(wf, s, event(wf, s, 'expert.score', { actor: actor(wf, 'expert', id), data: { score: 40, opinion: '不可行' } })).next;
    expect(step(wf, s, event(wf, s, 'officer.recommend')).refusal?.en).toMatch(/below 60/);
    const good = run(wf, toExpert.concat('expert.score', 'expert.score'));
    const tooMuch = event(wf, good, 'officer.recommend', { data: { amount: ctx(good).requestedAmount + 1, note: 'x' } });
    expect(step(wf, good, tooMuch).refusal?.en).toMatch(/may not exceed the request/);
  });

  it('runs a public notice of facts.noticeDays, sends notice-ended when due, and objections reopen review', () => {
    const s = run(wf, toNotice);
    expect(ctx(s).noticeEndsAt).toBe('2026-03-08T08:00:00.000Z');
    expect(wf.nextDueAt(s)).toBe(ctx(s).noticeEndsAt);
    expect(wf.dueEvent(s, '2026-03-08T07:59:59.000Z')).toBeNull();
    expect(wf.dueEvent(s, '2026-03-08T08:00:00.000Z')).toEqual({ type: 'system.notice-ended', data: {} });
    const early = event(wf, s, 'system.notice-ended', { facts: { now: NOW } });
    expect(step(wf, s, early).refusal?.en).toMatch(/public notice runs until/);
    const objected = send(wf, s, 'officer.record-objection');
    expect(stateKey(objected)).toBe('review.expert');
    expect(ctx(objected)).toMatchObject({ recommendation: null, noticeEndsAt: null });
    expect(wf.nextDueAt(objected)).toBeNull();
    expect(stateKey(noticeOver(wf, s))).toBe('approval');
  });

  it('applies four eyes: no one who prepared the decision may approve or refuse it', () => {
    const s = toApproval(wf);
    const preparer = ctx(s).recommendation.by;
    for (const type of ['approver.approve', 'approver.refuse']) {
      const ev = event(wf, s, type, { actor: { ...actor(wf, 'approver'), id: preparer } });
      expect(step(wf, s, ev).refusal?.en).toMatch(/Four eyes/);
    }
    const expertAsApprover = event(wf, s, 'approver.approve', { actor: { ...actor(wf, 'approver'), id: 20 } });
    expect(step(wf, s, expertAsApprover).refusal?.en).toMatch(/Four eyes/);
    const tooMuch = event(wf, s, 'approver.approve', { data: { amount: ctx(s).requestedAmount + 1, conditions: '' } });
    expect(step(wf, s, tooMuch).refusal?.en).toMatch(/may not exceed/);
  });

  it('issues decisions for approval and refusal, none for ordinary steps', () => {
    const s = toApproval(wf);
    const approve = event(wf, s, 'approver.approve', { data: { amount: 150_000 + (wf.code === 'trade-platform-grant' ? 100_000 : 0), conditions: '按季度报送进度' } });
    const approved = step(wf, s, approve).next;
    const section = wf.code === 'special-fund' ? '六.(一)' : '六.(四)';
    expect(wf.decision(s, approved, approve)).toMatchObject({
      outcome: 'approved', amount: ctx(approved).approvedAmount, conditions: '按季度报送进度', section, preparedBy: ctx(s).recommendation.by,
    });
    expect(wf.decision(s, approved, approve)!.preparedBy).not.toBe(approve.actor.id);
    const refuse = event(wf, s, 'approver.refuse');
    expect(wf.decision(s, step(wf, s, refuse).next, refuse)).toMatchObject({ outcome: 'refused', section, preparedBy: ctx(s).recommendation.by });
    const pay = event(wf, approved, 'finance.prepare-payment');
    const prepared = step(wf, approved, pay).next;
    expect(wf.decision(approved, prepared, pay)).toBeNull();
    const release = event(wf, prepared, 'finance.release-payment', { actor: actor(wf, 'finance', 71) });
    expect(wf.decision(prepared, step(wf, prepared, release).next, release)).toBeNull();
    expect(wf.decision(s, s, approve)).toBeNull(); // nothing happened, nothing decided
  });

  it('never disburses more than approved, and decides acceptance with four eyes', () => {
    let s = send(wf, toApproval(wf), 'approver.approve');
    const approved = ctx(s).approvedAmount as number;
    const over = event(wf, s, 'finance.prepare-payment', { data: { amount: ctx(s).advanceCeiling + 1 } });
    expect(step(wf, s, over).refusal?.en).toMatch(/exceeds what remains/);
    s = payPhase(wf, s);
    expect(ctx(s).disbursed).toBe(ctx(s).advanceCeiling);
    s = send(wf, s, 'officer.propose-acceptance');
    const self = event(wf, s, 'approver.accept', { actor: { ...actor(wf, 'approver'), id: ctx(s).acceptance.proposedBy } });
    expect(step(wf, s, self).refusal?.en).toMatch(/Four eyes/);
    const accept = event(wf, s, 'approver.accept', { actor: actor(wf, 'approver', 31) });
    const after = step(wf, s, accept).next;
    expect(wf.decision(s, after, accept)).toMatchObject({ outcome: 'acceptance-passed' });
    expect(ctx(after).jobsConfirmed).toBe(wf.formExample.jobsPromised);
    s = after;
    s = payPhase(wf, s);
    expect(stateKey(s)).toBe('closed');
    expect(ctx(s).disbursed).toBe(approved);
    const fail = event(wf, send(wf, run(wf, []), 'applicant.withdraw'), 'finance.prepare-payment');
    expect(wf.refusal(send(wf, run(wf, []), 'applicant.withdraw'), fail)?.en).toMatch(/finished/);
  });

  it('returns for amendment with a reason and takes a resubmission with a note', () => {
    const s = run(wf, ['applicant.submit', 'officer.accept']);
    expect(step(wf, s, event(wf, s, 'officer.return', { data: {} })).refusal).toMatchObject({ en: expect.stringMatching(/Please fill in Reason/), field: 'reason' });
    const returned = step(wf, s, event(wf, s, 'officer.return', { data: { reason: '补充预算表' } })).next;
    expect(stateKey(returned)).toBe('amendment');
    expect(ctx(returned).returnReason).toBe('补充预算表');
    expect(step(wf, returned, event(wf, returned, 'applicant.resubmit', { data: {} })).refusal?.en).toMatch(/What was amended/);
    const again = step(wf, returned, event(wf, returned, 'applicant.resubmit', { data: { note: '已补充' } })).next;
    expect(stateKey(again)).toBe('submitted');
    expect(ctx(again)).toMatchObject({ resubmitNote: '已补充', returnReason: null, returnCount: 1 });
  });

  it('allows withdrawal up to the decision and not after it', () => {
    const s = toApproval(wf);
    expect(stateKey(send(wf, s, 'applicant.withdraw'))).toBe('withdrawn');
    const decided = send(wf, s, 'approver.approve');
    expect(wf.refusal(decided, event(wf, decided, 'applicant.withdraw'))?.en).toMatch(/not possible in the current state/);
  });

  it('refuses unknown events and bad data, and the machine itself ignores them', () => {
    const s = run(wf, toExpert);
    expect(wf.refusal(s, event(wf, s, 'liaison.drawdown', { data: {} }))?.en).toMatch(/no event/);
    const bad = event(wf, s, 'expert.score', { data: { score: 101, opinion: 'ok' } });
    // In the catalogue's words, at the field, never a key or zod's text.
    expect(wf.refusal(s, bad)).toMatchObject({ en: 'Please correct: Score may not exceed 100', zh: '请更正：“评分”不得超过 100', field: 'score' });
    const [next] = transition(wf.machine, s, bad);
    expect(next.context).toEqual(s.context);
  });
});

describe('trade-platform-grant final payment', () => {
  it('pays 70% before acceptance and the balance only after it', () => {
    let s = send(tradePlatformGrant, toApproval(tradePlatformGrant), 'approver.approve');
    expect(ctx(s).advanceCeiling).toBe(Math.floor(ctx(s).approvedAmount * 0.7));
    s = payPhase(tradePlatformGrant, s);
    expect(stateKey(s)).toBe('implementation');
    expect(tradePlatformGrant.eventTypesIn(s)).not.toContain('finance.prepare-payment');
    s = send(tradePlatformGrant, send(tradePlatformGrant, s, 'officer.propose-acceptance'), 'approver.accept');
    expect(stateKey(s)).toBe('finalPayment');
    expect(tradePlatformGrant.example(s, 'finance.prepare-payment', actor(tradePlatformGrant, 'finance'))).toEqual({ amount: ctx(s).approvedAmount - ctx(s).disbursed });
  });
});
