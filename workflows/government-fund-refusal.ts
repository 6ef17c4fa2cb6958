// Refusal of a commerce-department grant during review: the officer proposes it with reasons,
// the approver signs it (issuing the letter) or declines it, sending the case back to review.
// DOMAIN: every decision has two different people, the one who prepared and the one who signed.
import { z } from 'zod';
import { refusalGrounds, type CaseContext } from './application-events';
import type { EventDef, Rule } from './define-workflow';
import { note, reason } from './form-fields';
import { bi, fourEyesReason, twoHighsReason } from './policy-guards';
import type { Bilingual } from './types';

export type RefusalContext = CaseContext & {
  panel: number[];
  refusalProposal: { by: number; reason: string; grounds: string; at: string } | null;
  declinedRefusals: { by: number; proposedBy: number; note: string; at: string }[];
};

export function refusalRules<C extends RefusalContext>(): Record<string, Rule<C>> {
  const fourEyes: Rule<C> = (c, ev) => fourEyesReason(ev.actor.id, [c.refusalProposal?.by]);
  return {
    refusalFourEyes: fourEyes,
    // Back to the stage the proposal came from: expert review once experts were involved.
    backToExpertReview: (c, ev) => fourEyes(c, ev) ?? (c.panel.length || (c as { scores?: unknown[] }).scores?.length ? null
      : bi('尚未进入专家评审', 'The case had not reached expert review')),
  };
}

export function refusalEvents<C extends RefusalContext>(title: Bilingual, section: string): EventDef<C>[] {
  return [
    { type: 'officer.reject', label: bi('提出不予支持意见', 'Propose refusal'), roles: ['officer'],
      schema: z.object({ reason }).strict(),
      effect: (c, ev) => ({
        refusalProposal: { by: ev.actor.id, reason: String(ev.data.reason), grounds: refusalGrounds(c.form, ev, section, { eia: true }), at: ev.facts.now },
      }) as Partial<C>,
      example: (c) => ({ reason: twoHighsReason(c.form)?.zh ?? '不符合支持条件 / Does not meet the conditions for support' }) },
    { type: 'approver.sign-refusal', label: bi('签发不予支持决定', 'Sign the refusal'), roles: ['approver'],
      schema: z.object({ note: note.optional() }).strict(),
      effect: (c, ev) => ({ rejection: { by: ev.actor.id, reason: c.refusalProposal!.reason, at: ev.facts.now } }) as Partial<C>,
      example: () => ({}),
      decision: (before) => ({
        outcome: 'refused', title, amount: null, conditions: null, reasons: before.refusalProposal!.reason,
        section: before.refusalProposal!.grounds, preparedBy: before.refusalProposal!.by, adverse: true,
      }) },
    { type: 'approver.decline-refusal', label: bi('不同意不予支持，退回审查', 'Decline the refusal: back to review'), roles: ['approver'],
      schema: z.object({ note: reason.describe('退回理由 / Why the refusal is declined') }).strict(),
      effect: (c, ev) => ({
        declinedRefusals: [...c.declinedRefusals, { by: ev.actor.id, proposedBy: c.refusalProposal!.by, note: String(ev.data.note), at: ev.facts.now }],
        refusalProposal: null,
      }) as Partial<C>,
      example: () => ({ note: '理由不充分，请继续审查 / The grounds are not sufficient: continue the review' }) },
  ];
}
