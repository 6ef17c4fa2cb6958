// Endpoints: registered by a liaison for their own institution or by the admin for any, listed
// and removed within that scope; each change is audited in its own transaction.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { isInstitutionCode } from '../../../workflows/institutions';
import { writeTx } from '../../db/client';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index';
import { appendAudit } from '../audit/append-audit';
import type { CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { wakeOutbox, WEBHOOK_EVENTS } from './enqueue-webhooks';
import { checkWebhookUrl } from './url-safety';

export const endpointInput = z.object({
  url: z.string().min(1).max(2000).describe('接收地址 / Receiver URL (https:// address of the receiver)'),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length).describe('推送的事件 / Events wanted'),
  institution: z.string().max(20).optional().describe('机构 / Institution: only for the admin, whose cases (a liaison always registers for their own institution)'),
}).strict();

/** Whose endpoints this user manages: a liaison their institution's, the admin everyone's; auditors read them all. */
export function webhookScope(user: CurrentUser, mode: 'read' | 'write' = 'write'): string | 'all' {
  if (user.role === 'admin' || (user.role === 'auditor' && mode === 'read')) return 'all';
  if (user.role === 'liaison' && user.institutionCode) return user.institutionCode;
  throw new AppError('FORBIDDEN', '只有合作机构联络人或管理员可以管理推送地址 / Only an institution liaison or the admin manages webhooks.');
}

export function registerEndpoint(deps: Deps, user: CurrentUser, input: unknown): { id: number; secret: string } {
  const scope = webhookScope(user);
  const parsed = endpointInput.safeParse(input);
  if (!parsed.success) throw validationError(endpointInput, parsed.error.issues, input);
  const { events, institution } = parsed.data;
  const url = checkWebhookUrl(parsed.data.url, deps.config.WEBHOOK_ALLOW_PRIVATE);
  let code: string;
  if (scope === 'all') {
    if (!isInstitutionCode(institution)) throw new AppError('UNPROCESSABLE', '请选择机构 / Choose the institution whose cases the endpoint receives.', { fields: { institution: 'required' } });
    code = institution;
  } else {
    if (institution !== undefined && institution !== scope) throw new AppError('FORBIDDEN', '只能为本机构登记 / A liaison registers endpoints for their own institution only.');
    code = scope;
  }
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const at = iso(deps.clock.now());
  const wanted = [...new Set(events)];
  const id = writeTx(deps.db, (tx) => {
    const row = tx.insert(webhookEndpoints).values({ institutionCode: code, url: url.href, events: JSON.stringify(wanted), secret, createdBy: user.id, createdAt: at })
      .returning({ id: webhookEndpoints.id }).get();
    appendAudit(tx, { at, kind: 'admin', actorId: user.id, actorName: user.name, actorRole: user.role, type: 'webhook.registered', data: { endpointId: row.id, institution: code, url: url.href, events: wanted } });
    return row.id;
  });
  return { id, secret };
}

export interface EndpointView { id: number; institution: string; url: string; events: string[]; createdAt: string; failingSince: string | null }

export function listEndpoints(deps: Deps, user: CurrentUser, mode: 'read' | 'write' = 'read'): EndpointView[] {
  const scope = webhookScope(user, mode);
  return deps.db.select().from(webhookEndpoints)
    .where(and(isNull(webhookEndpoints.removedAt), scope === 'all' ? undefined : eq(webhookEndpoints.institutionCode, scope)))
    .orderBy(webhookEndpoints.id).all()
    .map((e) => ({ id: e.id, institution: e.institutionCode, url: e.url, events: JSON.parse(e.events) as string[], createdAt: e.createdAt, failingSince: e.failingSince }));
}

/** An endpoint this user manages, or 404 (another institution's endpoints do not exist for them). */
export function visibleEndpoint(deps: Deps, user: CurrentUser, id: number, mode: 'read' | 'write' = 'read'): EndpointView {
  const found = Number.isSafeInteger(id) ? listEndpoints(deps, user, mode).find((e) => e.id === id) : undefined;
  if (!found) throw new AppError('NOT_FOUND', '没有这个推送地址 / No such webhook endpoint.');
  return found;
}

export function removeEndpoint(deps: Deps, user: CurrentUser, id: number): void {
  const e = visibleEndpoint(deps, user, id, 'write');
  const at = iso(deps.clock.now());
  writeTx(deps.db, (tx) => {
    tx.update(webhookEndpoints).set({ removedAt: at }).where(eq(webhookEndpoints.id, e.id)).run();
    appendAudit(tx, { at, kind: 'admin', actorId: user.id, actorName: user.name, actorRole: user.role, type: 'webhook.removed', data: { endpointId: e.id, url: e.url } });
  });
}

export interface DeliveryView {
  id: string; type: string; caseId: number; createdAt: string; status: string; attempts: number;
  lastAttemptAt: string | null; lastStatus: number | null; lastError: string | null; nextAttemptAt: string | null; deliveredAt: string | null;
}

/** The endpoint's most recent deliveries, newest first. */
export function listDeliveries(deps: Deps, user: CurrentUser, endpointId: number, limit = 50): DeliveryView[] {
  const e = visibleEndpoint(deps, user, endpointId);
  return deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, e.id))
    .orderBy(desc(webhookDeliveries.id)).limit(limit).all()
    .map((d) => ({
      id: d.deliveryId, type: d.type, caseId: d.caseId, createdAt: d.createdAt, status: d.status, attempts: d.attempts,
      lastAttemptAt: d.lastAttemptAt, lastStatus: d.lastStatus, lastError: d.lastError,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null, deliveredAt: d.deliveredAt,
    }));
}

/** Sends a delivery again (same id, so receivers can tell), with a new 24-hour window. */
export function replayDelivery(deps: Deps, user: CurrentUser, endpointId: number, deliveryId: string): void {
  const e = visibleEndpoint(deps, user, endpointId, 'write');
  const d = deps.db.select().from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, e.id), eq(webhookDeliveries.deliveryId, deliveryId))).get();
  if (!d) throw new AppError('NOT_FOUND', '没有这次推送 / No such delivery.');
  const now = deps.clock.now();
  const at = iso(now);
  writeTx(deps.db, (tx) => {
    tx.update(webhookDeliveries).set({ status: 'pending', nextAttemptAt: at, retryUntil: iso(new Date(now.getTime() + 24 * 3600 * 1000)) })
      .where(eq(webhookDeliveries.id, d.id)).run();
    appendAudit(tx, { at, kind: 'admin', caseId: d.caseId, actorId: user.id, actorName: user.name, actorRole: user.role, type: 'webhook.replayed', data: { endpointId: e.id, deliveryId } });
  });
  wakeOutbox(deps.db);
}
