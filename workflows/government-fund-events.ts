// Events and rules of the two commerce-department grants (政策 六.一 special funds and 六.四
// platform funds): 受理, 初审, 专家评审, 公示, 批复, 拨付, 验收.
import { z } from 'zod';
import { baseContext, screeningReason, type CaseContext } from './application-events';
import type { EventDef, Rule } from './define-workflow';
import { note, positiveYuan, reason, text } from './form-fields';
import {
  addDays, atField, bi, ceilingReason, eiaReason, firstReason, fourEyesReason, num, yuan, yuanEn,
} from './policy-guards';
import { refusalRules, type RefusalContext } from './government-fund-refusal';
import { objectionRules, unresolvedReason, type Resolution } from './government-fund-objections';
import { clawbackContext, type ClawbackContext } from './government-fund-clawback';
import { performanceText } from './grant-performance';
import type { Bilingual, FieldHint } from './types';

/** Minimum average expert score for a recommendation (专家评审合格线). */
export const PASS_MARK = 60;
export const MIN_SCORES = 2;

export type GovFundContext = CaseContext & RefusalContext & ClawbackContext & {
  preparedBy: number[];          // everyone who prepared the approval: the approver must not be one (four eyes)
  panel: number[];               // experts assigned by the officer; empty until assigned
  scores: { expertId: number; score: number; opinion: string; at: string }[];
  recommendation: { by: number; amount: number; note: string; at: string } | null;
  noticeEndsAt: string | null;   // end of the 公示 period
  objections: { by: number; reason: string; at: string }[];
  objectionResolutions: Resolution[];  // how each public objection was resolved
  approvedAmount: number | null;
  approvedBy: number | null;
  conditions: string | null;
  advanceCeiling: number | null; // what may be paid before acceptance (platform grants keep a final payment)
  disbursed: number;
  /** A payment the finance side prepared, waiting for a second person to release it (four eyes). */
  paymentPrepared: { amount: number; by: number; at: string } | null;
  tranches: { amount: number; by: number; preparedBy?: number; at: string }[];
  /** What the officer verified at acceptance (验收), compared with what the application promised. */
  acceptance: { proposedBy: number; jobsConfirmed: number; traineesVerified?: number | null; investmentVerified?: number | null; report: string; at: string } | null;
  acceptanceDecidedBy: number | null;
  acceptancePassed: boolean | null;
  jobsConfirmed: number | null;
};

export interface GovFundLimits { minAmount: number; maxAmount: number; advanceShare: number; section: string }

export function govFundContext(form: Record<string, unknown>): GovFundContext {
  return {
    ...baseContext(form), preparedBy: [], panel: [], scores: [], recommendation: null, noticeEndsAt: null,
    objections: [], approvedAmount: null, approvedBy: null, conditions: null, advanceCeiling: null,
    disbursed: 0, tranches: [], acceptance: null, acceptanceDecidedBy: null, acceptancePassed: null, jobsConfirmed: null,
    refusalProposal: null, declinedRefusals: [], objectionResolutions: [], paymentPrepared: null, ...clawbackContext(),
  };
}

type C = GovFundContext;
const prepared = (c: C, id: number) => (c.preparedBy.includes(id) ? c.preparedBy : [...c.preparedBy, id]);
export const averageScore = (c: C) => (c.scores.length ? c.scores.reduce((s, x) => s + x.score, 0) / c.scores.length : 0);
/** The ceiling of the current payment phase: advances before acceptance, the balance after it. */
export const paymentCeiling = (c: C) => (c.acceptancePassed ? num(c.approvedAmount) : num(c.advanceCeiling));
export const remaining = (c: C) => paymentCeiling(c) - c.disbursed;
export const TRANCHE: Bilingual = { zh: '本次拨付金额', en: 'The tranche' };
export const hint = (zh: string, en: string, value: number, unit: FieldHint['unit'] = 'yuan'): FieldHint => ({ label: bi(zh, en), value, unit });
const requested = (c: C) => hint('申请金额', 'Requested', c.requestedAmount);

