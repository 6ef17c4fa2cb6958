import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { apiTokens, sessions, users } from '../../db/schema/index';
import { iso, type Deps } from '../deps';
import { userFromRow, type CurrentUser } from './current-user';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
/** 256-bit random, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export interface SessionInfo { user: CurrentUser; csrfToken: string; idHash: string }

/** A new id at every login (no fixation); only its hash is stored. */
export function createSession(deps: Deps, userId: number): { cookieValue: string; csrfToken: string } {
  const now = deps.clock.now();
  const cookieValue = randomToken();
  const csrfToken = randomToken();
  const expires = new Date(now.getTime() + deps.config.SESSION_ABSOLUTE_HOURS * 3600_000);
  deps.db.insert(sessions).values({
    idHash: sha256(cookieValue), userId, csrfToken, createdAt: iso(now), lastSeenAt: iso(now), expiresAt: iso(expires),
  }).run();
  return { cookieValue, csrfToken };
}

/** The live session of a cookie: not expired (idle or absolute), user not disabled. Touches it. */
export function loadSession(deps: Deps, cookieValue: string): SessionInfo | null {
  const idHash = sha256(cookieValue);
  const row = preparedQuery(deps.db, 'session-by-hash', (db) => db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder('hash')), isNull(users.disabledAt)))
    .prepare()).get({ hash: idHash });
  if (!row) return null;
  const now = deps.clock.now();
  const idleLimit = new Date(row.s.lastSeenAt).getTime() + deps.config.SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() > idleLimit || now.toISOString() > row.s.expiresAt) {
    deps.db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
    return null;
  }
  // Touch at most once a minute: a page view should not always be a write.
  if (now.getTime() - new Date(row.s.lastSeenAt).getTime() > 60_000) {
    deps.db.update(sessions).set({ lastSeenAt: iso(now) }).where(eq(sessions.idHash, idHash)).run();
  }
  return { user: userFromRow(row.u), csrfToken: row.s.csrfToken, idHash };
}

export function destroySession(deps: Deps, cookieValue: string): void {
  deps.db.delete(sessions).where(eq(sessions.idHash, sha256(cookieValue))).run();
}

/**
 * Every session and bearer token of the user ends, in the caller's transaction: a password
 * reset, a disabled account or a change of role or institution must not leave an old
 * credential working (a re-enabled account signs in afresh; its old tokens stay revoked).
 */
export function revokeCredentials(tx: Deps['db'], userId: number, at: string): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  tx.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).run();
}
