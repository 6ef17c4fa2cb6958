import type { Db } from '../../db/client';
import { auditHash, canonicalAudit, GENESIS_HASH } from './append-audit';

export interface ChainCheck { ok: boolean; checked: number; firstBadId: number | null }

/** Recomputes every row's hash and link; names the first row that does not match. */
export function verifyAuditChain(db: Db): ChainCheck {
  const stmt = db.$client.prepare(
    `select id, at, kind, case_id as caseId, actor_id as actorId, actor_name as actorName, actor_role as actorRole,
            type, from_state as fromState, to_state as toState, version, comment, data, prev_hash as prevHash, hash
       from audit_events order by id`,
  );
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const row of stmt.iterate() as Iterable<any>) {
    checked++;
    if (row.prevHash !== prev || auditHash(canonicalAudit(row)) !== row.hash) {
      return { ok: false, checked, firstBadId: row.id };
    }
    prev = row.hash;
  }
  return { ok: true, checked, firstBadId: null };
}
