// The weights of the evaluation index (政策 七.三): read by every statistics page, changed only by
// an administrator, each change in the same transaction as its audit row.
import { z } from 'zod';
import { writeTx, type Db } from '../../db/client';
import { evaluationWeights } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { requireRole } from '../policy';
import { DEFAULT_WEIGHTS, INDICATORS, type Weights } from './evaluation-index';

export function loadWeights(db: Db): Weights {
  const rows = db.select().from(evaluationWeights).all();
  const w = { ...DEFAULT_WEIGHTS };
  for (const r of rows) if (r.indicator in w) w[r.indicator as keyof Weights] = r.weight;
  return w;
}

const weight = z.coerce.number().min(0).max(100);
// Each weight is named by its indicator, so a refusal says which (the message catalogue's words).
export const weightsSchema = z.object(Object.fromEntries(INDICATORS.map((i) => [i.code, weight.describe(`${i.label.zh}的权重 / Weight of ${i.label.en.toLowerCase()}`)])) as Record<keyof Weights, typeof weight>);

export function updateWeights(deps: Deps, user: CurrentUser | null, input: unknown): Weights {
  const admin = requireRole(user, 'admin');
  const parsed = weightsSchema.safeParse(input);
  if (!parsed.success) throw validationError(weightsSchema, parsed.error.issues, input);
  const after = parsed.data as Weights;
  if (Object.values(after).every((v) => v === 0)) {
    throw new AppError('UNPROCESSABLE', '至少一个权重须大于 0 / At least one weight must be above 0', { fields: { weights: 'all zero' } });
  }
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    // Read inside the write lock, so that the audit row's "before" is what this change replaced.
    const before = loadWeights(tx);
    for (const i of INDICATORS) {
      tx.insert(evaluationWeights).values({ indicator: i.code, weight: after[i.code], updatedAt: at, updatedBy: admin.id })
        .onConflictDoUpdate({ target: evaluationWeights.indicator, set: { weight: after[i.code], updatedAt: at, updatedBy: admin.id } }).run();
    }
    appendAudit(tx, {
      at, kind: 'admin', actorId: admin.id, actorName: admin.name, actorRole: admin.role,
      type: 'stats.weights-changed', data: { before, after },
    });
    return after;
  });
}
