import type { FC, PropsWithChildren } from 'hono/jsx';
import { t, type Locale } from './i18n';
import { staffRoleLabel } from '../workflows/labels';

/** Roles that see the full statistics (/stats); everyone else gets the public figures. */
const STATS_ROLES = ['officer', 'approver', 'auditor', 'admin'];

interface PageUser { name: string; email: string; role: string; institutionCode?: string | null; unread?: number }

export interface LayoutProps {
  title: string;
  locale: Locale;
  user: PageUser | null;
  csrfToken: string | null;
  /** Where the user's own desk is, for the header link. */
  homePath?: string;
}

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, locale, user, csrfToken, homePath, children }) => (
  <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {csrfToken ? <meta name="csrf-token" content={csrfToken} /> : null}
      <title>{`${title} · 承接 Chengjie`}</title>
      <link rel="icon" href="/favicon.ico" sizes="32x32" />
      <link rel="stylesheet" href="/static/app.css" />
      <script src="/static/htmx.js" defer></script>
      <script src="/static/app.js" defer></script>
    </head>
    <body>
      <a class="skip" href="#main">{locale === 'zh' ? '跳到正文' : 'Skip to content'}</a>
      <header class="site">
        <a class="brand" href="/">承接 <span lang="en">Chengjie</span></a>
        <nav aria-label={locale === 'zh' ? '主导航' : 'Main'}>
          <a href="/programmes">{locale === 'zh' ? '支持项目' : 'Programmes'}</a>
          <a href="/notices">{locale === 'zh' ? '公示' : 'Public notice'}</a>
          <a href={user && STATS_ROLES.includes(user.role) ? '/stats' : '/statistics'}>{locale === 'zh' ? '统计' : 'Statistics'}</a>
          {user ? (
            <>
              <a href={homePath ?? '/'}>{locale === 'zh' ? '我的工作台' : 'My desk'}</a>
              <a href="/notifications" class="notif">
                {locale === 'zh' ? '通知' : 'Notifications'}
                {user.unread ? <span class="badge">{user.unread}<span class="visually-hidden">{locale === 'zh' ? ' 条未读' : ' unread'}</span></span> : null}
              </a>
              <span class="who">{user.name} · {t(locale, staffRoleLabel(user.role, user.institutionCode))}</span>
              <form method="post" action="/logout" class="inline">
                {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
                <button type="submit" class="link">{locale === 'zh' ? '退出' : 'Sign out'}</button>
              </form>
            </>
          ) : (
            <>
              <a href="/login">{locale === 'zh' ? '登录' : 'Sign in'}</a>
              <a href="/register">{locale === 'zh' ? '企业注册' : 'Register'}</a>
            </>
          )}
          <form method="post" action="/lang" class="inline">
            {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
            <input type="hidden" name="lang" value={locale === 'zh' ? 'en' : 'zh'} />
            <button type="submit" class="link" lang={locale === 'zh' ? 'en' : 'zh'}>{locale === 'zh' ? 'English' : '中文'}</button>
          </form>
        </nav>
      </header>
      <main id="main">{children}</main>
      <footer class="site">
        <p>{locale === 'zh'
          ? '依据《关于促进加工贸易梯度转移重点承接地发展的指导意见》（商产发〔2011〕473号）'
          : 'Under the Guiding Opinions on Key Undertaking Locations for Processing-Trade Transfer (商产发〔2011〕473号)'}</p>
      </footer>
    </body>
  </html>
);
