import { Hono, type Context } from 'hono';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import { listDeliveries, listEndpoints, registerEndpoint, removeEndpoint, replayDelivery, visibleEndpoint } from '../domain/webhooks/manage-endpoints';
import type { AppEnv } from '../env';
import { AdminWebhooksPage } from '../../views/pages/admin-webhooks';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

type Extra = Partial<Parameters<typeof AdminWebhooksPage>[0]>;

function page(c: Context<AppEnv>, extra: Extra = {}, status: 200 | 422 = 200) {
  const admin = requireRole(c.var.user, 'admin');
  const asked = Number(c.req.query('endpoint'));
  const selected = Number.isSafeInteger(asked) && asked > 0 ? visibleEndpoint(c.var.deps, admin, asked) : null;
  return renderPage(c, c.var.locale === 'zh' ? '推送地址' : 'Webhooks', (
    <AdminWebhooksPage locale={c.var.locale} csrfToken={c.var.csrfToken} endpoints={listEndpoints(c.var.deps, admin)}
      selected={selected} deliveries={selected ? listDeliveries(c.var.deps, admin, selected.id) : []} {...extra} />
  ), status);
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? body[name] as string : '');

/** The admin's webhook page: register for an institution (secret shown once), deliveries, replay. */
export const adminWebhookRoutes = new Hono<AppEnv>()
  .get('/admin/webhooks', (c) => page(c))
  .post('/admin/webhooks', async (c) => {
    const admin = requireRole(c.var.user, 'admin');
    const body = await c.req.parseBody({ all: true });
    const events = ([] as unknown[]).concat(body['events[]'] ?? []).filter((e): e is string => typeof e === 'string');
    const values = { url: field(body, 'url'), institution: field(body, 'institution'), events };
    try {
      const secret = registerEndpoint(c.var.deps, admin, { url: values.url, institution: values.institution, events });
      return page(c, { secret });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'UNPROCESSABLE') throw err;
      return page(c, { values, errors: fieldMessages(err, c.var.locale), error: messageOf(err, c.var.locale) }, 422);
    }
  })
  .post('/admin/webhooks/remove', async (c) => {
    const admin = requireRole(c.var.user, 'admin');
    const body = await c.req.parseBody();
    removeEndpoint(c.var.deps, admin, Number(field(body, 'endpoint')));
    return c.redirect('/admin/webhooks', 303);
  })
  .post('/admin/webhooks/replay', async (c) => {
    const admin = requireRole(c.var.user, 'admin');
    const body = await c.req.parseBody();
    const endpoint = Number(field(body, 'endpoint'));
    replayDelivery(c.var.deps, admin, endpoint, field(body, 'delivery').slice(0, 100));
    return c.redirect(`/admin/webhooks?endpoint=${endpoint}#deliveries`, 303);
  });
