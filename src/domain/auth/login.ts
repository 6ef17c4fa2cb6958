import { and, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { userFromRow, type CurrentUser } from './current-user';
import { dummyPasswordHash, verifyPassword } from './passwords';

const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;
/** After this many failures an answer is slowed down before the account is locked. */
const SLOW_AFTER = 5;
const SLOW_MS = 250;

const BAD_CREDENTIALS = '邮箱或密码不正确 / Wrong email or password.';
const ACCOUNT_DISABLED = '此账户已停用，请联系系统管理员 / This account has been disabled; ask your administrator.';

function failuresSince(deps: Deps, column: 'email' | 'ip', value: string, since: string): number {
  const col = column === 'email' ? loginAttempts.email : loginAttempts.ip;
  const row = deps.db
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(eq(col, value), eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .get();
  return row?.n ?? 0;
}

/**
 * Checks a password login. Refuses with 429 once an account (or an address) has failed too
 * often in the window; every attempt is recorded.
 */
export async function authenticate(deps: Deps, emailRaw: string, password: string, ip: string): Promise<CurrentUser> {
  const email = emailRaw.trim().toLowerCase();
  const now = deps.clock.now();
  const since = iso(new Date(now.getTime() - WINDOW_MS));
  const accountFailures = failuresSince(deps, 'email', email, since);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || failuresSince(deps, 'ip', ip, since) >= MAX_FAILURES_PER_ADDRESS) {
    record(deps, email, ip, false, 'login.throttled');
    throw new AppError('TOO_MANY_REQUESTS', '尝试次数过多，请15分钟后再试 / Too many failed attempts; try again in 15 minutes.');
  }
  if (accountFailures >= SLOW_AFTER) await new Promise((r) => setTimeout(r, SLOW_MS));

  const row = email.length <= 254 ? deps.db.select().from(users).where(eq(users.email, email)).get() : undefined;
  // Hash even for an unknown account, so the answer time does not reveal which emails exist.
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyPasswordHash(deps.config.SCRYPT_LOG_N)));
  if (!row || !ok) {
    record(deps, email, ip, false, 'login.failed', row?.id);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (row.disabledAt) {
    // Only the holder of the right password learns the account is disabled, so the answer
    // reveals nothing to someone guessing; the holder learns whom to ask instead of retrying.
    record(deps, email, ip, false, 'login.disabled', row.id);
    throw new AppError('UNAUTHENTICATED', ACCOUNT_DISABLED);
  }
  record(deps, email, ip, true, 'login.succeeded', row.id, row.role);
  return userFromRow(row);
}

function record(deps: Deps, email: string, ip: string, success: boolean, type: string, userId?: number, role?: string): void {
  const at = iso(deps.clock.now());
  writeTx(deps.db, (tx) => {
    tx.insert(loginAttempts).values({ email: email.slice(0, 254), ip, success, at }).run();
    appendAudit(tx, {
      at, kind: 'auth', actorId: userId ?? null, actorName: email.slice(0, 254), actorRole: role ?? 'anonymous',
      type, data: { ip },
    });
  });
}
