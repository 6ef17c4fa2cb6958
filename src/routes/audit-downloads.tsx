import { Hono } from 'hono';
import { downloadCaseFile } from '../domain/audit-desk/case-file';
import { decisionsZip } from '../domain/audit-desk/decisions-zip';
import { auditorCaseFilter } from '../domain/audit-desk/auditor-cases';
import { exportAuditCsv } from '../domain/audit-desk/audit-trail';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { beijingToday } from '../../workflows/display-format';

// RFC 6266: an ASCII fallback name plus the UTF-8 name for browsers that read filename*.
const attachment = (ascii: string, utf8 = ascii) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

/** The auditor's downloads; each one is recorded in the audit chain by the domain verb. */
export const auditDownloadRoutes = new Hono<AppEnv>()
  .get('/audit/cases/:id{[0-9]+}/case-file.pdf', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new AppError('NOT_FOUND');
    const { pdf, filename, asciiFilename } = await downloadCaseFile(c.var.deps, c.var.user, id);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf', 'Content-Disposition': attachment(asciiFilename, filename),
      'Content-Length': String(pdf.length), 'Cache-Control': 'private, no-store',
    });
  })
  .get('/audit/decisions.zip', async (c) => {
    const { user, filter } = auditorCaseFilter(c.var.user, c.req.query());
    const { stream, length, count } = await decisionsZip(c.var.deps, user, filter);
    const name = `decisions-${beijingToday(c.var.deps.clock.now())}.zip`;
    // Content-Length is exact (stored entries), so the browser shows true progress.
    return c.body(stream, 200, {
      'Content-Type': 'application/zip', 'Content-Disposition': attachment(name), 'Content-Length': String(length),
      'X-Decision-Count': String(count), 'Cache-Control': 'private, no-store',
    });
  })
  .get('/audit/trail.csv', (c) => {
    const { stream, filename } = exportAuditCsv(c.var.deps, c.var.user, { from: c.req.query('from'), to: c.req.query('to') });
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(filename), 'Cache-Control': 'private, no-store',
    });
  });
