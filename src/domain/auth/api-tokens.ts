import { and, eq, gt, isNull } from 'drizzle-orm';
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
  const row = deps.db
    .select({ u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(
      eq(apiTokens.tokenHash, sha256(token)),
      isNull(apiTokens.revokedAt),
      gt(apiTokens.expiresAt, iso(deps.clock.now())),
      isNull(users.disabledAt),
    ))
    .get();
  return row ? userFromRow(row.u) : null;
}

export function revokeApiToken(deps: Deps, userId: number, token: string): boolean {
  const n = deps.db.update(apiTokens).set({ revokedAt: iso(deps.clock.now()) })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
  return n === 1;
}
