import { Hono, type Context } from 'hono';
import { AppError } from '../domain/errors';
import { fileObjection } from '../domain/notices/file-objection';
import { listNotices } from '../domain/notices/list-notices';
import type { AppEnv } from '../env';
import { clientIp } from '../middleware/client-address';
import { NoticesPage, type ObjectionDraft } from '../../views/notices/notices-page';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

const page = (c: Context<AppEnv>, extra: { filed?: number | null; draft?: ObjectionDraft | null } = {}, status: 200 | 404 | 422 | 429 = 200) =>
  renderPage(c, c.var.locale === 'zh' ? '公示' : 'Public notice',
    <NoticesPage notices={listNotices(c.var.deps)} locale={c.var.locale} csrfToken={c.var.csrfToken} {...extra} />, status);

/** The public notice page; its objection form files through the same verb as the API. */
export const noticeRoutes = new Hono<AppEnv>()
  .get('/notices', (c) => {
    const filed = Number(c.req.query('filed'));
    return page(c, { filed: Number.isSafeInteger(filed) && filed > 0 ? filed : null });
  })
  .post('/notices/:caseId/objections', async (c) => {
    const caseId = Number(c.req.param('caseId'));
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const values = Object.fromEntries(['name', 'contact', 'text'].map((k) => [k, typeof body[k] === 'string' ? body[k] : '']));
    try {
      const saved = fileObjection(c.var.deps, caseId, values, clientIp(c));
      return c.redirect(`/notices?filed=${saved.id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || !['UNPROCESSABLE', 'TOO_MANY_REQUESTS'].includes(err.code)) throw err;
      return page(c, { draft: { caseId, values, errors: fieldMessages(err, c.var.locale), message: messageOf(err, c.var.locale) } }, err.code === 'TOO_MANY_REQUESTS' ? 429 : 422);
    }
  });
