import { Hono, type Context } from 'hono';
import { AppError } from '../domain/errors';
import { listUsers } from '../domain/users/list-users';
import { createStaffUser, resetPassword, setUserDisabled } from '../domain/users/manage-users';
import { requireRole } from '../domain/policy';
import type { AppEnv } from '../env';
import { AdminUsersPage } from '../../views/pages/admin-users';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

const title = (c: Context<AppEnv>) => (c.var.locale === 'zh' ? '用户管理' : 'Users');

function page(c: Context<AppEnv>, extra: { values?: Record<string, string>; errors?: Record<string, string>; error?: string; notice?: string } = {}, status: 200 | 422 = 200) {
  const admin = requireRole(c.var.user, 'admin');
  return renderPage(c, title(c), <AdminUsersPage locale={c.var.locale} users={listUsers(c.var.deps, admin)} selfId={admin.id} csrfToken={c.var.csrfToken} {...extra} />, status);
}

const userId = (c: Context<AppEnv>): number => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  return id;
};

export const adminRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => { requireRole(c.var.user, 'admin'); await next(); })
  .get('/users', (c) => page(c))
  .post('/users', async (c) => {
    const body = (await c.req.parseBody()) as Record<string, string>;
    try {
      await createStaffUser(c.var.deps, c.var.user!, body);
      return page(c, { notice: c.var.locale === 'zh' ? `已创建 ${body.email}` : `Created ${body.email}` });
    } catch (err) {
      if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
      const { password: _pw, _csrf, ...values } = body;
      return page(c, { values, errors: fieldMessages(err, c.var.locale), error: messageOf(err, c.var.locale) }, 422);
    }
  })
  .post('/users/:id/disable', (c) => { setUserDisabled(c.var.deps, c.var.user!, userId(c), true); return c.redirect('/admin/users', 303); })
  .post('/users/:id/enable', (c) => { setUserDisabled(c.var.deps, c.var.user!, userId(c), false); return c.redirect('/admin/users', 303); })
  .post('/users/:id/password', async (c) => {
    const body = await c.req.parseBody();
    await resetPassword(c.var.deps, c.var.user!, userId(c), { password: typeof body.password === 'string' ? body.password : '' });
    return page(c, { notice: c.var.locale === 'zh' ? '密码已重置' : 'Password reset' });
  });
