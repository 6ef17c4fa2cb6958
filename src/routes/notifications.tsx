// In-app notifications (written by the engine on every state change), with mark-as-read.
import { Hono } from 'hono';
import { listNotifications, markNotificationsRead } from '../domain/notifications/list-notifications';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { NotificationsPage } from '../../views/portal/notifications';
import { isHtmx, renderPage } from './render';

const signedIn = (u: AppEnv['Variables']['user']) => {
  if (!u) throw new AppError('UNAUTHENTICATED');
  return u;
};

export const notificationRoutes = new Hono<AppEnv>()
  .get('/notifications', (c) => {
    const user = signedIn(c.var.user);
    // Staff follow cases on their workbench; the link goes where each role reads a case.
    const casePath = user.role === 'applicant' ? '/portal/cases' : '/workbench/cases';
    return renderPage(c, c.var.locale === 'zh' ? '通知' : 'Notifications',
      <NotificationsPage items={listNotifications(c.var.deps, user.id)} casePath={casePath} csrfToken={c.var.csrfToken} locale={c.var.locale} />);
  })
  .post('/notifications/read-all', (c) => {
    markNotificationsRead(c.var.deps, signedIn(c.var.user).id, null);
    return isHtmx(c) ? c.body(null, 204) : c.redirect('/notifications', 303);
  })
  .post('/notifications/:id/read', (c) => {
    const user = signedIn(c.var.user);
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
    markNotificationsRead(c.var.deps, user.id, id);
    return isHtmx(c) ? c.body(null, 204) : c.redirect('/notifications', 303);
  });
