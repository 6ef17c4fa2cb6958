// A colleague of the same enterprise joins through a one-time link that the inviter hands over
// (there is no e-mail sending). The link's secret is stored only as a hash, inside the
// password-hash column: while it is there no password can match it, and setting a password
// overwrites it, which is what makes the link single-use without another table.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { hashPassword } from '../auth/passwords';
import { userFromRow, type CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { requireRole } from '../policy';

const INVITE_DAYS = 7;
const PREFIX = 'invite$';

export const inviteSchema = z.object({
  email: z.email().max(200).transform((s) => s.toLowerCase()).describe('电子邮箱 / Email'),
  name: z.string().trim().min(1).max(100).describe('姓名 / Name'),
}).strict();

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates the colleague's account (no usable password yet) and returns the link to give them. */
export function inviteColleague(deps: Deps, inviter: CurrentUser, input: unknown) {
  requireRole(inviter, 'applicant');
  if (!inviter.enterpriseId) throw new AppError('FORBIDDEN', 'Your account is not linked to an enterprise.');
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw validationError(inviteSchema, parsed.error.issues, input);
  const { email, name } = parsed.data;
  const secret = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expires = iso(new Date(now.getTime() + INVITE_DAYS * 86400_000));
  const user = writeTx(deps.db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new AppError('CONFLICT', '该邮箱已有账户 / This email already has an account.', { fields: { email: 'taken' } });
    }
    const u = tx.insert(users).values({
      email, name, role: 'applicant', enterpriseId: inviter.enterpriseId, passwordHash: `${PREFIX}${sha(secret)}$${expires}`,
      locale: inviter.locale, createdAt: iso(now),
    }).returning().get();
    appendAudit(tx, {
      at: iso(now), kind: 'admin', actorId: inviter.id, actorName: inviter.name, actorRole: inviter.role,
      type: 'user.invited', data: { userId: u.id, email, enterpriseId: inviter.enterpriseId, expires },
    });
    return u;
  });
  return { userId: user.id, email, expires, path: `/invite/${user.id}.${secret}` };
}

/** The invited account behind a link, if the link is genuine, unused and not expired. */
export function findInvitation(deps: Deps, token: string) {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const row = deps.db.select().from(users).where(eq(users.id, Number(m[1]))).get();
  if (!row?.passwordHash.startsWith(PREFIX) || row.disabledAt) return null;
  const [, hash, expires] = row.passwordHash.split('$');
  const ok = hash !== undefined && timingSafeEqual(Buffer.from(hash), Buffer.from(sha(m[2]!)));
  if (!ok || !expires || expires < iso(deps.clock.now())) return null;
  return row;
}

/** Sets the colleague's password; the link stops working in the same write. */
export async function acceptInvitation(deps: Deps, token: string, password: string): Promise<CurrentUser> {
  const row = findInvitation(deps, token);
  if (!row) throw new AppError('NOT_FOUND', '邀请链接无效或已使用 / This invitation link is not valid or was already used.');
  const hash = await hashPassword(password, deps.config.SCRYPT_LOG_N);
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    // Compare-and-swap on the old value: two tabs using the same link cannot both succeed.
    const updated = tx.update(users).set({ passwordHash: hash })
      .where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash))).returning().get();
    if (!updated) throw new AppError('NOT_FOUND', '邀请链接已使用 / This invitation link was already used.');
    appendAudit(tx, {
      at, kind: 'auth', actorId: row.id, actorName: row.name, actorRole: row.role, type: 'user.invitation-accepted',
      data: { userId: row.id, enterpriseId: row.enterpriseId },
    });
    return userFromRow(updated);
  });
}

/** The enterprise's users, for the team page. */
export function enterpriseColleagues(deps: Deps, enterpriseId: number) {
  return deps.db.select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, createdAt: users.createdAt })
    .from(users).where(eq(users.enterpriseId, enterpriseId)).all()
    .map(({ passwordHash, ...u }) => ({ ...u, pending: passwordHash.startsWith(PREFIX) }));
}
