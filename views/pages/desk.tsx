import type { FC, PropsWithChildren } from 'hono/jsx';
import { ROLE_LABELS, t, type Locale } from '../i18n';

/** The frame of a role's desk: heading and who is signed in. */
export const DeskPage: FC<PropsWithChildren<{ locale: Locale; title: string; role: string; name: string; institution?: string | null }>> = ({
  locale, title, role, name, institution, children,
}) => (
  <>
    <h1>{title}</h1>
    <p class="muted">{name} · {t(locale, ROLE_LABELS[role] ?? ROLE_LABELS.system!)}{institution ? ` · ${institution}` : ''}</p>
    {children}
  </>
);
