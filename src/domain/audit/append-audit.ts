import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema/index';

export interface AuditEntry {
  at: string;
  kind: string;
  caseId?: number | null;
  actorId?: number | null;
  actorName: string;
  actorRole: string;
  type: string;
  fromState?: string | null;
  toState?: string | null;
  version?: number | null;
  comment?: string | null;
  data?: unknown;
}

const AUDIT_COLUMNS = ['at', 'kind', 'caseId', 'actorId', 'actorName', 'actorRole', 'type', 'fromState', 'toState', 'version', 'comment', 'data', 'prevHash', 'hash'] as const;

const insertAudit = (tx: Db) => preparedQuery(tx, 'audit-insert', (db) => db.insert(auditEvents)
  .values(Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, sql.placeholder(c)])) as never).prepare());

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical content of a row: fixed field order, so the hash can be recomputed from the table. */
export function canonicalAudit(row: {
  at: string; kind: string; caseId: number | null; actorId: number | null; actorName: string; actorRole: string;
  type: string; fromState: string | null; toState: string | null; version: number | null; comment: string | null;
  data: string | null; prevHash: string;
}): string {
  return JSON.stringify([
    row.at, row.kind, row.caseId, row.actorId, row.actorName, row.actorRole, row.type,
    row.fromState, row.toState, row.version, row.comment, row.data, row.prevHash,
  ]);
}

export function auditHash(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one row to the chain. Must run inside a write transaction (writeTx), so that the
 * previous hash read here is still the last one when the row is inserted.
 */
export function appendAudit(tx: Db, e: AuditEntry): number {
  const last = preparedQuery(tx, 'audit-last-hash', (db) => db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).prepare()).get();
  const row = {
    at: e.at,
    kind: e.kind,
    caseId: e.caseId ?? null,
    actorId: e.actorId ?? null,
    actorName: e.actorName,
    actorRole: e.actorRole,
    type: e.type,
    fromState: e.fromState ?? null,
    toState: e.toState ?? null,
    version: e.version ?? null,
    comment: e.comment ?? null,
    data: e.data === undefined ? null : JSON.stringify(e.data),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(canonicalAudit(row));
  return Number(insertAudit(tx).run({ ...row, hash }).lastInsertRowid);
}
