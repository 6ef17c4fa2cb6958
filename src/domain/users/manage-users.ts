import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { hashPassword } from '../auth/passwords';
import type { CurrentUser } from '../auth/current-user';
import { revokeCredentials } from '../auth/sessions';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { requireRole } from '../policy';
import { passwordResetSchema, staffUserSchema } from './schemas';

export async function createStaffUser(deps: Deps, admin: CurrentUser, input: unknown) {
  requireRole(admin, 'admin');
  const parsed = staffUserSchema.safeParse(input);
  if (!parsed.success) throw validationError(staffUserSchema, parsed.error.issues, input);
  const v = parsed.data;
  const passwordHash = await hashPassword(v.password, deps.config.SCRYPT_LOG_N);
  const institutionCode = v.institutionCode; // checked against the registry's roles (schemas.ts)
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, v.email)).get()) {
      throw new AppError('CONFLICT', '该邮箱已存在 / This email is already in use.', { fields: { email: 'taken' } });
    }
    const user = tx.insert(users).values({ email: v.email, name: v.name, passwordHash, role: v.role, institutionCode, createdAt: at }).returning().get();
    appendAudit(tx, { at, kind: 'admin', actorId: admin.id, actorName: admin.email, actorRole: 'admin', type: 'user.created', data: { userId: user.id, email: user.email, role: user.role, institutionCode } });
    return user;
  });
}

/** Disabling cuts the user off at once: sessions are deleted and tokens stop working. */
export function setUserDisabled(deps: Deps, admin: CurrentUser, userId: number, disabled: boolean): void {
  requireRole(admin, 'admin');
  if (userId === admin.id && disabled) throw new AppError('UNPROCESSABLE', '不能停用自己的账户 / You cannot disable your own account.');
  const at = iso(deps.clock.now());
  writeTx(deps.db, (tx) => {
    const n = tx.update(users).set({ disabledAt: disabled ? at : null }).where(eq(users.id, userId)).run().changes;
    if (n !== 1) throw new AppError('NOT_FOUND', 'No such user.');
    // Revoked, not only refused while disabled: re-enabling must not revive the old tokens.
    if (disabled) revokeCredentials(tx, userId, at);
    appendAudit(tx, { at, kind: 'admin', actorId: admin.id, actorName: admin.email, actorRole: 'admin', type: disabled ? 'user.disabled' : 'user.enabled', data: { userId } });
  });
}

export async function resetPassword(deps: Deps, admin: CurrentUser, userId: number, input: unknown): Promise<void> {
  requireRole(admin, 'admin');
  const parsed = passwordResetSchema.safeParse(input);
  if (!parsed.success) throw validationError(passwordResetSchema, parsed.error.issues, input);
  const passwordHash = await hashPassword(parsed.data.password, deps.config.SCRYPT_LOG_N);
  const at = iso(deps.clock.now());
  writeTx(deps.db, (tx) => {
    const n = tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run().changes;
    if (n !== 1) throw new AppError('NOT_FOUND', 'No such user.');
    revokeCredentials(tx, userId, at); // a reset password ends every old session and bearer token
    appendAudit(tx, { at, kind: 'admin', actorId: admin.id, actorName: admin.email, actorRole: 'admin', type: 'user.password-reset', data: { userId } });
  });
}
