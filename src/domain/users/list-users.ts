import { asc, eq } from 'drizzle-orm';
import { enterprises, users } from '../../db/schema/index';
import type { CurrentUser } from '../auth/current-user';
import type { Deps } from '../deps';
import { requireRole } from '../policy';

export function listUsers(deps: Deps, admin: CurrentUser) {
  requireRole(admin, 'admin');
  return deps.db
    .select({
      id: users.id, email: users.email, name: users.name, role: users.role, institutionCode: users.institutionCode,
      enterpriseName: enterprises.name, disabledAt: users.disabledAt, createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .orderBy(asc(users.role), asc(users.email))
    .all();
}
