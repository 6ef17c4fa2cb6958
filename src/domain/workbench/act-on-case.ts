// One action from the staff case page: the form's fields become the event's data, and the step
// goes through applyEvent (policy, guards, compare-and-swap on the version, audit).
import type { CurrentUser } from '../auth/current-user';
import { applyEvent } from '../cases/apply-event';
import { eventJsonSchema } from '../cases/case-view';
import { visibleCase, workflowOf } from '../cases/load-case';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { requireRole, STAFF_ROLES } from '../policy';
import { eventDataFromForm, type FormBody } from './event-input';
import { requireReadable } from './expert-review';

export interface WorkbenchAction { type: string; version: number; comment?: string; body: FormBody }

/** Reads type and version from the posted form; a missing version is malformed, never "latest". */
export function actionFromForm(body: FormBody): WorkbenchAction {
  const type = typeof body.type === 'string' ? body.type : '';
  const version = Number(typeof body.version === 'string' ? body.version : NaN);
  if (!type || !Number.isSafeInteger(version) || version < 1) throw new AppError('BAD_REQUEST', '表单缺少操作类型或版本 / The form lacks the event type or version.');
  const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim().slice(0, 2000) : undefined;
  return { type, version, comment, body };
}

export function actOnCase(deps: Deps, user: CurrentUser, caseId: number, action: WorkbenchAction) {
  // The staff page is for staff: an applicant acts through the portal, whose steps check more (form, documents).
  requireRole(user, ...STAFF_ROLES);
  const row = visibleCase(deps, user, caseId);
  requireReadable(deps, user, row);
  const spec = workflowOf(row).events.find((e) => e.type === action.type);
  const data = spec ? eventDataFromForm(eventJsonSchema(spec), action.body) : {};
  return applyEvent(deps, user, { caseId: row.id, type: action.type, data, comment: action.comment, expectedVersion: action.version }).row;
}
