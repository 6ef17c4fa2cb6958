import { and, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { takeAnonymousBudget } from '../audit/anonymous-budget';
import { iso, type Deps } from '../deps';
import { AppError } from '../errors';
import { userFromRow, type CurrentUser } from './current-user';
import { dummyPasswordHash, verifyPassword } from './passwords';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 10;
const MAX_FAILURES_PER_ADDRESS = 50;
/** After this many failures an answer is slowed down before the account is locked. */
const SLOW_AFTER = 5;
const SLOW_MS = 250;

const BAD_CREDENTIALS = '邮箱或密码不正确 / Wrong email or password.';
const ACCOUNT_DISABLED = '此账户已停用，请联系系统管理员 / This account has been disabled; ask your administrator.';

function failuresSince(db: Deps['db'], column: 'email' | 'ip', value: string, since: string): number {
  const col = column === 'email' ? loginAttempts.email : loginAttempts.ip;
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(eq(col, value), eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .get();
  return row?.n ?? 0;
}

const THROTTLED = '尝试次数过多，请15分钟后再试 / Too many failed attempts; try again in 15 minutes.';

/**
 * Checks a password login (API.md, throttling). The attempt is reserved — counted as a failure
 * — in one write transaction before the password is hashed, so concurrent wrong attempts for
 * one account can never get more than MAX_FAILURES_PER_ACCOUNT answers of 401; a right
 * password turns the reservation into a success. An address over its own limit (many accounts
 * tried from one place) is slowed down and gets 429 for wrong passwords, but a right password
 * still signs in: behind a proxy or NAT many people share one address. Refused attempts are
 * not counted again, so waiting out the window always ends a lock.
 */
export async function authenticate(deps: Deps, emailRaw: string, password: string, ip: string): Promise<CurrentUser> {
  const email = emailRaw.trim().toLowerCase().slice(0, 254);
  const now = deps.clock.now();
  const at = iso(now);
  const since = iso(new Date(now.getTime() - WINDOW_MS));
  const reserved = writeTx(deps.db, (tx) => {
    const accountFailures = failuresSince(tx, 'email', email, since);
    if (accountFailures >= MAX_FAILURES_PER_ACCOUNT) return null;
    const id = tx.insert(loginAttempts).values({ email, ip, success: false, at }).returning({ id: loginAttempts.id }).get().id;
    return { id, accountFailures, addressOver: failuresSince(tx, 'ip', ip, since) > MAX_FAILURES_PER_ADDRESS };
  });
  if (!reserved) {
    audit(deps, { email, ip, type: 'login.throttled' });
    throw new AppError('TOO_MANY_REQUESTS', THROTTLED);
  }
  if (reserved.accountFailures >= SLOW_AFTER || reserved.addressOver) await new Promise((r) => setTimeout(r, SLOW_MS));

  const row = deps.db.select().from(users).where(eq(users.email, email)).get();
  // Hash even for an unknown account, so the answer time does not reveal which emails exist.
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyPasswordHash(deps.config.SCRYPT_LOG_N)));
  if (!row || !ok) {
    audit(deps, { email, ip, type: 'login.failed', userId: row?.id });
    if (reserved.addressOver) throw new AppError('TOO_MANY_REQUESTS', THROTTLED);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (row.disabledAt) {
    // Only the holder of the right password learns the account is disabled, so the answer
    // reveals nothing to someone guessing; the holder learns whom to ask instead of retrying.
    audit(deps, { email, ip, type: 'login.disabled', userId: row.id });
    throw new AppError('UNAUTHENTICATED', ACCOUNT_DISABLED);
  }
  writeTx(deps.db, (tx) => {
    tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, reserved.id)).run();
    appendAudit(tx, { at: iso(deps.clock.now()), kind: 'auth', actorId: row.id, actorName: email, actorRole: row.role, type: 'login.succeeded', data: { ip } });
  });
  return userFromRow(row);
}

/** A refused attempt in the audit chain, within the address's budget for anonymous refusals. */
function audit(deps: Deps, e: { email: string; ip: string; type: string; userId?: number }): void {
  const now = deps.clock.now();
  const budget = takeAnonymousBudget(deps.db, e.ip, now.getTime());
  if (!budget.ok) return;
  writeTx(deps.db, (tx) => appendAudit(tx, {
    at: iso(now), kind: 'auth', actorId: e.userId ?? null, actorName: e.email, actorRole: 'anonymous',
    type: e.type, data: { ip: e.ip, ...(budget.skipped ? { earlierRefusalsNotRecorded: budget.skipped } : {}) },
  }));
}
