import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import { CsrfField, Field, FormError, SelectField, type FieldErrors } from '../components/fields';
import { t, type Locale } from '../i18n';

interface ProvinceOption { name: string; nameEn: string; eligibility: Bilingual }
interface IndustryOption { code: string; label: Bilingual; forbidden: boolean }

interface Props {
  locale: Locale;
  provinces: ProvinceOption[];
  industries: IndustryOption[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  error?: string | null;
  csrfToken: string | null;
}

export const RegisterPage: FC<Props> = ({ locale, provinces, industries, values = {}, errors, error, csrfToken }) => {
  const zh = locale === 'zh';
  return (
    <section class="card" aria-labelledby="reg-title">
      <h1 id="reg-title">{zh ? '企业注册' : 'Register your enterprise'}</h1>
      <p class="hint">{zh
        ? '注册后您将成为该企业的申请人账户，可在线申请支持措施。'
        : 'You become the applicant user of the enterprise and can apply for support online.'}</p>
      <FormError message={error} />
      <form method="post" action="/register" novalidate>
        <CsrfField token={csrfToken} />
        <fieldset>
          <legend>{zh ? '企业信息' : 'Enterprise'}</legend>
          <Field name="enterpriseName" label={zh ? '企业名称' : 'Enterprise name'} value={values.enterpriseName} errors={errors} required />
          <Field name="creditCode" label={zh ? '统一社会信用代码' : 'Unified social credit code'} value={values.creditCode} errors={errors} required
            hint={zh ? '18位，含校验码（GB 32100-2015）' : '18 characters with a check character (GB 32100-2015)'}
            attrs={{ maxlength: '18', spellcheck: 'false', autocapitalize: 'characters' }} />
          <SelectField name="province" label={zh ? '所在省份' : 'Province'} value={values.province} errors={errors} required
            placeholder={zh ? '请选择' : 'Choose'}
            hint={zh ? '中部、西部地区均符合条件；东部和东北地区仅限指定欠发达地区' : 'Central and western provinces are eligible; in the east and north-east only designated less-developed areas'}
            options={provinces.map((p) => ({ value: p.name, label: `${p.name} ${p.nameEn} — ${t(locale, p.eligibility)}` }))} />
          <Field name="city" label={zh ? '所在城市（地级市）' : 'City (prefecture level)'} value={values.city} errors={errors} />
          <SelectField name="industry" label={zh ? '所属行业' : 'Industry'} value={values.industry} errors={errors} required
            placeholder={zh ? '请选择' : 'Choose'}
            options={industries.map((i) => ({ value: i.code, label: `${t(locale, i.label)}${i.forbidden ? (zh ? '（两高一资，不予支持）' : ' (两高一资: not supported)') : ''}` }))} />
          <Field name="customsCode" label={zh ? '海关注册编码' : 'Customs registration code'} value={values.customsCode} errors={errors} required
            hint={zh ? '10位' : '10 characters'} attrs={{ maxlength: '10' }} />
        </fieldset>
        <fieldset>
          <legend>{zh ? '联系人与账户' : 'Contact and account'}</legend>
          <Field name="contactName" label={zh ? '联系人姓名' : 'Contact name'} value={values.contactName} errors={errors} required autocomplete="name" />
          <Field name="contactPhone" type="tel" label={zh ? '联系电话' : 'Phone'} value={values.contactPhone} errors={errors} required autocomplete="tel" />
          <Field name="email" type="email" label={zh ? '邮箱（登录名）' : 'Email (your login)'} value={values.email} errors={errors} required autocomplete="email" />
          <Field name="password" type="password" label={zh ? '密码' : 'Password'} errors={errors} required autocomplete="new-password"
            hint={zh ? '8至128个字符' : '8 to 128 characters'} />
        </fieldset>
        <p><button type="submit">{zh ? '注册' : 'Register'}</button></p>
      </form>
    </section>
  );
};