export function govFundRules(limits: GovFundLimits): Record<string, Rule<C>> {
  const withinGrant = (amount: number, c: C) => {
    const max = Math.min(c.requestedAmount, limits.maxAmount);
    return amount <= max ? null : atField('amount', bi(`金额不得超过申请额和项目上限（最多 ${yuan(max)}）`, `The amount may not exceed the request and the programme limit (at most ${yuanEn(max)})`));
  };
  return {
    ...refusalRules<C>(),
    ...objectionRules<C>(),
    // 政策 一.(一) and 一.(二): region, 两高一资 and EIA at the preliminary review's pass.
    screening: (c, ev) => firstReason(screeningReason(c, ev), eiaReason(ev)),
    panel: (_c, ev) => {
      const ids = ev.data.expertIds as number[];
      const conflicted = ids.filter((id) => ev.facts.conflictedExpertIds.includes(id));
      return conflicted.length ? atField('expertIds', bi(`专家 ${conflicted.join('、')} 与申请企业存在利益关联，须回避`, `Experts ${conflicted.join(', ')} have a conflict of interest with the applicant`)) : null;
    },
    canScore: (c, ev) => {
      const id = ev.actor.id;
      if (ev.facts.conflictedExpertIds.includes(id)) return bi('您与申请企业存在利益关联，须回避', 'You have a conflict of interest with the applicant and must recuse yourself');
      if (c.scores.some((s) => s.expertId === id)) return bi('您已对本案评分，不能重复评分', 'You have already scored this case');
      if (c.panel.length > 0 && !c.panel.includes(id)) return bi('您不在本案的评审专家组中', 'You are not on the expert panel of this case');
      return null;
    },
    recommendable: (c, ev) => firstReason(
      c.scores.length >= MIN_SCORES ? null : bi(`至少需要 ${MIN_SCORES} 位专家独立评分`, `At least ${MIN_SCORES} independent expert scores are needed`),
      averageScore(c) >= PASS_MARK ? null : bi(`专家平均分低于 ${PASS_MARK} 分，不能推荐`, `The average expert score is below ${PASS_MARK}: the case cannot be recommended`),
      withinGrant(num(ev.data.amount), c),
    ),
    noticeOver: (c, ev) => (c.noticeEndsAt && Date.parse(ev.facts.now) >= Date.parse(c.noticeEndsAt) ? null
      : bi(`公示期至 ${c.noticeEndsAt} 结束，尚未期满`, `The public notice runs until ${c.noticeEndsAt}`)),
    approvable: (c, ev) => firstReason(
      fourEyesReason(ev.actor.id, c.preparedBy), unresolvedReason(c, ev),
      // The public saw this amount in the notice: the approval may not exceed it.
      c.recommendation && num(ev.data.amount) > c.recommendation.amount
        ? atField('amount', bi(`批准金额不得超过公示金额（最多 ${yuan(c.recommendation.amount)}）`, `The approved amount may not exceed the amount published in the notice (at most ${yuanEn(c.recommendation.amount)})`)) : null,
      withinGrant(num(ev.data.amount), c),
    ),
    decisionFourEyes: (c, ev) => fourEyesReason(ev.actor.id, c.preparedBy),
    trancheCompletes: (c, ev) => (num(ev.data.amount) === remaining(c) ? null : bi('本次拨付未拨足本阶段额度', 'This tranche does not complete the phase')),
    trancheWithin: (c, ev) => ceilingReason(num(ev.data.amount), remaining(c), TRANCHE),
    acceptanceFourEyes: (c, ev) => fourEyesReason(ev.actor.id, [c.acceptance?.proposedBy]),
  };
}

