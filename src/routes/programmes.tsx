// The five programmes, public; a signed-in applicant also sees whether its enterprise looks
// eligible and can open a draft application.
import { Hono, type Context } from 'hono';
import { workflowFor, workflows } from '../../workflows/index';
import { industryByCode } from '../../workflows/policy-lists';
import type { CurrentUser } from '../domain/auth/current-user';
import { caseFacts } from '../domain/cases/case-facts';
import { startDraft } from '../domain/cases/update-draft';
import type { Deps } from '../domain/deps';
import { AppError } from '../domain/errors';
import { requireRole } from '../domain/policy';
import { eligibilityLabel, findProvince } from '../domain/reference/provinces';
import type { AppEnv } from '../env';
import { ProgrammeListPage, ProgrammePage, type EligibilityCheck } from '../../views/portal/programmes';
import { openDrafts } from '../domain/cases/open-drafts';
import { renderPage } from './render';

/** The enterprise against the policy's screening rules: region (一.(一)) and 两高一资 (一.(二) 二是). */
function eligibilityChecks(deps: Deps, user: CurrentUser | null): EligibilityCheck[] | null {
  if (user?.role !== 'applicant' || !user.enterpriseId) return null;
  const ent = caseFacts(deps, { id: -1, enterpriseId: user.enterpriseId }).enterprise;
  const province = findProvince(ent.province);
  const industry = industryByCode(ent.industry);
  return [
    {
      ok: ent.regionEligible,
      label: { zh: `地区：${ent.province}`, en: `Region: ${province?.nameEn ?? ent.province}` },
      detail: province
        ? { zh: `${eligibilityLabel(province).zh}（政策 一.(一)）`, en: `${eligibilityLabel(province).en} (policy 一.(一))` }
        : { zh: '未知省份', en: 'Unknown province' },
    },
    {
      ok: !!industry && !industry.forbidden,
      label: { zh: `行业：${industry?.label.zh ?? ent.industry}`, en: `Industry: ${industry?.label.en ?? ent.industry}` },
      detail: industry?.forbidden
        ? { zh: '属于“两高一资”，其加工贸易不予支持（政策 一.(二) 二是）', en: 'A 两高一资 industry (high pollution, energy or resources): not supported (policy 一.(二), its 二是)' }
        : { zh: `鼓励类产业（政策 ${industry?.section ?? '二'}）；申请商品的海关编码将在初审时核对`, en: `An encouraged industry (policy ${industry?.section ?? '二'}); the HS codes of the products are checked at screening` },
    },
  ];
}

const card = (w: (typeof workflows)[keyof typeof workflows]) => ({ code: w.code, name: w.name, summary: w.summary, institution: w.institution, documents: w.documents });

const programmeOf = (c: Context<AppEnv>) => {
  const w = workflowFor(c.req.param('code') ?? '');
  if (!w) throw new AppError('NOT_FOUND', c.var.locale === 'zh' ? '没有这个支持项目。' : 'No such programme.');
  return w;
};

export const programmeRoutes = new Hono<AppEnv>()
  .get('/programmes', (c) => renderPage(c, c.var.locale === 'zh' ? '支持项目' : 'Programmes',
    <ProgrammeListPage programmes={Object.values(workflows).map(card)} checks={eligibilityChecks(c.var.deps, c.var.user)} locale={c.var.locale} />))
  .get('/programmes/:code', (c) => {
    const w = programmeOf(c);
    return renderPage(c, w.name[c.var.locale], <ProgrammePage programme={{ ...card(w), machine: w.machine, stateLabels: w.stateLabels, events: w.events }}
      checks={eligibilityChecks(c.var.deps, c.var.user)} canApply={c.var.user?.role === 'applicant'} drafts={openDrafts(c.var.deps, c.var.user, w.code)} csrfToken={c.var.csrfToken} locale={c.var.locale} />);
  })
  .post('/programmes/:code/apply', (c) => {
    const user = requireRole(c.var.user, 'applicant');
    const row = startDraft(c.var.deps, user, programmeOf(c).code);
    return c.redirect(`/portal/cases/${row.id}/form`, 303);
  });
