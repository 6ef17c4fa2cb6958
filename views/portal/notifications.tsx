import type { FC } from 'hono/jsx';
import { beijingDateTime } from '../../workflows/display-format';
import type { Locale } from '../i18n';

export interface NotificationItem { id: number; caseId: number | null; reference: string | null; messageZh: string; messageEn: string; createdAt: string; readAt: string | null }

export const NotificationsPage: FC<{ items: NotificationItem[]; casePath: string; csrfToken: string | null; locale: Locale }> = ({ items, casePath, csrfToken, locale }) => {
  const zh = locale === 'zh';
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <h1>{zh ? '通知' : 'Notifications'}</h1>
      <p class="muted">{zh ? `${unread} 条未读` : `${unread} unread`}</p>
      {unread ? (
        <form method="post" action="/notifications/read-all">
          {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
          <button type="submit" class="secondary">{zh ? '全部标为已读' : 'Mark all as read'}</button>
        </form>
      ) : null}
      {items.length === 0 ? <p>{zh ? '暂无通知。' : 'No notifications.'}</p> : (
        <ul class="notifications">
          {items.map((n) => (
            <li class={n.readAt ? 'read' : 'unread'} data-id={String(n.id)}>
              <p>
                {n.readAt ? null : <strong>{zh ? '【未读】' : '[unread] '}</strong>}
                {zh ? n.messageZh : n.messageEn}
                {n.caseId && n.reference ? <> · <a href={`${casePath}/${n.caseId}`}>{n.reference}</a></> : null}
              </p>
              <p class="muted"><time datetime={n.createdAt}>{beijingDateTime(n.createdAt)}</time></p>
              {n.readAt ? null : (
                <form method="post" action={`/notifications/${n.id}/read`} class="inline">
                  {csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
                  <button type="submit" class="link">{zh ? '标为已读' : 'Mark as read'}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
