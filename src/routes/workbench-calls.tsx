import { Hono, type Context } from 'hono';
import { workflows } from '../../workflows/index';
import type { CurrentUser } from '../domain/auth/current-user';
import { budgetOf, callLabel, getCall, categoriesOf, categoryLabel, isOpenAt, listCalls, programmeCategories } from '../domain/calls/calls';
import { closeCall, createCall, openCall, requireCallDepartment } from '../domain/calls/manage-calls';
import type { Deps } from '../domain/deps';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { CallsPage, type CallRow } from '../../views/workbench/calls-page';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

const CALL_ROLES: CurrentUser['role'][] = ['officer', 'approver'];

/** The programmes with calls that the user's institution decides. */
const ownProgrammes = (user: CurrentUser) => Object.values(workflows).filter((w) => w.calls && w.institution === user.institutionCode);

/** The calls of the user's programmes, with budget used and left and what the user may do. */
export function callRows(deps: Deps, user: CurrentUser): CallRow[] {
  const now = deps.clock.now();
  const names = new Map(ownProgrammes(user).map((w) => [w.code, w.name]));
  return listCalls(deps.db, [...names.keys()]).map((c) => ({
    id: c.id, label: callLabel(c), programme: names.get(c.programmeCode as never)!, deadline: c.deadline, ...budgetOf(c),
    categories: categoriesOf(c).map(categoryLabel), status: c.status as CallRow['status'], openNow: isOpenAt(c, now),
    canOpen: c.status === 'draft' && user.role === 'approver' && c.createdBy !== user.id, canClose: c.status === 'open',
  }));
}

/** The open calls of the user's programmes, for the queue page's budget panel. */
export function openCallBudgets(deps: Deps, user: CurrentUser) {
  return callRows(deps, user).filter((c) => c.status === 'open');
}

/** The call of a case with its budget, for the case page. */
export function caseCallBudget(deps: Deps, callId: number | null) {
  const c = callId ? getCall(deps.db, callId) : undefined;
  return c ? { label: callLabel(c), deadline: c.deadline, ...budgetOf(c) } : null;
}

function page(c: Context<AppEnv>, extra: Partial<Parameters<typeof CallsPage>[0]> = {}, status: 200 | 422 = 200) {
  const user = requireCallDepartment(c.var.user, ...CALL_ROLES);
  const draftable = user.role === 'officer'
    ? ownProgrammes(user).map((w) => ({ code: w.code, name: w.name, categories: programmeCategories(w).map((v) => ({ value: v, label: categoryLabel(v) })) })) : [];
  return renderPage(c, c.var.locale === 'zh' ? '申报指南' : 'Calls for applications',
    <CallsPage locale={c.var.locale} csrfToken={c.var.csrfToken} calls={callRows(c.var.deps, user)} draftable={draftable} {...extra} />, status);
}

const callId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  return id;
};

function refused(c: Context<AppEnv>, err: unknown, values: Record<string, string | string[]> = {}) {
  if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
  return page(c, { values, errors: fieldMessages(err, c.var.locale), error: messageOf(err, c.var.locale) }, 422);
}

/** 申报指南 of the commerce department: drafted by an officer, opened by an approver, closed by either. */
export const workbenchCallRoutes = new Hono<AppEnv>()
  .get('/workbench/calls', (c) => page(c))
  .post('/workbench/calls', async (c) => {
    const user = requireCallDepartment(c.var.user, 'officer');
    const body = await c.req.parseBody({ all: true });
    const one = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const categories = ([] as unknown[]).concat(body.categories ?? []).filter((x): x is string => typeof x === 'string');
    const values = { programme: one('programme'), year: one('year'), batch: one('batch'), deadline: one('deadline'), budget: one('budget'), categories };
    try {
      const call = createCall(c.var.deps, user, values);
      return page(c, { notice: c.var.locale === 'zh' ? `已起草${callLabel(call).zh}，待审批人发布` : `${callLabel(call).en} drafted; an approver opens it` });
    } catch (err) {
      return refused(c, err, values);
    }
  })
  .post('/workbench/calls/:id/open', (c) => {
    const user = requireCallDepartment(c.var.user, 'approver');
    try {
      const call = openCall(c.var.deps, user, callId(c));
      return page(c, { notice: c.var.locale === 'zh' ? `${callLabel(call).zh}已发布，开始受理申请` : `${callLabel(call).en} is open for applications` });
    } catch (err) {
      return refused(c, err);
    }
  })
  .post('/workbench/calls/:id/close', (c) => {
    const user = requireCallDepartment(c.var.user, ...CALL_ROLES);
    try {
      const call = closeCall(c.var.deps, user, callId(c));
      return page(c, { notice: c.var.locale === 'zh' ? `${callLabel(call).zh}已关闭` : `${callLabel(call).en} is closed` });
    } catch (err) {
      return refused(c, err);
    }
  });
