import type { FC } from 'hono/jsx';
import { Field, FormError } from '../components/fields';
import type { Locale } from '../i18n';

export const LoginPage: FC<{ locale: Locale; email?: string; error?: string | null; next?: string }> = ({ locale, email, error, next }) => {
  const zh = locale === 'zh';
  return (
    <section class="card" aria-labelledby="login-title">
      <h1 id="login-title">{zh ? '登录' : 'Sign in'}</h1>
      <FormError message={error} />
      <form method="post" action="/login">
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field name="email" type="email" label={zh ? '邮箱' : 'Email'} value={email} required autocomplete="username" />
        <Field name="password" type="password" label={zh ? '密码' : 'Password'} required autocomplete="current-password" />
        <p><button type="submit">{zh ? '登录' : 'Sign in'}</button></p>
      </form>
      <p>{zh ? '还没有账户？' : 'No account yet?'} <a href="/register">{zh ? '注册企业' : 'Register your enterprise'}</a></p>
    </section>
  );
};
