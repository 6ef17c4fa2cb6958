// A signed correction changes what the workflow acts on next: a corrected approved amount is
// the ceiling tranches are then paid against, a corrected commitment what may be drawn.
import { AppError } from '../errors';

interface Figure {
  /** Where the amount lives in the workflow's context: the first of these paths that holds a number. */
  paths: string[][];
  /** What has already been paid, drawn or used against it: the amount may not go below. */
  used: (c: Record<string, any>) => number;
  /** Other context values that follow the amount (the advance ceiling is a share of the grant). */
  follow?: (c: Record<string, any>, before: number, after: number) => Record<string, unknown>;
}

const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The decisions whose amount the workflow acts on, by outcome. */
const FIGURES: Record<string, Figure> = {
  approved: {
    paths: [['approvedAmount']], used: (c) => n(c.disbursed),
    follow: (c, before, after) => (typeof c.advanceCeiling === 'number' && before > 0 ? { advanceCeiling: Math.floor(c.advanceCeiling * (after / before)) } : {}),
  },
  // A CDB committee approval (the contract may not exceed it) or, in older loans, the commitment.
  'loan-committed': { paths: [['approvedAmount'], ['committedAmount']], used: (c) => Math.max(n(c.drawn), typeof c.approvedAmount === 'number' ? n(c.committedAmount) : 0) },
  'financing-approved': { paths: [['committedAmount']], used: (c) => n(c.drawn) },
  'policy-issued': { paths: [['terms', 'maxLiability']], used: (c) => n(c.indemnityPaid) },
};

const CONDITIONED = new Set(['approved', 'loan-committed', 'financing-approved']);

/**
 * The persisted snapshot with the correction's figures in its context, or the same string when
 * the correction changes only the letter's wording. 422 when the amount of this kind of decision
 * is not one the workflow acts on, or when it would fall below what was already paid out.
 */
export function correctedSnapshot(snapshotJson: string, outcome: string, original: { amount: number | null }, amount: number | undefined, conditions: string | null | undefined): string {
  const figure = FIGURES[outcome];
  const changesAmount = amount !== undefined && amount !== original.amount;
  if (changesAmount && !figure) {
    throw new AppError('UNPROCESSABLE', '此类决定的金额不能更正，只能更正理由和条件 / The amount of this kind of decision cannot be corrected; correct its reasons or conditions.', { fields: { amount: 'not correctable' } });
  }
  if (!figure || (!changesAmount && (conditions === undefined || !CONDITIONED.has(outcome)))) return snapshotJson;
  const snap = JSON.parse(snapshotJson) as { context?: Record<string, any> };
  const context = snap.context ?? {};
  const at = (path: string[]) => {
    let holder: Record<string, any> = context;
    for (const key of path.slice(0, -1)) holder = (holder[key] ?? {}) as Record<string, any>;
    return { holder, last: path.at(-1)! };
  };
  const { holder, last } = figure.paths.map(at).find((p) => typeof p.holder[p.last] === 'number') ?? at(figure.paths[0]!);
  if (changesAmount) {
    if (typeof holder[last] !== 'number') {
      throw new AppError('UNPROCESSABLE', '案件中没有可更正的金额 / The case has no such amount to correct.', { fields: { amount: 'not correctable' } });
    }
    const used = figure.used(context);
    if (amount! < used) {
      throw new AppError('UNPROCESSABLE', `更正后的金额不得低于已拨付或已使用的 ¥${used.toLocaleString('zh-CN')} / The corrected amount may not be below the ¥${used.toLocaleString('en-US')} already paid out or used.`, { fields: { amount: 'below used' } });
    }
    // No more than was applied for, the ceiling every one of these decisions already obeys.
    const requested = context.requestedAmount;
    if (typeof requested === 'number' && amount! > requested) {
      throw new AppError('UNPROCESSABLE', `更正后的金额不得超过申请金额 ¥${requested.toLocaleString('zh-CN')} / The corrected amount may not exceed the ¥${requested.toLocaleString('en-US')} applied for.`, { fields: { amount: 'above request' } });
    }
    const before = holder[last] as number;
    holder[last] = amount;
    Object.assign(context, figure.follow?.(context, before, amount!) ?? {});
  }
  if (conditions !== undefined && CONDITIONED.has(outcome) && 'conditions' in context) context.conditions = conditions || null;
  return JSON.stringify(snap);
}
