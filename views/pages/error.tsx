import type { FC } from 'hono/jsx';
import type { Locale } from '../i18n';

export const ErrorPage: FC<{ status: number; message: string; locale: Locale }> = ({ status, message, locale }) => (
  <section class="card" aria-labelledby="err-title">
    <h1 id="err-title">{status === 404 ? (locale === 'zh' ? '未找到页面' : 'Page not found') : (locale === 'zh' ? '无法完成请求' : 'The request could not be completed')}</h1>
    <p role="alert">{message}</p>
    <p class="muted">HTTP {status}</p>
    <p><a href="/">{locale === 'zh' ? '返回首页' : 'Back to the home page'}</a></p>
  </section>
);
