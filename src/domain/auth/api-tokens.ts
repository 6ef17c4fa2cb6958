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

/**
 * Tokens already looked up, by hash: the user, the expiry and the credentials counter they were
 * read under (migration 0018: triggers move it with every change to a token or a user, in that
 * change's transaction). A hit is served only while the counter in the database still has that
 * value, so a revocation by any server process ends the token at every process's next request.
 */
const tokenCache = new WeakMap<Deps['db'], Map<string, { user: CurrentUser; expiresAt: string; epoch: number }>>();
const TOKEN_CACHE_SIZE = 1000;

export function userForApiToken(deps: Deps, token: string): CurrentUser | null {
  const hash = sha256(token);
  const now = iso(deps.clock.now());
  // Read before the lookup, so that a change committed in between only makes the entry older.
  const epoch = preparedQuery(deps.db, 'credentials-epoch', (db) => db.$client.prepare("select value from counters where name = 'credentials'").pluck()).get() as number | undefined;
  let cache = tokenCache.get(deps.db);
  if (!cache) tokenCache.set(deps.db, (cache = new Map()));
  const hit = cache.get(hash);
  if (hit && epoch !== undefined && hit.epoch === epoch && hit.expiresAt > now) return hit.user;
  const q = preparedQuery(deps.db, 'user-for-token', (db) => db
    .select({ u: users, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(
      eq(apiTokens.tokenHash, sql.placeholder('hash')),
      isNull(apiTokens.revokedAt),
      gt(apiTokens.expiresAt, sql.placeholder('now')),
      isNull(users.disabledAt),
    ))
    .prepare());
  const row = q.get({ hash, now });
  if (!row) {
    cache.delete(hash);
    return null;
  }
  const user = userFromRow(row.u);
  // Inside a transaction the counter may still roll back to a value that names other data.
  if (epoch !== undefined && !deps.db.$client.inTransaction) {
    cache.delete(hash);
    if (cache.size >= TOKEN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(hash, { user, expiresAt: row.expiresAt, epoch });
  }
  return user;
}

export function revokeApiToken(deps: Deps, userId: number, token: string): boolean {
  const n = deps.db.update(apiTokens).set({ revokedAt: iso(deps.clock.now()) })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
  return n === 1;
}
