// Colleagues of the enterprise, the invitation form, and the page where an invitee sets a password.
import type { FC } from 'hono/jsx';
import { beijingDateTime } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface Colleague { id: number; name: string; email: string; pending: boolean; createdAt: string }

export const TeamPage: FC<{
  colleagues: Colleague[]; csrfToken: string | null; locale: Locale; link?: string | null; invitedEmail?: string | null;
  errors?: Record<string, string>; values?: Record<string, string>; error?: string | null;
}> = ({ colleagues, csrfToken, locale, link, invitedEmail, errors = {}, values = {}, error }) => {
  const zh = locale === 'zh';
  return (
    <>
      <p><a href="/portal">{zh ? '← 我的申请' : '← My applications'}</a></p>
      <h1>{zh ? '企业同事' : 'Colleagues'}</h1>
      <p>{zh ? '同一企业的用户都能看到本企业的全部案件，办理记录会写明每一步由谁操作。' : "Every user of the enterprise sees all of its cases; the history names who did each step."}</p>
      <table>
        <caption>{zh ? '本企业用户' : 'Users of the enterprise'}</caption>
        <thead><tr><th scope="col">{zh ? '姓名' : 'Name'}</th><th scope="col">{zh ? '邮箱' : 'Email'}</th><th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '加入时间' : 'Since'}</th></tr></thead>
        <tbody>
          {colleagues.map((u) => (
            <tr><td>{u.name}</td><td>{u.email}</td><td>{u.pending ? (zh ? '已邀请，未设置密码' : 'Invited, no password yet') : (zh ? '已启用' : 'Active')}</td><td>{beijingDateTime(u.createdAt)}</td></tr>
          ))}
        </tbody>
      </table>
      {link ? (
        <div class="alert ok" role="status">
          <p>{zh ? `已为 ${invitedEmail} 创建账户。请把以下一次性链接交给同事（7 天内有效，系统不发送邮件）：` : `An account was created for ${invitedEmail}. Give your colleague this one-time link (valid 7 days; no e-mail is sent):`}</p>
          <p><a id="invite-link" href={link}>{link}</a></p>
        </div>
      ) : null}
      <form method="post" action="/portal/team/invite" class="card">
        {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
        <h2>{zh ? '邀请同事' : 'Invite a colleague'}</h2>
        {error ? <div class="alert error" role="alert">{error}</div> : null}
        <div class="field">
          <label for="invite-name">{zh ? '姓名' : 'Name'}</label>
          <input id="invite-name" name="name" type="text" required maxlength={100} value={values.name ?? ''} aria-describedby={errors.name ? 'invite-name-err' : undefined} />
          {errors.name ? <p class="field-error" id="invite-name-err">{errors.name}</p> : null}
        </div>
        <div class="field">
          <label for="invite-email">{zh ? '邮箱' : 'Email'}</label>
          <input id="invite-email" name="email" type="email" required maxlength={200} autocomplete="off" value={values.email ?? ''} aria-describedby={errors.email ? 'invite-email-err' : undefined} />
          {errors.email ? <p class="field-error" id="invite-email-err">{errors.email}</p> : null}
        </div>
        <button type="submit">{zh ? '创建邀请链接' : 'Create an invitation link'}</button>
      </form>
    </>
  );
};

export const AcceptInvitePage: FC<{ token: string; name: string; email: string; csrfToken: string | null; locale: Locale; error?: string | null }> = ({ token, name, email, csrfToken, locale, error }) => {
  const zh = locale === 'zh';
  return (
    <>
      <h1>{zh ? '设置密码' : 'Set your password'}</h1>
      <p>{zh ? `${name}（${email}），设置密码后即可登录。` : `${name} (${email}), set a password to sign in.`}</p>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <form method="post" action={`/invite/${token}`} class="card">
        {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
        <div class="field">
          <label for="new-password">{zh ? '新密码（至少 8 个字符）' : 'New password (at least 8 characters)'}</label>
          <input id="new-password" name="password" type="password" required minlength={8} maxlength={128} autocomplete="new-password" />
        </div>
        <button type="submit">{zh ? '设置密码并登录' : 'Set the password and sign in'}</button>
      </form>
    </>
  );
};
