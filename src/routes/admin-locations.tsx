import { Hono, type Context } from 'hono';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import { addDesignatedLocation } from '../domain/reference/add-designated-location';
import { inForceAt, listDesignatedLocations } from '../domain/reference/designated-locations';
import { endDesignatedLocation } from '../domain/reference/end-designated-location';
import type { AppEnv } from '../env';
import { AdminLocationsPage } from '../../views/pages/admin-locations';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

type Extra = Partial<Parameters<typeof AdminLocationsPage>[0]>;

function page(c: Context<AppEnv>, extra: Extra = {}, status: 200 | 422 = 200) {
  requireRole(c.var.user, 'admin');
  const now = c.var.deps.clock.now();
  const locations = listDesignatedLocations(c.var.deps.db).map((l) => ({ ...l, inForce: inForceAt(l, now) }));
  return renderPage(c, c.var.locale === 'zh' ? '重点承接地名单' : 'Key undertaking locations',
    <AdminLocationsPage locale={c.var.locale} csrfToken={c.var.csrfToken} locations={locations} {...extra} />, status);
}

const strings = (body: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.map((n) => [n, typeof body[n] === 'string' ? (body[n] as string) : '']));

/** A refusal shown on the form it concerns, at its fields, in the reader's language. */
function refused(c: Context<AppEnv>, err: unknown, form: 'add' | 'end', values: Record<string, string>) {
  if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
  return page(c, { form, values, errors: fieldMessages(err, c.var.locale), error: messageOf(err, c.var.locale) }, 422);
}

/** The admin keeps the list of key undertaking locations (重点承接地): add, end; audited. */
export const adminLocationRoutes = new Hono<AppEnv>()
  .get('/admin/locations', (c) => page(c))
  .post('/admin/locations', async (c) => {
    requireRole(c.var.user, 'admin');
    const values = strings(await c.req.parseBody(), ['province', 'city', 'designatedOn', 'endsOn']);
    try {
      const row = addDesignatedLocation(c.var.deps, c.var.user!, values);
      return page(c, { notice: c.var.locale === 'zh' ? `已新增 ${row.province} ${row.city}` : `Added ${row.province} ${row.city}` });
    } catch (err) {
      return refused(c, err, 'add', values);
    }
  })
  .post('/admin/locations/end', async (c) => {
    requireRole(c.var.user, 'admin');
    const values = strings(await c.req.parseBody(), ['locationId', 'endsOn']);
    try {
      const id = Number(values.locationId);
      if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('UNPROCESSABLE', '请选择承接地 / Choose a location', { byField: { locationId: { zh: '请选择承接地', en: 'Choose a location' } } });
      const row = endDesignatedLocation(c.var.deps, c.var.user!, id, { endsOn: values.endsOn });
      return page(c, { notice: c.var.locale === 'zh' ? `${row.province} ${row.city} 自 ${row.endsOn} 起终止` : `${row.province} ${row.city} ends on ${row.endsOn}` });
    } catch (err) {
      return refused(c, err, 'end', values);
    }
  });
