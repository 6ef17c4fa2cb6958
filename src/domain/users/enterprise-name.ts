import { eq } from 'drizzle-orm';
import { enterprises } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';

/** The name of the applicant's own enterprise, shown on its portal from the first page, before any case exists. */
export function ownEnterpriseName(deps: Deps, user: CurrentUser): string {
  if (!user.enterpriseId) return '';
  return deps.db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, user.enterpriseId)).get()?.name ?? '';
}
