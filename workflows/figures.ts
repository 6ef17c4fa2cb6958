// The figures a case contributes to the statistics of undertaking locations (政策 七.三, 七.四).
// Each programme computes them from its own context (Workflow.figures); the engine stores them
// with the case, and the statistics sum them by these keys without knowing any programme.
import type { Bilingual } from './types';

export interface FigureDef {
  label: Bilingual;
  kind: 'amount' | 'jobs' | 'people';
  /** Counted in the evaluation index's employment indicator (政策 五). */
  employment?: true;
  /** Counted only for supported applications (a promise of a refused one is no outcome). */
  supportedOnly?: true;
}

/** In the order the statistics list them. New kinds of figure are added here, and only here. */
export const FIGURE_CATALOGUE = {
  requested: { label: { zh: '申请金额', en: 'Amount requested' }, kind: 'amount' },
  approved: { label: { zh: '批准金额（资金）', en: 'Approved (grants)' }, kind: 'amount' },
  disbursed: { label: { zh: '已拨付（资金）', en: 'Disbursed (grants)' }, kind: 'amount' },
  committed: { label: { zh: '承诺金额（贷款/融资）', en: 'Committed (loans, financing)' }, kind: 'amount' },
  drawn: { label: { zh: '已提款（贷款/融资）', en: 'Drawn (loans, financing)' }, kind: 'amount' },
  outstanding: { label: { zh: '未还本金（贷款/融资）', en: 'Principal outstanding (loans, financing)' }, kind: 'amount' },
  defaulted: { label: { zh: '违约未还本金（贷款/融资）', en: 'Outstanding in default (loans, financing)' }, kind: 'amount' },
  writtenOff: { label: { zh: '已核销（贷款/融资）', en: 'Written off (loans, financing)' }, kind: 'amount' },
  insured: { label: { zh: '承保限额（信保）', en: 'Insured (credit insurance)' }, kind: 'amount' },
  limits: { label: { zh: '已批复买方限额（信保）', en: 'Buyer credit limits approved (credit insurance)' }, kind: 'amount' },
  exposure: { label: { zh: '未收汇出运（信保承保风险）', en: 'Unpaid shipments insured (credit insurance exposure)' }, kind: 'amount' },
  premium: { label: { zh: '保费（信保）', en: 'Premium (credit insurance)' }, kind: 'amount' },
  premiumPaid: { label: { zh: '已收保费（信保）', en: 'Premium paid (credit insurance)' }, kind: 'amount' },
  claimsPaid: { label: { zh: '已赔付（信保）', en: 'Claims paid (credit insurance)' }, kind: 'amount' },
  recovered: { label: { zh: '已追回（违约贷款、已赔付损失）', en: 'Recovered (defaulted loans, paid losses)' }, kind: 'amount' },
  investment: { label: { zh: '项目总投资（获支持项目）', en: 'Total investment (supported projects)' }, kind: 'amount', supportedOnly: true },
  jobsPromised: { label: { zh: '承诺就业（获支持项目）', en: 'Jobs promised (supported projects)' }, kind: 'jobs', supportedOnly: true },
  jobsConfirmed: { label: { zh: '验收核实就业', en: 'Jobs confirmed at acceptance' }, kind: 'jobs', employment: true },
  traineesPlanned: { label: { zh: '计划培训人数', en: 'Trainees planned' }, kind: 'people' },
  traineesVerified: { label: { zh: '核实培训人数（结业、取证、稳定就业）', en: 'Trainees verified (completed, certified, employed)' }, kind: 'people', employment: true },
  clawedBack: { label: { zh: '已追回（资金、补贴）', en: 'Clawed back (grants, subsidies)' }, kind: 'amount' },
  clawbackDemanded: { label: { zh: '决定追回（资金、补贴）', en: 'Clawback decided (grants, subsidies)' }, kind: 'amount' },
  clawbackWrittenOff: { label: { zh: '应追回款已核销（资金）', en: 'Clawback written off (grants)' }, kind: 'amount' },
} as const satisfies Record<string, FigureDef>;

export type FigureKey = keyof typeof FIGURE_CATALOGUE;
export const FIGURE_KEYS = Object.keys(FIGURE_CATALOGUE) as FigureKey[];

/** What one case contributes now; a missing or null figure contributes nothing. */
export type CaseFigures = Partial<Record<FigureKey, number | null>>;

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** A figure that counts only once it is more than zero (nothing disbursed yet is no figure). */
const positive = (v: unknown): number | null => (n(v) ? n(v) : null);

export const figure = { n, positive };
