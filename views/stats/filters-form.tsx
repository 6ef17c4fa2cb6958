// The filters of the statistics pages: a GET form, so that every view has its own URL.
import type { FC } from 'hono/jsx';
import { INDUSTRIES, PROGRAMME_CODES, workflowFor } from '../../workflows/index';
import type { StatsFilter } from '../../src/domain/stats/filters';
import { SelectField } from '../components/fields';

type Locale = 'zh' | 'en';
const T = (l: Locale, zh: string, en: string) => (l === 'zh' ? zh : en);

export const StatsFilters: FC<{ locale: Locale; filter: StatsFilter; action: string; withLevel: boolean }> = ({ locale: l, filter, action, withLevel }) => (
  <form method="get" action={action} class="card filters" aria-label={T(l, '筛选', 'Filters')}>
    <div class="grid">
      <div class="field">
        <label for="f-from">{T(l, '起始月份', 'From month')}</label>
        <input id="f-from" name="from" type="month" value={filter.from ?? ''} />
      </div>
      <div class="field">
        <label for="f-to">{T(l, '截止月份', 'To month')}</label>
        <input id="f-to" name="to" type="month" value={filter.to ?? ''} />
      </div>
      <SelectField name="programme" label={T(l, '支持项目', 'Programme')} value={filter.programme ?? ''} placeholder={T(l, '全部', 'All')}
        options={PROGRAMME_CODES.map((c) => ({ value: c, label: workflowFor(c)!.name[l] }))} />
      <SelectField name="industry" label={T(l, '行业', 'Industry')} value={filter.industry ?? ''} placeholder={T(l, '全部', 'All')}
        options={INDUSTRIES.map((i) => ({ value: i.code, label: i.label[l] }))} />
      {withLevel ? (
        <SelectField name="level" label={T(l, '地区层级', 'Level')} value={filter.level ?? 'province'}
          options={[{ value: 'province', label: T(l, '省份', 'Province') }, { value: 'city', label: T(l, '城市（已知时）', 'City (where known)') }]} />
      ) : null}
    </div>
    <p class="hint">{T(l, '期间按提交月份计；注册企业数计至期末。', 'The period is by month of submission; enterprises are counted as registered by the end of it.')}</p>
    <button type="submit">{T(l, '应用筛选', 'Apply filters')}</button>
  </form>
);
