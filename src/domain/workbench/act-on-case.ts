// One action from the staff case page: the form's fields become the event's data, and the step
// goes through applyEvent (policy, guards, compare-and-swap on the version, audit). A step that
// cannot be undone is first checked in full and returned for confirmation; only the confirmed
// post (the same fields again, with `_confirm`) applies it, after the same checks once more.
import type { Bilingual } from '../../../workflows/types';
import type { CurrentUser } from '../auth/current-user';
import { applyEvent, previewEvent } from '../cases/apply-event';
import { eventJsonSchema } from '../cases/case-view';
import { visibleCase, workflowOf, type CaseRow } from '../cases/load-case';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { requireRole, STAFF_ROLES } from '../policy';
import { eventDataFromForm, type FormBody } from './event-input';
import { requireReadable } from './expert-review';

export interface WorkbenchAction { type: string; version: number; comment?: string; body: FormBody; confirmed: boolean }

/** An irreversible step that passed every check, waiting for the person to confirm it. */
export interface Confirmation {
  type: string; label: Bilingual; reference: string;
  /** The amount decided or paid by this step, or null when it decides none (a refusal). */
  amount: number | null;
  requested: number | null;
  /** The posted fields, to be sent again with the confirmation. */
  fields: [string, string][];
}

/** Reads type and version from the posted form; a missing version is malformed, never "latest". */
export function actionFromForm(body: FormBody): WorkbenchAction {
  const type = typeof body.type === 'string' ? body.type : '';
  const version = Number(typeof body.version === 'string' ? body.version : NaN);
  if (!type || !Number.isSafeInteger(version) || version < 1) throw new AppError('BAD_REQUEST', '表单缺少操作类型或版本 / The form lacks the event type or version.');
  const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim().slice(0, 2000) : undefined;
  return { type, version, comment, body, confirmed: body._confirm === '1' };
}

/** The fields to post again: everything the person sent but the token and the confirmation itself. */
function repostable(body: FormBody): [string, string][] {
  return Object.entries(body).filter(([k]) => k !== '_csrf' && k !== '_confirm' && k !== '_more')
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x): [string, string] => [k, x]));
}

export function actOnCase(deps: Deps, user: CurrentUser, caseId: number, action: WorkbenchAction): { row: CaseRow } | { confirm: Confirmation } {
  // The staff page is for staff: an applicant acts through the portal, whose steps check more (form, documents).
  requireRole(user, ...STAFF_ROLES);
  const row = visibleCase(deps, user, caseId);
  requireReadable(deps, user, row);
  const spec = workflowOf(row).events.find((e) => e.type === action.type);
  const data = spec ? eventDataFromForm(eventJsonSchema(spec), action.body) : {};
  const req = { caseId: row.id, type: action.type, data, comment: action.comment, expectedVersion: action.version };
  if (spec?.irreversible && !action.confirmed) {
    const { decision } = previewEvent(deps, user, req); // refusals are thrown here, as for the step itself
    const typed = spec.amountField ? data[spec.amountField] : undefined;
    return {
      confirm: {
        type: spec.type, label: spec.label, reference: row.reference,
        amount: typeof typed === 'number' ? typed : decision?.amount ?? null, requested: row.amount, fields: repostable(action.body),
      },
    };
  }
  return { row: applyEvent(deps, user, req).row };
}
