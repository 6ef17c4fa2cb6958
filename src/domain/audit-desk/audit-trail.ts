import { and, asc, gte, lt } from 'drizzle-orm';
import { csvCell } from '../csv/csv-cell';
import { auditEvents } from '../../db/schema/index';
import { listAudit } from '../audit/list-audit';
import { verifyAuditChain, type ChainCheck } from '../audit/verify-audit-chain';
import type { CurrentUser } from '../auth/current-user';
import { visibleCase } from '../cases/load-case';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { requireRole } from '../policy';
import { recordDownload } from '../decisions/decision-pdf';
import { beijingDateTimeSeconds, beijingDayEnd, beijingDayStart } from '../../../workflows/display-format';
import { auditKindLabel, dataLines, eventLabel, roleLabel, stateLabel } from '../../../workflows/labels';

/** A page of the audit trail, of one case or of the whole system (the chain check is auditChainCheck). */
export function auditTrailPage(deps: Deps, user: CurrentUser | null, q: { caseId?: number; cursor?: string; limit?: number }) {
  const auditor = requireRole(user, 'auditor');
  if (q.caseId) visibleCase(deps, auditor, q.caseId);
  return listAudit(deps, auditor, { caseId: q.caseId, cursor: q.cursor, limit: q.limit ?? 50 });
}

/**
 * The whole chain rehashed: a trail shown without this would invite trust it has not earned.
 * Always the full chain, even beside one case's rows, since a case's rows are linked to all others.
 */
export function auditChainCheck(deps: Deps, user: CurrentUser | null): ChainCheck {
  requireRole(user, 'auditor');
  return verifyAuditChain(deps.db);
}

const day = /^\d{4}-\d{2}-\d{2}$/;

/** [from, to] as whole Beijing days (the dates people mean); refuses nonsense rather than exporting an empty file silently. */
function dateRange(from: string | undefined, to: string | undefined): { start: string; end: string } {
  if (!from || !to || !day.test(from) || !day.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
    throw new AppError('BAD_REQUEST', '请选择起止日期（YYYY-MM-DD）/ Choose a start and end date (YYYY-MM-DD).');
  }
  if (from > to) throw new AppError('BAD_REQUEST', '开始日期晚于结束日期 / The start date is after the end date.');
  return { start: beijingDayStart(from), end: beijingDayEnd(to) };
}

// The stored values first (the chain is recomputed from them), then the same record in words.
const CSV_COLUMNS = ['id', 'at', 'kind', 'case_id', 'actor_id', 'actor', 'role', 'type', 'from', 'to', 'version', 'comment', 'data', 'prev_hash', 'hash',
  '时间（北京时间） Beijing time', '类别 Kind', '事项 Entry', '办理人角色 Role', '原状态 From', '新状态 To', '内容 Details'];

const both = (b: { zh: string; en: string }) => `${b.zh} / ${b.en}`;

/**
 * The audit rows of a date range as CSV, oldest first, UTF-8 with a BOM (so that Excel in a
 * Chinese locale reads the names correctly), produced in chunks of rows as the stream is read.
 */
function auditCsv(deps: Deps, user: CurrentUser, range: { start: string; end: string }): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const CHUNK = 500;
  let afterId = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(`\uFEFF${CSV_COLUMNS.map(csvCell).join(',')}\r\n`));
        return;
      }
      const rows = deps.db.select().from(auditEvents)
        .where(and(gte(auditEvents.at, range.start), lt(auditEvents.at, range.end), gte(auditEvents.id, afterId + 1)))
        .orderBy(asc(auditEvents.id)).limit(CHUNK).all();
      if (rows.length === 0) { controller.close(); return; }
      afterId = rows[rows.length - 1]!.id;
      controller.enqueue(enc.encode(rows.map((r) => [
        r.id, r.at, r.kind, r.caseId, r.actorId, r.actorName, r.actorRole, r.type, r.fromState, r.toState, r.version, r.comment, r.data, r.prevHash, r.hash,
        beijingDateTimeSeconds(r.at), both(auditKindLabel(r.kind)), both(eventLabel(r.type)), both(roleLabel(r.actorRole)),
        r.fromState ? both(stateLabel(r.fromState)) : '', r.toState ? both(stateLabel(r.toState)) : '',
        r.data ? dataLines(JSON.parse(r.data), 'zh', 30).join('；') : '',
      ].map(csvCell).join(',')).join('\r\n') + '\r\n'));
    },
  });
}

/** GET /audit/trail.csv: an auditor's export of a date range, itself recorded in the chain. */
export function exportAuditCsv(deps: Deps, user: CurrentUser | null, q: { from?: string; to?: string }) {
  const auditor = requireRole(user, 'auditor');
  const range = dateRange(q.from, q.to);
  recordDownload(deps, auditor, { caseId: null, type: 'audit.csv-exported', data: { from: q.from, to: q.to } });
  return { stream: auditCsv(deps, auditor, range), filename: `audit-${q.from}-${q.to}.csv` };
}
