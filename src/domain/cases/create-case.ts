import { eq } from 'drizzle-orm';
import { figuresJson } from './case-figures';
import { getInitialSnapshot } from 'xstate';
import { cases, enterprises } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { workflowFor } from '../../../workflows/index';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { invalidData } from '../../../workflows/messages';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { callForNewCase } from '../calls/calls';
import { caseReference as caseReferenceFor } from './counters';
import { stateValueKey } from './state-key';

/** An applicant opens a draft application of a programme for their own enterprise. */
/** `callId`: the call (申报指南) applied under; by default the programme's open call. */
export function createCase(deps: Deps, user: CurrentUser, input: { programme: unknown; form: unknown; callId?: unknown }) {
  requireRole(user, 'applicant');
  const w = typeof input.programme === 'string' ? workflowFor(input.programme) : undefined;
  if (!w) throw new AppError('UNPROCESSABLE', `Unknown programme: ${String(input.programme)}`, { fields: { programme: 'unknown' } });
  const parsed = w.formSchema.safeParse(input.form ?? {});
  if (!parsed.success) {
    // The catalogue's sentences (labels, both languages); `fields` keeps the paths for clients.
    const reason = invalidData(w.formSchema, parsed.error.issues, input.form ?? {}, { zh: '申请表尚需更正', en: 'The application form needs correcting' });
    const fields = Object.fromEntries(Object.entries(reason.fields ?? {}).map(([k, m]) => [k, `${m.zh} / ${m.en}`]));
    throw new AppError('UNPROCESSABLE', `${reason.zh} / ${reason.en}`, { fields });
  }
  const form = parsed.data as Record<string, unknown>;
  const ent = deps.db.select().from(enterprises).where(eq(enterprises.id, user.enterpriseId ?? -1)).get();
  if (!ent) throw new AppError('FORBIDDEN', 'Your account is not linked to an enterprise.');
  const now = deps.clock.now();
  const callId = callForNewCase(deps.db, w, now, input.callId);
  const snapshot = getInitialSnapshot(w.machine, w.initialInput(form));
  const state = stateValueKey(snapshot.value);
  return writeTx(deps.db, (tx) => {
    const reference = caseReferenceFor(tx, w.referencePrefix, now.getUTCFullYear());
    const row = tx.insert(cases).values({
      reference, programmeCode: w.code, enterpriseId: ent.id, createdBy: user.id, state, callId,
      snapshot: JSON.stringify(w.machine.getPersistedSnapshot(snapshot)), figures: figuresJson(w, snapshot.context), machineVersion: w.version, version: 1,
      form: JSON.stringify(form), amount: typeof form.requestedAmount === 'number' ? form.requestedAmount : null,
      province: ent.province, industry: ent.industry, enterpriseName: ent.name, creditCode: ent.creditCode,
      stateSince: iso(now), createdAt: iso(now), updatedAt: iso(now),
    }).returning().get();
    appendAudit(tx, {
      at: iso(now), kind: 'case', caseId: row.id, actorId: user.id, actorName: user.name, actorRole: user.role,
      type: 'case.created', toState: state, version: 1, data: { reference, programme: w.code },
    });
    return row;
  });
}
