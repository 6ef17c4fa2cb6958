import type { FC } from 'hono/jsx';
import { CsrfField, Field, FormError, SelectField, type FieldErrors } from '../components/fields';
import { INSTITUTIONS, INSTITUTION_CODES, institutionOf } from '../../workflows/institutions';
import { t, type Locale } from '../i18n';
import { roleLabel, staffRoleLabel } from '../../workflows/labels';

interface UserRow {
  id: number; email: string; name: string; role: string; institutionCode: string | null;
  enterpriseName: string | null; disabledAt: string | null; createdAt: string;
}

interface Props {
  locale: Locale;
  users: UserRow[];
  csrfToken: string | null;
  /** The admin looking at the page: no "disable" on their own row (they would lock themselves out). */
  selfId?: number;
  values?: Record<string, string>;
  errors?: FieldErrors;
  error?: string | null;
  notice?: string | null;
}

const STAFF = ['officer', 'expert', 'approver', 'finance', 'liaison', 'auditor', 'admin'];

export const AdminUsersPage: FC<Props> = ({ locale, users, csrfToken, selfId, values = {}, errors, error, notice }) => {
  const zh = locale === 'zh';
  return (
    <>
      <h1>{zh ? '用户管理' : 'Users'}</h1>
      <p><a href="/admin/webhooks">{zh ? '推送地址（Webhook）与推送记录' : 'Webhook endpoints and deliveries'}</a> · <a href="/admin/locations">{zh ? '重点承接地名单' : 'Key undertaking locations'}</a></p>
      {notice ? <div class="alert ok" role="status">{notice}</div> : null}
      <section class="card" aria-labelledby="new-user">
        <h2 id="new-user">{zh ? '新建工作人员账户' : 'New staff user'}</h2>
        <FormError message={error} />
        <form method="post" action="/admin/users" novalidate>
          <CsrfField token={csrfToken} />
          <Field name="name" label={zh ? '姓名' : 'Name'} value={values.name} errors={errors} required />
          <Field name="email" type="email" label={zh ? '邮箱' : 'Email'} value={values.email} errors={errors} required />
          <SelectField name="role" label={zh ? '角色' : 'Role'} value={values.role} errors={errors} required
            options={STAFF.map((r) => ({ value: r, label: t(locale, roleLabel(r)) }))} />
          <SelectField name="institutionCode" label={zh ? '所属机构（联络员必填；其他工作人员默认商务主管部门）' : 'Institution (required for liaisons; other staff default to the commerce department)'} value={values.institutionCode} errors={errors}
            placeholder={zh ? '—' : '—'}
            options={INSTITUTION_CODES.map((code) => ({ value: code, label: t(locale, INSTITUTIONS[code].name) }))} />
          <Field name="password" type="password" label={zh ? '初始密码' : 'Initial password'} errors={errors} required autocomplete="new-password" hint={zh ? '8至128个字符' : '8 to 128 characters'} />
          <p><button type="submit">{zh ? '创建' : 'Create'}</button></p>
        </form>
      </section>
      <section aria-labelledby="all-users">
        <h2 id="all-users">{zh ? '全部用户' : 'All users'}</h2>
        <table>
          <thead><tr><th scope="col">{zh ? '姓名' : 'Name'}</th><th scope="col">{zh ? '邮箱' : 'Email'}</th><th scope="col">{zh ? '角色' : 'Role'}</th>
            <th scope="col">{zh ? '机构/企业' : 'Institution / enterprise'}</th><th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '操作' : 'Actions'}</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr id={`user-${u.id}`}>
                <td>{u.name}</td><td>{u.email}</td><td>{t(locale, staffRoleLabel(u.role, u.institutionCode))}</td>
                <td>{(u.institutionCode && institutionOf(u.institutionCode) ? t(locale, institutionOf(u.institutionCode)!.name) : u.institutionCode) ?? u.enterpriseName ?? '—'}</td>
                <td>{u.disabledAt ? <span class="error">{zh ? '已停用' : 'Disabled'}</span> : (zh ? '正常' : 'Active')}</td>
                <td>
                  {u.id === selfId ? <span class="muted">{zh ? '（您本人的账户）' : '(your own account)'}</span> : (
                    <form method="post" action={`/admin/users/${u.id}/${u.disabledAt ? 'enable' : 'disable'}`} class="inline">
                      <CsrfField token={csrfToken} />
                      <button type="submit" class={u.disabledAt ? 'secondary' : 'danger'}>{u.disabledAt ? (zh ? '启用' : 'Enable') : (zh ? '停用' : 'Disable')}</button>
                    </form>
                  )}
                  <form method="post" action={`/admin/users/${u.id}/password`} class="inline">
                    <CsrfField token={csrfToken} />
                    <label for={`pw-${u.id}`} class="inline-label">{zh ? '新密码' : 'New password'}</label>
                    <input id={`pw-${u.id}`} type="password" name="password" autocomplete="new-password" minlength={8} />
                    <button type="submit" class="secondary">{zh ? '重置密码' : 'Reset password'}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
};
