import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from '../../views/layout';
import type { AppEnv } from '../env';
import { unreadCount } from '../domain/notifications/unread-count';

/** The desk of each role, where login lands. */
export function homePathFor(role: string): string {
  switch (role) {
    case 'applicant': return '/portal';
    case 'auditor': return '/audit';
    case 'admin': return '/admin/users';
    default: return '/workbench';
  }
}

/** Renders a full page in the layout, with the doctype hono/jsx does not emit. */
export function renderPage(c: Context<AppEnv>, title: string, body: Child, status: ContentfulStatusCode = 200) {
  const user = c.var.user;
  const page = (
    <Layout
      title={title}
      locale={c.var.locale}
      csrfToken={c.var.csrfToken}
      homePath={user ? homePathFor(user.role) : undefined}
      user={user ? { name: user.name, email: user.email, role: user.role, institutionCode: user.institutionCode, unread: unreadCount(c.var.deps, user.id) } : null}
    >
      {body}
    </Layout>
  );
  c.header('Cache-Control', 'no-store');
  return c.html(html`<!doctype html>${page}`, status);
}

/** An htmx fragment (no layout). */
export function renderFragment(c: Context<AppEnv>, body: Child, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(<>{body}</>, status);
}

export const isHtmx = (c: Context<AppEnv>): boolean => c.req.header('hx-request') === 'true';
