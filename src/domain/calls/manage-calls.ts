// 申报指南: the commerce department's officer drafts a call, an approver who did not draft it opens
// it (it commits public money: four eyes), and either closes it. Each change is audited in its
// own transaction.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeTx } from '../../db/client';
import { calls } from '../../db/schema/index';
import { beijingDayEnd } from '../../../workflows/display-format';
import { workflowFor, workflows } from '../../../workflows/index';
import type { Workflow } from '../../../workflows/types';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { fieldRefusal, parseOrRefuse } from '../reference/designated-location-schemas';
import { callLabel, getCall, openCallOf, programmeCategories, type Call } from './calls';

export const callSchema = z.object({
  programme: z.string().min(1).describe('支持项目 / Programme'),
  year: z.coerce.number().int().min(2011).max(2100).describe('年度 / Year'),
  batch: z.coerce.number().int().min(1).max(12).describe('批次 / Batch'),
  deadline: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'invalid date').describe('申报截止日期 / Deadline'),
  budget: z.coerce.number().int().positive().max(100_000_000_000).describe('预算（人民币元 / CNY yuan）'),
  categories: z.array(z.string()).min(1).describe('支持方向 / Categories funded'),
}).strict();

/** The programme of a call, which the user's institution must decide, and which takes calls. */
function callProgramme(user: CurrentUser, code: string): Workflow {
  const w = workflowFor(code);
  if (!w?.calls) throw fieldRefusal('programme', '该项目不按申报指南受理申请', 'This programme does not take applications against calls');
  if (user.institutionCode !== w.institution) throw new AppError('FORBIDDEN', '只有该项目主管部门可以管理申报指南 / Only the programme\'s own department manages its calls.');
  return w;
}

function audit(tx: Deps['db'], user: CurrentUser, at: string, type: string, c: Call) {
  appendAudit(tx, { at, kind: 'admin', actorId: user.id, actorName: user.name, actorRole: user.role, type,
    data: { callId: c.id, programme: c.programmeCode, year: c.year, batch: c.batch, deadline: c.deadline, budget: c.budget, categories: JSON.parse(c.categories), status: c.status } });
}

/** Staff of a department whose programmes take calls (the commerce department); others: 403. */
export function requireCallDepartment(user: CurrentUser | null, ...roles: CurrentUser['role'][]): CurrentUser {
  const u = requireRole(user, ...roles);
  if (!Object.values(workflows).some((w) => w.calls && w.institution === u.institutionCode)) throw new AppError('FORBIDDEN');
  return u;
}

/** An officer drafts a call (not yet open for applications). */
export function createCall(deps: Deps, user: CurrentUser, input: unknown): Call {
  requireCallDepartment(user, 'officer');
  const v = parseOrRefuse(callSchema, input);
  const w = callProgramme(user, v.programme);
  const allowed = programmeCategories(w);
  if (v.categories.some((c) => !allowed.includes(c))) throw fieldRefusal('categories', '请从该项目的支持方向中选择', 'Choose among the programme\'s categories');
  const at = iso(deps.clock.now());
  const deadline = beijingDayEnd(v.deadline); // applications are taken until the end of that Beijing day
  if (deadline <= at) throw fieldRefusal('deadline', '申报截止日期须在今天或以后', 'The deadline must be today or later');
  return writeTx(deps.db, (tx) => {
    const row = tx.insert(calls).values({ programmeCode: w.code, year: v.year, batch: v.batch, deadline, budget: v.budget, categories: JSON.stringify(v.categories), status: 'draft', createdBy: user.id, createdAt: at }).returning().get();
    audit(tx, user, at, 'call.created', row);
    return row;
  });
}

/** An approver opens a drafted call: never the officer who drafted it; one open call per programme. */
export function openCall(deps: Deps, user: CurrentUser, id: number): Call {
  requireCallDepartment(user, 'approver');
  const now = deps.clock.now();
  const at = iso(now);
  return writeTx(deps.db, (tx) => {
    const c = getCall(tx, id);
    if (!c) throw new AppError('NOT_FOUND', '没有这个申报指南 / No such call.');
    callProgramme(user, c.programmeCode);
    if (c.createdBy === user.id) throw new AppError('UNPROCESSABLE', '四眼原则：起草申报指南的人员不能发布它 / Four eyes: the person who drafted the call may not open it.');
    if (c.status !== 'draft') throw new AppError('UNPROCESSABLE', '只有草稿状态的申报指南可以发布 / Only a drafted call can be opened.');
    if (Date.parse(c.deadline) <= now.getTime()) throw new AppError('UNPROCESSABLE', '申报截止日期已过，不能发布 / The deadline has passed: the call cannot be opened.');
    const other = openCallOf(tx, c.programmeCode, now);
    if (other) throw new AppError('UNPROCESSABLE', `请先关闭${callLabel(other).zh} / Close ${callLabel(other).en} first.`);
    const row = tx.update(calls).set({ status: 'open', openedBy: user.id, openedAt: at })
      .where(and(eq(calls.id, id), eq(calls.status, 'draft'))).returning().get();
    if (!row) throw new AppError('CONFLICT', '申报指南已被他人更改 / Someone else changed this call.');
    audit(tx, user, at, 'call.opened', row);
    return row;
  });
}

/** The officer or an approver closes an open call: no new applications; its cases go on. */
export function closeCall(deps: Deps, user: CurrentUser, id: number): Call {
  requireCallDepartment(user, 'officer', 'approver');
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    const c = getCall(tx, id);
    if (!c) throw new AppError('NOT_FOUND', '没有这个申报指南 / No such call.');
    callProgramme(user, c.programmeCode);
    const row = tx.update(calls).set({ status: 'closed', closedBy: user.id, closedAt: at })
      .where(and(eq(calls.id, id), eq(calls.status, 'open'))).returning().get();
    if (!row) throw new AppError('UNPROCESSABLE', '只有开放中的申报指南可以关闭 / Only an open call can be closed.');
    audit(tx, user, at, 'call.closed', row);
    return row;
  });
}
