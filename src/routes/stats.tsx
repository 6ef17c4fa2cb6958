// Statistics of the undertaking locations: /stats for staff (政策 七.三 evaluation, weights edited
// by an administrator), /statistics for everyone (七.四 information sharing, small cells hidden).
import { Hono, type Context } from 'hono';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import { toCsv, type CsvTable } from '../domain/stats/csv';
import { parseStatsFilter } from '../domain/stats/filters';
import { setTargets, TARGET_YEARS } from '../domain/stats/index-targets';
import { updateWeights } from '../domain/stats/index-weights';
import { currentYear, fullReport, publicReport } from '../domain/stats/stats-report';
import { FULL_TABLES, PUBLIC_TABLES } from '../domain/stats/stats-tables';
import type { AppEnv } from '../env';
import { PublicStatsPage } from '../../views/stats/public-page';
import { StatsPage } from '../../views/stats/stats-page';
import type { TargetFormState } from '../../views/stats/targets-section';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

type Extra = { errors?: Record<string, string>; notice?: string; targetForm?: TargetFormState; year?: number };
const filterOf = (c: Context<AppEnv>) => parseStatsFilter(c.req.query());
/** The year of the targets shown: ?year= when it is one, else this year in Beijing. */
const knownYear = (v: unknown) => { const y = Number(v); return Number.isInteger(y) && y >= TARGET_YEARS.min && y <= TARGET_YEARS.max ? y : undefined; };
const yearOf = (c: Context<AppEnv>) => knownYear(c.req.query('year')) ?? currentYear(c.var.deps);
const title = (c: Context<AppEnv>, zh: string, en: string) => (c.var.locale === 'zh' ? zh : en);
// The CSV's language follows ?lang= (the link on the page carries it), else the page locale.
const csvLocale = (c: Context<AppEnv>) => (c.req.query('lang') === 'en' ? 'en' : c.req.query('lang') === 'zh' ? 'zh' : c.var.locale);

function statsPage(c: Context<AppEnv>, extra: Extra = {}, status: 200 | 422 = 200) {
  const { year, targetForm, ...rest } = extra;
  const report = fullReport(c.var.deps, c.var.user, filterOf(c), year ?? yearOf(c));
  const form = targetForm ?? { location: c.req.query('location') };
  return renderPage(c, title(c, '统计与评价', 'Statistics'), (
    <StatsPage report={report} locale={c.var.locale} canEdit={c.var.user?.role === 'admin'} csrfToken={c.var.csrfToken} targetForm={form} {...rest} />
  ), status);
}

/** A refusal at its fields in the reader's language, or as a whole when it names none. */
function fieldsOf(err: AppError, locale: 'zh' | 'en'): Record<string, string> {
  const fields = fieldMessages(err, locale);
  return Object.keys(fields).length ? fields : { _: messageOf(err, locale) };
}

function csv(c: Context<AppEnv>, table: CsvTable) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="chengjie-${table.name}.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(toCsv(table));
}

const tableName = (c: Context<AppEnv>, tables: object) => {
  const name = c.req.param('table')?.replace(/\.csv$/, '') ?? '';
  if (!Object.hasOwn(tables, name)) throw new AppError('NOT_FOUND');
  return name;
};

export const statsRoutes = new Hono<AppEnv>()
  .get('/stats', (c) => statsPage(c))
  .get('/stats/:table{[a-z]+\\.csv}', (c) => {
    const name = tableName(c, FULL_TABLES) as keyof typeof FULL_TABLES;
    return csv(c, FULL_TABLES[name](csvLocale(c), fullReport(c.var.deps, c.var.user, filterOf(c), yearOf(c))));
  })
  .post('/stats/weights', async (c) => {
    requireRole(c.var.user, 'admin');
    try {
      updateWeights(c.var.deps, c.var.user, await c.req.parseBody());
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'UNPROCESSABLE') throw err;
      return statsPage(c, { errors: fieldsOf(err, c.var.locale) }, 422);
    }
    return statsPage(c, { notice: title(c, '权重已保存并记入审计日志', 'Weights saved and recorded in the audit trail') });
  })
  .post('/stats/targets', async (c) => {
    requireRole(c.var.user, 'admin');
    const body = await c.req.parseBody();
    const values = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    try {
      const saved = setTargets(c.var.deps, c.var.user, values);
      return statsPage(c, { year: saved.year, targetForm: { location: saved.location, notice: title(c, '目标已保存并记入审计日志', 'Targets saved and recorded in the audit trail') } });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'UNPROCESSABLE') throw err;
      return statsPage(c, { year: knownYear(values.year), targetForm: { location: values.location, year: values.year, values, errors: fieldsOf(err, c.var.locale) } }, 422);
    }
  })
  // No filters on the public page, deliberately: two filtered views (all programmes and one, Jan–Mar
  // and Jan–Feb) each pass the 3-enterprise rule, yet their difference can be one enterprise.
  .get('/statistics', (c) => renderPage(c, title(c, '公开统计', 'Public statistics'),
    <PublicStatsPage report={publicReport(c.var.deps, {})} locale={c.var.locale} />))
  .get('/statistics/:table{[a-z]+\\.csv}', (c) => {
    const name = tableName(c, PUBLIC_TABLES) as keyof typeof PUBLIC_TABLES;
    return csv(c, PUBLIC_TABLES[name](csvLocale(c), publicReport(c.var.deps, {})));
  });
