import { eq } from 'drizzle-orm';
import { decisions } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { recordDownload } from '../decisions/decision-pdf';
import type { WorkbenchFilter } from '../workbench/case-filter';
import { filteredDecisions } from './auditor-cases';
import { zipStream } from './zip-writer';

/**
 * The decision letters of a filtered set as one ZIP, streamed one PDF at a time. The download
 * is recorded before the first byte leaves, with every decision number in it: what an auditor
 * took away is in the chain even if the transfer is interrupted.
 */
export async function decisionsZip(deps: Deps, user: CurrentUser, filter: WorkbenchFilter) {
  const files = await filteredDecisions(deps, user, filter);
  const entries = files.map((f) => ({
    name: `${f.caseReference}/${f.number}.pdf`, size: f.size, modifiedAt: f.issuedAt, item: f.id,
  }));
  const { stream, length } = zipStream(entries, async (id) => {
    const row = deps.db.select({ pdf: decisions.pdf }).from(decisions).where(eq(decisions.id, id)).get();
    return new Uint8Array(row!.pdf!);
  });
  recordDownload(deps, user, {
    caseId: null, type: 'decisions.zip-downloaded',
    data: { filter: { ...filter, cursor: undefined }, count: files.length, bytes: length, numbers: files.map((f) => f.number) },
  });
  return { stream, length, count: files.length };
}
