import type { FC } from 'hono/jsx';
import { CsrfField, Field, FormError, SelectField, type FieldErrors } from '../components/fields';
import { beijingDateTime } from '../../workflows/display-format';
import { PROVINCES } from '../../workflows/policy-lists';
import type { Locale } from '../i18n';

export interface LocationRow {
  id: number; province: string; city: string; designatedOn: string; endsOn: string | null;
  createdAt: string; endRecordedAt: string | null; inForce: boolean;
}

interface Props {
  locale: Locale;
  csrfToken: string | null;
  locations: LocationRow[];
  /** Which form the values and errors belong to. */
  form?: 'add' | 'end';
  values?: Record<string, string>;
  errors?: FieldErrors;
  error?: string | null;
  notice?: string | null;
}

const status = (l: LocationRow, zh: boolean) => {
  if (l.inForce && l.endsOn) return zh ? `有效，${l.endsOn} 起终止` : `In force, ends ${l.endsOn}`;
  if (l.inForce) return zh ? '有效' : 'In force';
  if (l.endsOn && l.endRecordedAt) return zh ? `已于 ${l.endsOn} 终止` : `Ended ${l.endsOn}`;
  return zh ? `${l.designatedOn} 起生效` : `From ${l.designatedOn}`;
};

/** The admin's list of key undertaking locations (重点承接地): add one, end one; nothing is deleted. */
export const AdminLocationsPage: FC<Props> = ({ locale, csrfToken, locations, form, values = {}, errors, error, notice }) => {
  const zh = locale === 'zh';
  const open = locations.filter((l) => !l.endsOn);
  const provinceOptions = PROVINCES.map((p) => ({ value: p.name, label: zh ? p.name : p.en }));
  return (
    <>
      <h1>{zh ? '重点承接地名单' : 'Key undertaking locations'}</h1>
      <p>{zh
        ? '商务部、人力资源社会保障部、海关总署认定的加工贸易梯度转移重点承接地（政策 一.(一)）。变更只适用于变更之后提交的申请；每次变更都记入审计日志。'
        : 'The key undertaking locations designated by MOFCOM, MOHRSS and GACC (policy 一.(一)). A change applies to applications submitted after it; every change is recorded in the audit trail.'}</p>
      <p><a href="/admin/users">{zh ? '用户管理' : 'Users'}</a></p>
      {notice ? <div class="alert ok" role="status">{notice}</div> : null}
      <section class="card" aria-labelledby="add-location">
        <h2 id="add-location">{zh ? '新增承接地' : 'Add a location'}</h2>
        {form === 'add' ? <FormError message={error} /> : null}
        <form method="post" action="/admin/locations" novalidate>
          <CsrfField token={csrfToken} />
          <SelectField name="province" label={zh ? '省份' : 'Province'} value={form === 'add' ? values.province : ''} errors={form === 'add' ? errors : undefined} required placeholder="—" options={provinceOptions} />
          <Field name="city" label={zh ? '城市或区县' : 'City or district'} value={form === 'add' ? values.city : ''} errors={form === 'add' ? errors : undefined} required hint={zh ? '如 宿迁 或 宿迁市（同一地名）' : 'e.g. 宿迁 or 宿迁市 (the same place)'} />
          <Field name="designatedOn" type="date" label={zh ? '认定日期' : 'Designation date'} value={form === 'add' ? values.designatedOn : ''} errors={form === 'add' ? errors : undefined} required />
          <Field name="endsOn" type="date" label={zh ? '终止日期（可选）' : 'End date (optional)'} value={form === 'add' ? values.endsOn : ''} errors={form === 'add' ? errors : undefined} />
          <p><button type="submit">{zh ? '新增' : 'Add'}</button></p>
        </form>
      </section>
      {open.length ? (
        <section class="card" aria-labelledby="end-location">
          <h2 id="end-location">{zh ? '终止承接地' : 'End a location'}</h2>
          {form === 'end' ? <FormError message={error} /> : null}
          <form method="post" action="/admin/locations/end" novalidate>
            <CsrfField token={csrfToken} />
            <SelectField name="locationId" label={zh ? '承接地' : 'Location'} value={form === 'end' ? values.locationId : ''} errors={form === 'end' ? errors : undefined} required placeholder="—"
              options={open.map((l) => ({ value: String(l.id), label: `${l.province} ${l.city}（${zh ? '认定' : 'designated'} ${l.designatedOn}）` }))} />
            <Field name="endsOn" type="date" label={zh ? '终止日期' : 'End date'} value={form === 'end' ? values.endsOn : ''} errors={form === 'end' ? errors : undefined} required />
            <p><button type="submit" class="danger">{zh ? '终止' : 'End'}</button></p>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="all-locations">
        <h2 id="all-locations">{zh ? `全部承接地（${locations.length}）` : `All locations (${locations.length})`}</h2>
        <table>
          <thead><tr><th scope="col">{zh ? '省份' : 'Province'}</th><th scope="col">{zh ? '城市或区县' : 'City or district'}</th><th scope="col">{zh ? '认定日期' : 'Designated'}</th>
            <th scope="col">{zh ? '终止日期' : 'Ends'}</th><th scope="col">{zh ? '状态' : 'Status'}</th><th scope="col">{zh ? '登记时间' : 'Recorded'}</th></tr></thead>
          <tbody>
            {locations.map((l) => (
              <tr id={`location-${l.id}`}>
                <td>{l.province}</td><td>{l.city}</td><td>{l.designatedOn}</td><td>{l.endsOn ?? '—'}</td><td>{status(l, zh)}</td>
                <td>{beijingDateTime(l.createdAt)}{l.endRecordedAt && l.endRecordedAt !== l.createdAt ? ` · ${beijingDateTime(l.endRecordedAt)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
};
