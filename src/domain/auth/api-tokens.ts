import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { apiTokens, users } from '../../db/schema/index';
import { iso, type Deps } from '../deps';
import { userFromRow, type CurrentUser } from './current-user';
import { randomToken, sha256 } from './sessions';

const TOKEN_DAYS = 30;

/** Issues a bearer token for an authenticated user; only its hash is stored. */
export function issueApiToken(deps: Deps, userId: number): { token: string; expiresAt: string } {
  const now = deps.clock.now();
  const token = `cj_${randomToken()}`;
  const expiresAt = iso(new Date(now.getTime() + TOKEN_DAYS * 86_400_000));
  deps.db.insert(apiTokens).values({ userId, tokenHash: sha256(token), createdAt: iso(now), expiresAt }).run();
  return { token, expiresAt };
}

export function userForApiToken(deps: Deps, token: string): CurrentUser | null {
  const q = preparedQuery(deps.db, 'user-for-token', (db) => db
    .select({ u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(
      eq(apiTokens.tokenHash, sql.placeholder('hash')),
      isNull(apiTokens.revokedAt),
      gt(apiTokens.expiresAt, sql.placeholder('now')),
      isNull(users.disabledAt),
    ))
    .prepare());
  const row = q.get({ hash: sha256(token), now: iso(deps.clock.now()) });
  return row ? userFromRow(row.u) : null;
}

export function revokeApiToken(deps: Deps, userId: number, token: string): boolean {
  const n = deps.db.update(apiTokens).set({ revokedAt: iso(deps.clock.now()) })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
  return n === 1;
}
