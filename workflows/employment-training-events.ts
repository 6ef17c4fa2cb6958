// Events and rules of the employment training subsidy (就业培训补贴, 政策 五.(一)): the 人社
// department reviews the training plan, approves a ceiling (four eyes), verifies who completed,
// was certified and stayed employed, pays for those within the approval, and claws back on misuse.
import { z } from 'zod';
import { baseContext, screeningReason, type CaseContext } from './application-events';
import type { EventDef, Rule } from './define-workflow';
import { note, positiveYuan, reason, text } from './form-fields';
import { bi, ceilingReason, firstReason, fourEyesReason, num, yuan, yuanEn } from './policy-guards';
import type { Bilingual } from './types';

export const SECTION = '五.(一)';

export type TrainingContext = CaseContext & {
  preparedBy: number[];          // who prepared the approval: the approver must not be one (four eyes)
  recommendation: { by: number; amount: number; note: string; at: string } | null;
  approvedAmount: number | null;
  approvedBy: number | null;
  conditions: string | null;
  subsidyPerTrainee: number | null; // the lower of the cost per trainee and the local 人社 standard
  completion: { by: number; completed: number; certified: number; employed: number; report: string; at: string } | null;
  traineesVerified: number | null;  // completed, certified and still employed: what is paid for
  paid: number;
  paidBy: number | null;
  misuse: { by: number; finding: string; at: string } | null;
  clawbackOrdered: number | null;
  recovered: number;
};

export function trainingContext(form: Record<string, unknown>): TrainingContext {
  return {
    ...baseContext(form), preparedBy: [], recommendation: null, approvedAmount: null, approvedBy: null, conditions: null,
    subsidyPerTrainee: null, completion: null, traineesVerified: null, paid: 0, paidBy: null, misuse: null, clawbackOrdered: null, recovered: 0,
  };
}

type C = TrainingContext;
const prepared = (c: C, id: number) => (c.preparedBy.includes(id) ? c.preparedBy : [...c.preparedBy, id]);
/** 政策 五.(一): subsidy per trainee at the lower of the actual cost and the local standard. */
const perTrainee = (c: C) => Math.min(num(c.form.costPerTrainee), num(c.form.localStandard));
/** What the plan can justify: planned trainees × subsidy per trainee, never above the request. */
const planCeiling = (c: C) => Math.min(c.requestedAmount, num(c.form.traineesPlanned) * perTrainee(c));
/** What the verified completions justify, never above the approval. */
const payable = (c: C) => Math.min(num(c.approvedAmount), num(c.traineesVerified) * num(c.subsidyPerTrainee));
const AMOUNT: Bilingual = { zh: '金额', en: 'The amount' };

