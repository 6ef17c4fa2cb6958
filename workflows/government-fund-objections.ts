// Objections to a public notice (公示): anyone may file one while the notice runs; the officer
// resolves each before the approval can be signed — upheld sends the case back to expert review
// (the recommendation and the notice lapse), dismissed keeps it on course with written reasons.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { text } from './form-fields';
import { bi } from './policy-guards';
import type { Bilingual, WorkflowEvent } from './types';

export type Resolution = { objectionId: number; outcome: 'upheld' | 'dismissed'; reasons: string; by: number; at: string };
export type ObjectionContext = {
  objectionResolutions: Resolution[];
  recommendation: unknown;
  noticeEndsAt: string | null;
};

/** Filed objections that no resolution answers yet. */
export const openObjections = (c: ObjectionContext, ev: WorkflowEvent): number[] =>
  (ev.facts.objectionIds ?? []).filter((id) => !c.objectionResolutions.some((r) => r.objectionId === id));

export function unresolvedReason(c: ObjectionContext, ev: WorkflowEvent): Bilingual | null {
  const open = openObjections(c, ev);
  return open.length === 0 ? null : bi(`公示异议尚未处理（${open.map((id) => `#${id}`).join('、')}），处理后方可批复`,
    `Objections to the public notice are not resolved yet (${open.map((id) => `#${id}`).join(', ')}): resolve them before approval`);
}

export function objectionRules<C extends ObjectionContext>(): Record<string, Rule<C>> {
  return {
    objectionOpen: (c, ev) => (openObjections(c, ev).includes(Number(ev.data.objectionId)) ? null
      : bi(`没有待处理的编号为 #${String(ev.data.objectionId)} 的公示异议`, `No open objection #${String(ev.data.objectionId)} to resolve`)),
  };
}

const resolutionSchema = z.object({
  objectionId: z.number().int().positive().describe('异议编号 / Objection number'),
  reasons: text(5, 4000, '处理理由 / Reasons'),
}).strict();

export function objectionEvents<C extends ObjectionContext>(): EventDef<C>[] {
  const resolve = (outcome: Resolution['outcome']) => (c: C, ev: WorkflowEvent) => ({
    objectionResolutions: [...c.objectionResolutions, { objectionId: Number(ev.data.objectionId), outcome, reasons: String(ev.data.reasons), by: ev.actor.id, at: ev.facts.now }],
  });
  const example = (reasons: string) => (c: C, _a: unknown, facts?: WorkflowEvent['facts']) => {
    const open = (facts?.objectionIds ?? []).filter((id) => !c.objectionResolutions.some((r) => r.objectionId === id));
    return { objectionId: open[0] ?? 1, reasons };
  };
  return [
    { type: 'officer.dismiss-objection', label: bi('驳回公示异议', 'Dismiss an objection'), roles: ['officer'], schema: resolutionSchema, optional: true,
      effect: (c, ev) => resolve('dismissed')(c, ev) as Partial<C>,
      example: example('经核实，异议所述情况与事实不符 / Checked: the objection is not borne out by the facts') },
    { type: 'officer.uphold-objection', label: bi('异议成立，退回评审', 'Uphold an objection: back to review'), roles: ['officer'], schema: resolutionSchema, optional: true,
      // The recommendation and the notice lapse, as when the officer records an objection.
      effect: (c, ev) => ({ ...resolve('upheld')(c, ev), recommendation: null, noticeEndsAt: null }) as Partial<C>,
      example: example('经核实，异议所述就业数据不实，须重新评审 / Checked: the employment figures are wrong; review again') },
  ];
}
