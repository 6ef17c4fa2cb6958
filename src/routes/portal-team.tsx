// Colleagues of an enterprise: invitation by a one-time link, and the invitee's password page.
import { Hono, type Context } from 'hono';
import { createSession } from '../domain/auth/sessions';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import { acceptInvitation, enterpriseColleagues, findInvitation, inviteColleague } from '../domain/users/invite-colleague';
import type { AppEnv } from '../env';
import { replaceSession } from '../middleware/session';
import { AcceptInvitePage, TeamPage } from '../../views/portal/team';
import { renderPage } from './render';
import { fieldMessages, messageOf } from './refusal-messages';

const teamTitle = (c: Context<AppEnv>) => (c.var.locale === 'zh' ? '企业同事' : 'Colleagues');

export const portalTeamRoutes = new Hono<AppEnv>()
  .get('/portal/team', (c) => {
    const user = requireRole(c.var.user, 'applicant');
    return renderPage(c, teamTitle(c), <TeamPage colleagues={enterpriseColleagues(c.var.deps, user.enterpriseId ?? -1)} csrfToken={c.var.csrfToken} locale={c.var.locale} />);
  })
  .post('/portal/team/invite', async (c) => {
    const user = requireRole(c.var.user, 'applicant');
    const body = await c.req.parseBody();
    const values = { name: typeof body.name === 'string' ? body.name : '', email: typeof body.email === 'string' ? body.email : '' };
    const colleagues = () => enterpriseColleagues(c.var.deps, user.enterpriseId ?? -1);
    try {
      const invite = inviteColleague(c.var.deps, user, values);
      // The link is shown once, to the inviter, on this answer; it is not stored in clear anywhere.
      const link = new URL(invite.path, c.var.deps.config.PUBLIC_URL).toString();
      return renderPage(c, teamTitle(c), <TeamPage colleagues={colleagues()} csrfToken={c.var.csrfToken} locale={c.var.locale} link={link} invitedEmail={invite.email} />, 201);
    } catch (err) {
      if (!(err instanceof AppError) || !['UNPROCESSABLE', 'CONFLICT'].includes(err.code)) throw err;
      return renderPage(c, teamTitle(c), <TeamPage colleagues={colleagues()} csrfToken={c.var.csrfToken} locale={c.var.locale}
        values={values} errors={fieldMessages(err, c.var.locale)} error={messageOf(err, c.var.locale)} />, err.status as 409 | 422);
    }
  })
  .get('/invite/:token', (c) => {
    const invitee = findInvitation(c.var.deps, c.req.param('token'));
    if (!invitee) throw new AppError('NOT_FOUND', '邀请链接无效或已使用 / This invitation link is not valid or was already used.');
    return renderPage(c, c.var.locale === 'zh' ? '设置密码' : 'Set your password',
      <AcceptInvitePage token={c.req.param('token')} name={invitee.name} email={invitee.email} csrfToken={c.var.csrfToken} locale={c.var.locale} />);
  })
  .post('/invite/:token', async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    try {
      const user = await acceptInvitation(c.var.deps, token, typeof body.password === 'string' ? body.password : '');
      replaceSession(c, createSession(c.var.deps, user.id).cookieValue);
      return c.redirect('/portal', 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'UNPROCESSABLE') throw err;
      const invitee = findInvitation(c.var.deps, token);
      if (!invitee) throw new AppError('NOT_FOUND');
      return renderPage(c, c.var.locale === 'zh' ? '设置密码' : 'Set your password',
        <AcceptInvitePage token={token} name={invitee.name} email={invitee.email} csrfToken={c.var.csrfToken} locale={c.var.locale} error={err.userMessage} />, 422);
    }
  });
