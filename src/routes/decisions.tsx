import { Hono, type Context } from 'hono';
import { userForApiToken } from '../domain/auth/api-tokens';
import { proposeCorrection } from '../domain/decisions/propose-correction';
import { signCorrection } from '../domain/decisions/sign-correction';
import { visibleCorrection } from '../domain/decisions/correction-rules';
import { withdrawCorrection } from '../domain/decisions/withdraw-correction';
import { decisionDetails } from '../domain/decisions/decision-details';
import { downloadDecisionPdf } from '../domain/decisions/decision-pdf';
import { normaliseCode, verifyDecision } from '../domain/decisions/verify-decision';
import { AppError } from '../domain/errors';
import type { AppEnv } from '../env';
import { DecisionPage } from '../../views/decisions/decision-page';
import { VerifyForm, VerifyPage } from '../../views/decisions/verify';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

/** The session user, or else the bearer token's: the API's pdfUrl points here (API.md). */
function cookieOrBearerUser(c: Context<AppEnv>) {
  if (c.var.user) return c.var.user;
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return m ? userForApiToken(c.var.deps, m[1]!) : null;
}

const decisionId = (raw: string | undefined): number => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND', '没有这份决定书 / No such decision.');
  return id;
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const decisionRoutes = new Hono<AppEnv>()
  .get('/decisions/:file{[0-9]+\\.pdf}', async (c) => {
    const id = decisionId(c.req.param('file').replace(/\.pdf$/, ''));
    const { pdf, sha256, filename } = await downloadDecisionPdf(c.var.deps, cookieOrBearerUser(c), id);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': String(pdf.length),
      'X-Content-SHA256': sha256,
      'Cache-Control': 'private, no-store',
    });
  })
  .get('/verify', (c) => {
    const raw = (c.req.query('code') ?? '').trim();
    const zh = c.var.locale === 'zh';
    if (raw && normaliseCode(raw)) return c.redirect(`/verify/${encodeURIComponent(normaliseCode(raw)!)}`, 303);
    const error = raw ? (zh ? '核验码应为 16 位字母或数字（可含连字符），请核对。' : 'A verification code is 16 letters or digits (dashes allowed); check it.') : undefined;
    return renderPage(c, zh ? '核验决定书' : 'Verify a decision letter', <VerifyForm locale={c.var.locale} code={raw.slice(0, 24)} error={error} />, error ? 422 : 200);
  })
  .get('/verify/:code', async (c) => {
    const code = c.req.param('code').slice(0, 64);
    const decision = await verifyDecision(c.var.deps, code);
    const zh = c.var.locale === 'zh';
    const title = decision ? (zh ? '决定书核验：真实' : 'Verification: genuine') : (zh ? '决定书核验：不是真实的' : 'Verification: not genuine');
    return renderPage(c, title, <VerifyPage locale={c.var.locale} code={code} decision={decision} />, decision ? 200 : 404);
  })
  .get('/decisions/:id{[0-9]+}', (c) => {
    const { data, ...can } = decisionDetails(c.var.deps, c.var.user, decisionId(c.req.param('id')));
    return renderPage(c, `${c.var.locale === 'zh' ? '决定书' : 'Decision'} ${data.number}`,
      <DecisionPage locale={c.var.locale} d={data} {...can} csrfToken={c.var.csrfToken} />);
  })
  // Four eyes: a correction is proposed here and issued only when another authorised person signs it.
  .post('/decisions/:id{[0-9]+}/corrections', async (c) => {
    const id = decisionId(c.req.param('id'));
    const body = await c.req.parseBody();
    const input = { reasons: str(body.reasons), amount: str(body.amount), conditions: str(body.conditions) };
    try {
      proposeCorrection(c.var.deps, c.var.user ?? failUnauthenticated(), id, input);
      return c.redirect(`/decisions/${id}#pending-title`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
      const { data, ...can } = decisionDetails(c.var.deps, c.var.user, id);
      return renderPage(c, data.number, <DecisionPage locale={c.var.locale} d={data} {...can}
        csrfToken={c.var.csrfToken} values={input} errors={fieldMessages(err, c.var.locale)} error={messageOf(err, c.var.locale)} />, err.status as 409 | 422);
    }
  })
  .post('/decisions/corrections/:cid{[0-9]+}/sign', (c) => {
    const user = c.var.user ?? failUnauthenticated();
    const cid = Number(c.req.param('cid'));
    const { proposal } = visibleCorrection(c.var.deps, user, cid);
    try {
      return c.redirect(`/decisions/${signCorrection(c.var.deps, user, cid)}`, 303);
    } catch (err) {
      return refusedOnDecisionPage(c, proposal.decisionId, err);
    }
  })
  .post('/decisions/corrections/:cid{[0-9]+}/withdraw', (c) => {
    const user = c.var.user ?? failUnauthenticated();
    const cid = Number(c.req.param('cid'));
    const { proposal } = visibleCorrection(c.var.deps, user, cid);
    try {
      withdrawCorrection(c.var.deps, user, cid);
      return c.redirect(`/decisions/${proposal.decisionId}`, 303);
    } catch (err) {
      return refusedOnDecisionPage(c, proposal.decisionId, err);
    }
  });

/** The decision page again with the reason a correction step was refused (409/422; 403 stays an error page). */
function refusedOnDecisionPage(c: Context<AppEnv>, id: number, err: unknown) {
  if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
  const { data, ...can } = decisionDetails(c.var.deps, c.var.user, id);
  return renderPage(c, data.number, <DecisionPage locale={c.var.locale} d={data} {...can} csrfToken={c.var.csrfToken} error={err.userMessage} />, err.status as 409 | 422);
}

function failUnauthenticated(): never {
  throw new AppError('UNAUTHENTICATED');
}
