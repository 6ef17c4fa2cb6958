// The outbox writer: called inside the transaction of the change it reports (a workflow event,
// a decision, a document), so the delivery rows commit or roll back with the change itself.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { programmeInstitutions } from '../policy';

/** What an institution may subscribe to. */
export const WEBHOOK_EVENTS = ['case.moved', 'decision.issued', 'document.uploaded', 'notice.objection'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** How long a delivery is retried before it is given up and its endpoint marked failing. */
const RETRY_WINDOW_MS = 24 * 3600 * 1000;

const listeners = new WeakMap<Db, () => void>();
/** The delivery worker of this database, woken once rows were written (after the commit). */
export function onOutboxWrite(db: Db, wake: () => void): void { listeners.set(db, wake); }
/** Wakes the worker after a commit that made deliveries due (a replay). */
export function wakeOutbox(db: Db): void { const wake = listeners.get(db); if (wake) setImmediate(wake); }

interface Target { endpointId: number; events: string; institution: string; reference: string; programme: string; submittedAt: string | null }

/**
 * Writes one delivery per endpoint that wants this event and whose institution takes part in the
 * case's programme. Drafts are the enterprise's own (API.md): nothing about them leaves.
 */
export function enqueueWebhooks(tx: Db, e: { type: WebhookEvent; caseId: number; at: string; data: Record<string, unknown> }): number {
  const rows = preparedQuery(tx, 'webhook-targets', (db) => db.$client.prepare(
    `select e.id as endpointId, e.events as events, e.institution_code as institution,
            c.reference as reference, c.programme_code as programme, c.submitted_at as submittedAt
       from webhook_endpoints e join cases c on c.id = ? where e.removed_at is null order by e.id`)).all(e.caseId) as Target[];
  if (rows.length === 0 || rows[0]!.submittedAt === null) return 0;
  const institutions: string[] = programmeInstitutions(rows[0]!.programme);
  const insert = preparedQuery(tx, 'webhook-insert', (db) => db.$client.prepare(
    `insert into webhook_deliveries (delivery_id, endpoint_id, case_id, type, body, created_at, next_attempt_at, retry_until)
     values (?, ?, ?, ?, ?, ?, ?, ?)`));
  let written = 0;
  const until = new Date(Date.parse(e.at) + RETRY_WINDOW_MS).toISOString();
  for (const r of rows) {
    if (!institutions.includes(r.institution) || !(JSON.parse(r.events) as string[]).includes(e.type)) continue;
    const id = randomUUID();
    const body = JSON.stringify({ id, type: e.type, caseId: e.caseId, reference: r.reference, programme: r.programme, at: e.at, ...e.data });
    insert.run(id, r.endpointId, e.caseId, e.type, body, e.at, e.at, until);
    written++;
  }
  const wake = listeners.get(tx);
  if (written && wake) setImmediate(wake);
  return written;
}

/** The events a workflow step reports: every accepted step moves the case; some are objections too. */
export function enqueueCaseEvent(tx: Db, s: { caseId: number; at: string; event: string; from: string; to: string; version: number }): void {
  const data = { event: s.event, from: s.from, to: s.to, version: s.version };
  enqueueWebhooks(tx, { type: 'case.moved', caseId: s.caseId, at: s.at, data });
  // 公示 objections recorded by the commerce department (政策 六.一: the notice period).
  if (s.event.endsWith('record-objection')) enqueueWebhooks(tx, { type: 'notice.objection', caseId: s.caseId, at: s.at, data });
}
