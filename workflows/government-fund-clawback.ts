// Clawback (追回) of a commerce-department grant, after a failed acceptance or a finding of
// misuse: the officer proposes a stated sum (never above what was paid) with its basis, an
// approver signs the decision (four eyes, its own letter with the remedies) or declines it; the
// finance side records repayments; the case closes only when the sum is repaid in full or what
// is left is written off by a second signed decision. Repayment is due CLAWBACK_DAYS after the
// decision; the scheduler marks it overdue then.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { beijingDate, beijingDateChinese } from './display-format';
import { note, positiveYuan, reason, text } from './form-fields';
import type { GovFundContext } from './government-fund-events';
import { addDays, atField, bi, ceilingReason, fourEyesReason, num, yuan, yuanEn } from './policy-guards';
import type { Bilingual } from './types';

export const CLAWBACK_DAYS = 30;

type Grounds = 'acceptance-failed' | 'misuse';
export type ClawbackContext = {
  clawbackProposal: { by: number; amount: number; reason: string; basis: string; grounds: Grounds; at: string } | null;
  clawback: { amount: number; reason: string; basis: string; grounds: Grounds; proposedBy: number; decidedBy: number; dueAt: string; at: string } | null;
  declinedClawbacks: { by: number; proposedBy: number; note: string; at: string }[];
  repayments: { amount: number; by: number; at: string }[];
  repaid: number;
  writeOffProposal: { by: number; reason: string; at: string } | null;
  writtenOff: number;
};

export const clawbackContext = (): ClawbackContext => ({
  clawbackProposal: null, clawback: null, declinedClawbacks: [], repayments: [], repaid: 0, writeOffProposal: null, writtenOff: 0,
});

type C = GovFundContext;
/** What is still owed on the clawback decision. */
export const outstanding = (c: C) => (c.clawback ? c.clawback.amount - c.repaid - c.writtenOff : 0);
const GROUNDS: Record<Grounds, Bilingual> = {
  'acceptance-failed': bi('验收未通过', 'Acceptance failed'),
  misuse: bi('查实资金违规使用', 'Misuse of the funds established'),
};

export function clawbackRules(): Record<string, Rule<C>> {
  const proposer: Rule<C> = (c, ev) => fourEyesReason(ev.actor.id, [c.clawbackProposal?.by]);
  return {
    clawbackProposable: (c, ev) => atField('amount', ceilingReason(num(ev.data.amount), c.disbursed, bi('追回金额（不得超过已拨付金额）', 'The sum to claw back (at most what was paid)'))),
    clawbackFourEyes: proposer,
    // A declined proposal returns to where it came from: a failed acceptance stays failed.
    backToFailedAcceptance: (c, ev) => proposer(c, ev) ?? (c.acceptancePassed === false ? null : bi('验收尚未作出不通过决定', 'Acceptance has not failed')),
    repaymentWithin: (c, ev) => ceilingReason(num(ev.data.amount), outstanding(c), bi('退回金额', 'The repayment')),
    repaymentCompletes: (c, ev) => (num(ev.data.amount) === outstanding(c) ? null : bi('本次退回未结清应追回金额', 'This repayment does not settle the clawback')),
    repaymentOverdue: (c, ev) => (c.clawback && Date.parse(ev.facts.now) >= Date.parse(c.clawback.dueAt) ? null
      : bi(`退回期限（${beijingDate(c.clawback?.dueAt)}）尚未届满`, `Repayment is not yet due (${beijingDate(c.clawback?.dueAt)})`)),
    writeOffFourEyes: (c, ev) => fourEyesReason(ev.actor.id, [c.writeOffProposal?.by]),
  };
}

const decided = (c: C) => c.clawback!;
const basisLine = (x: { reason: string; basis: string; grounds: Grounds }) =>
  `${GROUNDS[x.grounds].zh} / ${GROUNDS[x.grounds].en}：${x.reason}${x.basis ? `\n依据 / Basis：${x.basis}` : ''}`;

