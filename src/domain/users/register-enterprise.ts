import { eq } from 'drizzle-orm';
import { enterprises, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { hashPassword } from '../auth/passwords';
import { userFromRow, type CurrentUser } from '../auth/current-user';
import { iso, type Deps } from '../deps';
import { AppError, validationError } from '../errors';
import { registrationSchema } from './schemas';

/** A person registers an enterprise and becomes its first applicant user. */
export async function registerEnterprise(deps: Deps, input: unknown): Promise<CurrentUser> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) throw validationError(registrationSchema, parsed.error.issues, input);
  const r = parsed.data;
  const passwordHash = await hashPassword(r.password, deps.config.SCRYPT_LOG_N);
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, r.email)).get()) {
      throw new AppError('CONFLICT', '该邮箱已注册 / This email is already registered.', { fields: { email: 'taken' } });
    }
    if (tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, r.creditCode)).get()) {
      throw new AppError('CONFLICT', '该统一社会信用代码已注册 / An enterprise with this credit code is already registered.', { fields: { creditCode: 'taken' } });
    }
    const ent = tx.insert(enterprises).values({
      name: r.enterpriseName, creditCode: r.creditCode, province: r.province, city: r.city, industry: r.industry,
      customsCode: r.customsCode, contactName: r.contactName, contactPhone: r.contactPhone, contactEmail: r.email, createdAt: at,
    }).returning().get();
    const user = tx.insert(users).values({
      email: r.email, name: r.contactName, passwordHash, role: 'applicant', enterpriseId: ent.id, createdAt: at,
    }).returning().get();
    appendAudit(tx, {
      at, kind: 'admin', actorId: user.id, actorName: user.email, actorRole: 'applicant', type: 'enterprise.registered',
      data: { enterpriseId: ent.id, name: ent.name, creditCode: ent.creditCode, province: ent.province },
    });
    return userFromRow(user);
  });
}