export const trainingRules: Record<string, Rule<C>> = {
  screening: (c, ev) => screeningReason(c, ev),
  recommendable: (c, ev) => ceilingReason(num(ev.data.amount), planCeiling(c), bi('建议补贴金额（计划人数 × 每人补贴标准）', 'The proposed subsidy (trainees planned × subsidy per trainee)')),
  approvable: (c, ev) => firstReason(fourEyesReason(ev.actor.id, c.preparedBy),
    num(ev.data.amount) <= planCeiling(c) ? null
      : bi(`批准金额不得超过计划人数 × 每人补贴标准（${yuan(planCeiling(c))}）`, `The approval may not exceed trainees planned × subsidy per trainee (${yuanEn(planCeiling(c))})`)),
  decisionFourEyes: (c, ev) => fourEyesReason(ev.actor.id, c.preparedBy),
  completionConsistent: (c, ev) => {
    const [done, cert, kept] = [num(ev.data.traineesCompleted), num(ev.data.traineesCertified), num(ev.data.traineesEmployed)];
    if (done > num(c.form.traineesPlanned)) return { ...bi('结业人数超过计划培训人数', 'More trainees completed than were planned'), field: 'traineesCompleted' };
    if (cert > done) return { ...bi('取证人数不能多于结业人数', 'More trainees certified than completed'), field: 'traineesCertified' };
    if (kept > cert) return { ...bi('稳定就业人数不能多于取证人数', 'More trainees employed than certified'), field: 'traineesEmployed' };
    return null;
  },
  paymentDue: (c, ev) => firstReason(fourEyesReason(ev.actor.id, [c.completion?.by]),
    num(ev.data.amount) <= payable(c) ? null
      : bi(`拨付金额不得超过核实人数 × 每人补贴标准及批准金额（${yuan(payable(c))}）`, `The payment may not exceed verified trainees × subsidy per trainee, nor the approval (${yuanEn(payable(c))})`)),
  clawbackWithin: (c, ev) => firstReason(fourEyesReason(ev.actor.id, [c.misuse?.by]), ceilingReason(num(ev.data.amount), c.paid, AMOUNT)),
  findingFourEyes: (c, ev) => fourEyesReason(ev.actor.id, [c.misuse?.by]),
  recoveryCompletes: (c, ev) => (c.recovered + num(ev.data.amount) === num(c.clawbackOrdered) ? null : bi('本次追回未追足应追回金额', 'This recovery does not complete the clawback')),
  recoveryWithin: (c, ev) => ceilingReason(num(ev.data.amount), num(c.clawbackOrdered) - c.recovered, bi('追回金额', 'The recovery')),
};

const count = (hint: string) => z.number().int().min(0).max(1_000_000).describe(hint);