export function govFundEvents(limits: GovFundLimits): EventDef<C>[] {
  const decisionTitle = bi('批复决定', 'Approval decision');
  return [
    { type: 'officer.accept', label: bi('受理', 'Accept for review (受理)'), roles: ['officer'], schema: z.object({}).strict(),
      effect: (c, ev) => ({ preparedBy: prepared(c, ev.actor.id) }), example: () => ({}) },
    { type: 'officer.pass-screening', label: bi('初审通过', 'Pass the preliminary review'), roles: ['officer'],
      schema: z.object({ note: note.optional() }).strict(),
      effect: (c, ev) => ({ preparedBy: prepared(c, ev.actor.id) }), example: () => ({ note: '材料齐全，符合申报条件 / Complete and eligible' }) },
    { type: 'officer.assign-experts', label: bi('指派评审专家', 'Assign expert reviewers'), roles: ['officer'], optional: true,
      schema: z.object({ expertIds: z.array(z.number().int().positive()).min(MIN_SCORES).max(9).refine((a) => new Set(a).size === a.length, 'distinct experts').describe('评审专家 / Expert reviewers') }).strict(),
      effect: (c, ev) => ({ panel: ev.data.expertIds as number[], preparedBy: prepared(c, ev.actor.id) }),
      example: (c, _a, facts) => {
        const pool = (facts?.expertPool ?? []).filter((id) => !facts?.conflictedExpertIds.includes(id));
        return { expertIds: pool.length >= MIN_SCORES ? pool.slice(0, 3) : c.panel.length ? c.panel : pool };
      } },
    { type: 'expert.score', label: bi('专家评分', 'Score the application'), roles: ['expert'],
      schema: z.object({ score: z.number().min(0).max(100).describe('评分（0–100） / Score (0–100)'), opinion: text(2, 4000, '评审意见 / Opinion') }).strict(),
      effect: (c, ev) => ({
        scores: [...c.scores, { expertId: ev.actor.id, score: num(ev.data.score), opinion: String(ev.data.opinion), at: ev.facts.now }],
        preparedBy: prepared(c, ev.actor.id),
      }),
      example: () => ({ score: 82, opinion: '项目可行，就业带动明显 / Feasible, with clear employment benefits' }) },
    { type: 'officer.recommend', label: bi('拟支持并公示', 'Recommend and publish the notice (公示)'), roles: ['officer'],
      schema: z.object({ amount: positiveYuan('拟支持金额 / Proposed amount'), note: note }).strict(),
      effect: (c, ev) => ({
        recommendation: { by: ev.actor.id, amount: num(ev.data.amount), note: String(ev.data.note), at: ev.facts.now },
        noticeEndsAt: addDays(ev.facts.now, ev.facts.noticeDays), preparedBy: prepared(c, ev.actor.id),
      }),
      example: (c) => ({ amount: Math.min(c.requestedAmount, limits.maxAmount), note: '专家评审通过，拟予支持 / Recommended after expert review' }),
      hints: (c) => ({ amount: [requested(c), hint('项目上限', 'Programme limit', limits.maxAmount)] }) },
    { type: 'officer.record-objection', label: bi('登记公示异议', 'Record an objection to the notice'), roles: ['officer'], optional: true,
      schema: z.object({ reason }).strict(),
      // An objection reopens the review: the recommendation and the notice lapse.
      effect: (c, ev) => ({ objections: [...c.objections, { by: ev.actor.id, reason: String(ev.data.reason), at: ev.facts.now }], recommendation: null, noticeEndsAt: null }),
      example: () => ({ reason: '有单位反映就业承诺数据不实 / A complaint questions the employment figures' }) },
    { type: 'system.notice-ended', label: bi('公示期满', 'Public notice period ended'), roles: ['system'], schema: z.object({}).strict(), example: () => ({}) },
    { type: 'approver.approve', label: bi('批准', 'Approve'), roles: ['approver'],
      schema: z.object({ amount: positiveYuan('批准金额 / Approved amount'), conditions: text(0, 4000, '附加条件 / Conditions') }).strict(),
      effect: (c, ev) => {
        const amount = num(ev.data.amount);
        return { approvedAmount: amount, approvedBy: ev.actor.id, conditions: String(ev.data.conditions) || null, advanceCeiling: Math.floor(amount * limits.advanceShare) };
      },
      // An example is accepted if sent now: never above what is left of the call's budget.
      example: (c, _a, facts) => ({
        amount: Math.min(c.recommendation?.amount ?? Math.min(c.requestedAmount, limits.maxAmount), facts?.call && facts.call.budgetLeft > 0 ? facts.call.budgetLeft : Infinity),
        conditions: '专款专用，按进度拨付 / Ring-fenced, paid by progress',
      }),
      amountField: 'amount',
      hints: (c) => ({ amount: [
        ...(c.recommendation ? [hint('经办人拟支持金额', 'Recommended by the officer', c.recommendation.amount)] : []),
        requested(c), hint('最多可批', 'At most', Math.min(c.requestedAmount, limits.maxAmount)),
      ] }),
      decision: (_b, a) => ({
        outcome: 'approved', title: decisionTitle, amount: a.approvedAmount, conditions: a.conditions,
        reasons: `专家评审平均分 ${averageScore(a).toFixed(1)}，公示期满 / Average expert score ${averageScore(a).toFixed(1)}; public notice completed`,
        section: limits.section, preparedBy: a.recommendation?.by ?? null,
      }) },
    { type: 'officer.propose-acceptance', label: bi('提请验收', 'Propose acceptance (验收)'), roles: ['officer'],
      // 政策 五: the promises of the application (jobs, trainees, investment) against what was verified.
      schema: z.object({
        jobsConfirmed: z.number().int().min(0).max(1_000_000).describe('核实新增就业 / Jobs confirmed (政策 五)'),
        traineesVerified: z.number().int().min(0).max(1_000_000).optional().describe('核实培训人数 / Trainees verified (政策 五.(一))'),
        investmentVerified: z.number().int().min(0).describe('核实完成投资（人民币元） / Investment verified (CNY yuan)'),
        report: text(2, 8000, '验收意见 / Acceptance report'),
      }).strict(),
      effect: (_c, ev) => ({ acceptance: {
        proposedBy: ev.actor.id, jobsConfirmed: num(ev.data.jobsConfirmed), traineesVerified: ev.data.traineesVerified === undefined ? null : num(ev.data.traineesVerified),
        investmentVerified: num(ev.data.investmentVerified), report: String(ev.data.report), at: ev.facts.now,
      } }),
      example: (c) => ({
        jobsConfirmed: num(c.form.jobsPromised), ...(c.form.traineesPlanned === undefined ? {} : { traineesVerified: num(c.form.traineesPlanned) }),
        investmentVerified: num(c.form.totalInvestment), report: '项目按计划完成 / Completed as planned',
      }),
      hints: (c) => ({
        jobsConfirmed: [hint('申请时承诺新增就业', 'Jobs promised in the application', num(c.form.jobsPromised), 'count')],
        ...(c.form.traineesPlanned === undefined ? {} : { traineesVerified: [hint('申请时计划培训人数', 'Trainees planned in the application', num(c.form.traineesPlanned), 'count')] }),
        investmentVerified: [hint('申请时项目总投资', 'Total investment in the application', num(c.form.totalInvestment))],
      }) },
    { type: 'approver.accept', label: bi('验收通过', 'Pass acceptance'), roles: ['approver'],
      schema: z.object({ note: note.optional() }).strict(),
      effect: (c, ev) => ({ acceptancePassed: true, acceptanceDecidedBy: ev.actor.id, jobsConfirmed: c.acceptance?.jobsConfirmed ?? null }),
      example: () => ({ note: '同意验收 / Accepted' }),
      decision: (_b, a) => ({ outcome: 'acceptance-passed', title: bi('验收决定', 'Acceptance decision'), amount: a.disbursed, conditions: null,
        reasons: performanceText(a), section: limits.section, preparedBy: a.acceptance?.proposedBy ?? null }) },
    { type: 'approver.fail-acceptance', label: bi('验收不通过', 'Fail acceptance'), roles: ['approver'],
      schema: z.object({ reason }).strict(),
      effect: (c, ev) => ({ acceptancePassed: false, acceptanceDecidedBy: ev.actor.id, jobsConfirmed: c.acceptance?.jobsConfirmed ?? null, rejection: { by: ev.actor.id, reason: String(ev.data.reason), at: ev.facts.now } }),
      example: () => ({ reason: '绩效目标未完成 / Performance targets not met' }),
      decision: (_b, a, ev) => ({ outcome: 'acceptance-failed', title: bi('验收决定', 'Acceptance decision'), amount: a.disbursed, conditions: null, reasons: `${String(ev.data.reason)}\n${performanceText(a)}`, section: limits.section, preparedBy: a.acceptance?.proposedBy ?? null, adverse: true }) },
  ];
}