export function clawbackEvents(section: string): EventDef<C>[] {
  return [
    { type: 'officer.propose-clawback', label: bi('提出追回意见', 'Propose a clawback'), roles: ['officer'],
      schema: z.object({
        amount: positiveYuan('应追回金额 / Sum to claw back'), reason,
        basis: text(0, 2000, '追回依据（协议条款、核查报告等） / Basis (agreement clause, inspection report)'),
      }).strict(),
      effect: (c, ev) => ({ clawbackProposal: {
        by: ev.actor.id, amount: num(ev.data.amount), reason: String(ev.data.reason), basis: String(ev.data.basis),
        grounds: c.acceptancePassed === false ? 'acceptance-failed' : 'misuse', at: ev.facts.now,
      } }),
      hints: (c) => ({ amount: [{ label: bi('已拨付', 'Paid'), value: c.disbursed, unit: 'yuan' }] }),
      example: (c) => ({ amount: Math.max(1, c.disbursed), reason: '绩效目标未完成，资金未按约定用途使用 / Targets missed; funds not used as agreed', basis: '资金拨付协议第八条 / Grant agreement, clause 8' }) },
    { type: 'approver.sign-clawback', label: bi('签发追回决定', 'Sign the clawback decision'), roles: ['approver'],
      schema: z.object({ note: note.optional() }).strict(),
      effect: (c, ev) => {
        const p = c.clawbackProposal!;
        return { clawbackProposal: null, clawback: { ...p, proposedBy: p.by, decidedBy: ev.actor.id, dueAt: addDays(ev.facts.now, CLAWBACK_DAYS), at: ev.facts.now } };
      },
      example: () => ({}),
      decision: (b, a) => ({
        outcome: 'clawback-ordered', title: bi('追回财政资金决定', 'Decision to recover grant funds'), amount: decided(a).amount,
        conditions: `请于 ${beijingDateChinese(decided(a).dueAt)} 前将上述资金退回 / Repay the sum by ${beijingDate(decided(a).dueAt)}`,
        reasons: basisLine(decided(a)), section, preparedBy: b.clawbackProposal!.by, adverse: true,
      }) },
    { type: 'approver.decline-clawback', label: bi('不同意追回，退回', 'Decline the clawback'), roles: ['approver'],
      schema: z.object({ note: reason.describe('退回理由 / Why the clawback is declined') }).strict(),
      effect: (c, ev) => ({
        clawbackProposal: null,
        declinedClawbacks: [...c.declinedClawbacks, { by: ev.actor.id, proposedBy: c.clawbackProposal!.by, note: String(ev.data.note), at: ev.facts.now }],
      }),
      example: () => ({ note: '追回金额依据不足，请重新核定 / The sum is not supported: assess it again' }) },
    { type: 'finance.record-repayment', label: bi('登记退回款', 'Record a repayment'), roles: ['finance'], irreversible: true, amountField: 'amount',
      schema: z.object({ amount: positiveYuan('退回金额 / Amount repaid') }).strict(),
      effect: (c, ev) => ({ repaid: c.repaid + num(ev.data.amount), repayments: [...c.repayments, { amount: num(ev.data.amount), by: ev.actor.id, at: ev.facts.now }] }),
      hints: (c) => ({ amount: [{ label: bi('尚欠', 'Still owed'), value: outstanding(c), unit: 'yuan' }] }),
      // Half while more than half is owed, so that examples repay in parts.
      example: (c) => ({ amount: Math.max(1, outstanding(c) > num(c.clawback?.amount) / 2 ? Math.ceil(outstanding(c) / 2) : outstanding(c)) }) },
    { type: 'system.repayment-overdue', label: bi('退回逾期', 'Repayment overdue'), roles: ['system'], schema: z.object({}).strict(), example: () => ({}) },
    { type: 'officer.propose-write-off', label: bi('提出核销意见', 'Propose writing off what is owed'), roles: ['officer'],
      schema: z.object({ reason }).strict(),
      effect: (_c, ev) => ({ writeOffProposal: { by: ev.actor.id, reason: String(ev.data.reason), at: ev.facts.now } }),
      example: () => ({ reason: '企业已依法破产清算，无财产可供执行 / The enterprise is in bankruptcy with no assets' }) },
    { type: 'approver.sign-write-off', label: bi('签发核销决定', 'Sign the write-off'), roles: ['approver'],
      schema: z.object({ note: note.optional() }).strict(),
      effect: (c) => ({ writtenOff: c.writtenOff + outstanding(c), writeOffProposal: null }),
      example: () => ({}),
      decision: (b, a) => ({
        outcome: 'clawback-written-off', title: bi('核销应追回资金决定', 'Decision to write off the sum to be recovered'), amount: a.writtenOff - b.writtenOff,
        conditions: null, section, preparedBy: b.writeOffProposal!.by,
        reasons: `${b.writeOffProposal!.reason}\n应追回 ${yuan(decided(b).amount)}，已退回 ${yuan(b.repaid)} / Demanded ${yuanEn(decided(b).amount)}, repaid ${yuanEn(b.repaid)}`,
      }) },
    { type: 'approver.decline-write-off', label: bi('不同意核销，继续追回', 'Decline the write-off'), roles: ['approver'],
      schema: z.object({ note: reason.describe('退回理由 / Why the write-off is declined') }).strict(),
      effect: () => ({ writeOffProposal: null }),
      example: () => ({ note: '企业仍有可执行财产，继续追缴 / Assets remain: continue recovery' }) },
  ];
}

/** The next timed event of a clawback: overdue once the repayment date has passed. */
export const clawbackTimer = (c: C, state: string) =>
  (state === 'clawback.due' && c.clawback ? { type: 'system.repayment-overdue', at: c.clawback.dueAt } : null);