export const trainingEvents: EventDef<C>[] = [
  { type: 'officer.accept', label: bi('受理', 'Accept for review (受理)'), roles: ['officer'], schema: z.object({}).strict(),
    effect: (c, ev) => ({ preparedBy: prepared(c, ev.actor.id) }), example: () => ({}) },
  { type: 'officer.recommend', label: bi('审核通过，拟定补贴', 'Recommend a subsidy'), roles: ['officer'],
    schema: z.object({ amount: positiveYuan('拟补贴金额 / Proposed subsidy'), note }).strict(),
    effect: (c, ev) => ({ recommendation: { by: ev.actor.id, amount: num(ev.data.amount), note: String(ev.data.note), at: ev.facts.now }, preparedBy: prepared(c, ev.actor.id) }),
    example: (c) => ({ amount: planCeiling(c), note: '培训计划符合当地职业培训补贴标准 / The plan meets the local standard' }) },
  { type: 'approver.approve', label: bi('批准补贴', 'Approve the subsidy'), roles: ['approver'],
    schema: z.object({ amount: positiveYuan('批准补贴上限 / Approved ceiling'), conditions: text(0, 4000, '附加条件 / Conditions') }).strict(),
    effect: (c, ev) => ({ approvedAmount: num(ev.data.amount), approvedBy: ev.actor.id, conditions: String(ev.data.conditions) || null, subsidyPerTrainee: perTrainee(c) }),
    example: (c) => ({ amount: c.recommendation?.amount ?? planCeiling(c), conditions: '按核实的结业、取证和稳定就业人数拨付 / Paid per verified trainee' }),
    decision: (b, a) => ({
      outcome: 'approved', title: bi('就业培训补贴批复决定', 'Training subsidy approval'), amount: a.approvedAmount, conditions: a.conditions,
      reasons: `计划培训 ${num(a.form.traineesPlanned)} 人，每人补贴 ${yuan(perTrainee(a))} / ${num(a.form.traineesPlanned)} trainees planned at ${yuanEn(perTrainee(a))} each`,
      section: SECTION, preparedBy: b.recommendation?.by ?? null,
    }) },
  { type: 'officer.verify-completion', label: bi('核实培训结果', 'Verify the training results'), roles: ['officer'],
    schema: z.object({
      traineesCompleted: count('结业人数 / Trainees who completed'),
      traineesCertified: count('取得证书人数 / Trainees certified'),
      traineesEmployed: count('稳定就业人数 / Trainees still employed'),
      report: text(2, 8000, '核查报告 / Verification report'),
    }).strict(),
    effect: (_c, ev) => ({
      completion: { by: ev.actor.id, completed: num(ev.data.traineesCompleted), certified: num(ev.data.traineesCertified), employed: num(ev.data.traineesEmployed), report: String(ev.data.report), at: ev.facts.now },
      traineesVerified: num(ev.data.traineesEmployed),
    }),
    example: (c) => {
      const n = num(c.form.traineesPlanned);
      return { traineesCompleted: n, traineesCertified: Math.floor(n * 0.9), traineesEmployed: Math.floor(n * 0.8), report: '花名册、证书与社保缴费记录一致 / Roster, certificates and social insurance records agree' };
    } },
  { type: 'approver.pay', label: bi('核定拨付补贴', 'Pay the subsidy'), roles: ['approver'],
    schema: z.object({ amount: positiveYuan('拨付金额 / Amount paid') }).strict(),
    effect: (_c, ev) => ({ paid: num(ev.data.amount), paidBy: ev.actor.id }),
    example: (c) => ({ amount: Math.max(1, payable(c)) }),
    decision: (b, a) => ({
      outcome: 'subsidy-paid', title: bi('就业培训补贴拨付决定', 'Training subsidy payment'), amount: a.paid, conditions: null,
      reasons: `核实结业、取证并稳定就业 ${num(a.traineesVerified)} 人 / ${num(a.traineesVerified)} trainees verified`,
      section: SECTION, preparedBy: b.completion?.by ?? null,
    }) },
  { type: 'officer.report-misuse', label: bi('报告违规使用', 'Report misuse of the subsidy'), roles: ['officer'], optional: true,
    schema: z.object({ finding: text(2, 4000, '核查发现 / Finding') }).strict(),
    effect: (_c, ev) => ({ misuse: { by: ev.actor.id, finding: String(ev.data.finding), at: ev.facts.now } }),
    example: () => ({ finding: '部分学员培训期间未实际参训 / Some trainees did not attend' }) },
  { type: 'officer.close', label: bi('办结', 'Close the case'), roles: ['officer'], schema: z.object({ note: note.optional() }).strict(),
    example: () => ({ note: '补贴已拨付，未发现违规 / Paid; no misuse found' }) },
  { type: 'approver.order-clawback', label: bi('决定追回补贴', 'Order the subsidy clawed back'), roles: ['approver'],
    schema: z.object({ amount: positiveYuan('追回金额 / Amount to claw back'), reason }).strict(),
    effect: (_c, ev) => ({ clawbackOrdered: num(ev.data.amount) }),
    example: (c) => ({ amount: Math.max(1, c.paid), reason: '经核查存在虚报培训人数 / Trainee numbers were overstated' }),
    decision: (b, a, ev) => ({
      outcome: 'clawback-ordered', title: bi('追回就业培训补贴决定', 'Decision to claw back the training subsidy'), amount: a.clawbackOrdered,
      conditions: null, reasons: String(ev.data.reason), section: SECTION, preparedBy: b.misuse?.by ?? null, adverse: true,
    }) },
  { type: 'approver.dismiss-finding', label: bi('核查不成立', 'Dismiss the finding'), roles: ['approver'],
    schema: z.object({ reason }).strict(),
    effect: () => ({ misuse: null }),
    example: () => ({ reason: '经复核学员均实际参训 / All trainees attended' }) },
  { type: 'officer.record-recovery', label: bi('登记追回款', 'Record a recovery'), roles: ['officer'],
    schema: z.object({ amount: positiveYuan('追回金额 / Amount recovered') }).strict(),
    effect: (c, ev) => ({ recovered: c.recovered + num(ev.data.amount) }),
    // Half of what is left while more than half is outstanding, so that examples recover in parts.
    example: (c) => {
      const left = num(c.clawbackOrdered) - c.recovered;
      return { amount: Math.max(1, left > num(c.clawbackOrdered) / 2 ? Math.ceil(left / 2) : left) };
    } },
];
