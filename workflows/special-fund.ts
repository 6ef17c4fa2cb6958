// 承接转移专项资金 (政策 六.一): grants of the local commerce department for public service
// platforms, staff skills training, investment promotion and employment promotion.
import { z } from 'zod';
import {
  city, contact, eiaReference, exampleContact, industry, jobsPromised, localHiringShare, positiveYuan,
  products, province, text, yuanAmount,
} from './form-fields';
import { requestWithinInvestment, withChecks } from './form-checks';
import { governmentFund, type GovFundOptions } from './government-fund';
import { bi } from './policy-guards';

export const SPECIAL_FUND_LIMITS = { minAmount: 100_000, maxAmount: 5_000_000 };
/** Share of the grant paid before acceptance (验收); the rest is paid once acceptance has passed. */
export const SPECIAL_FUND_ADVANCE_SHARE = 0.8;

export const specialFundForm = withChecks(z.object({
  category: z.enum(['public-service-platform', 'skills-training', 'investment-promotion', 'employment-promotion'])
    .describe('支持方向（政策 六.一）：公共服务平台 / 员工技能培训 / 招商引资 / 就业促进 — Category'),
  projectName: text(2, 200, '项目名称 / Project name'),
  description: text(10, 8000, '项目内容 / Project description'),
  purpose: text(2, 2000, '资金用途 / Use of the funds'),
  province,
  city,
  industry,
  products,
  requestedAmount: yuanAmount(SPECIAL_FUND_LIMITS.minAmount, SPECIAL_FUND_LIMITS.maxAmount, '申请金额 / Amount requested'),
  totalInvestment: positiveYuan('项目总投资 / Total project investment'),
  jobsPromised,
  localHiringShare,
  traineesPlanned: z.number().int().min(0).max(1_000_000).optional().describe('计划培训人数 / Staff to be trained (政策 五.一)'),
  eiaReference,
  contact,
}).strict(), [requestWithinInvestment]);

export const specialFundExample = {
  category: 'skills-training',
  projectName: '重庆电子信息产业工人技能培训基地',
  description: '建设面向笔记本电脑加工贸易企业的实训基地，年培训一线员工 3000 人次。',
  purpose: '实训设备购置与培训补贴',
  province: '重庆',
  city: '重庆市',
  industry: 'electronics',
  products: [{ hsCode: '8471.30', description: '便携式计算机 / Laptop computers' }],
  requestedAmount: 1_200_000,
  totalInvestment: 4_000_000,
  jobsPromised: 300,
  localHiringShare: 85,
  traineesPlanned: 3000,
  eiaReference: '渝环准〔2026〕18号',
  contact: exampleContact,
};

export const SPECIAL_FUND_OPTIONS: GovFundOptions = {
  code: 'special-fund',
  referencePrefix: 'SF',
  // 六.(一): 加大对重点承接地的资金支持 — the special funds are for the designated locations only.
  categoryField: 'category',
  outsideDesignated: 'refuse',
  name: bi('承接转移专项资金', 'Special funds for processing-trade transfer'),
  summary: bi(
    '商务主管部门经专家评审和公示后批复，财务部门分批拨付 80%，验收合格后拨付尾款（政策 六.一）。',
    'A grant decided by the local commerce department after expert review and public notice; its finance side pays 80% in tranches and the balance after acceptance (policy 六.一).',
  ),
  section: '六.(一)',
  ...SPECIAL_FUND_LIMITS,
  advanceShare: SPECIAL_FUND_ADVANCE_SHARE,
  formSchema: specialFundForm,
  formExample: specialFundExample,
  formChecks: [requestWithinInvestment],
  documents: [
    { kind: 'business-licence', label: bi('营业执照', 'Business licence'), required: true },
    { kind: 'project-plan', label: bi('项目实施方案', 'Project plan'), required: true },
    { kind: 'eia-approval', label: bi('环评批复', 'EIA approval'), required: true },
    { kind: 'financial-statements', label: bi('近三年财务报表', 'Financial statements (3 years)'), required: true },
    { kind: 'budget', label: bi('资金使用预算', 'Budget for the funds'), required: false },
    { kind: 'employment-plan', label: bi('就业与培训计划', 'Employment and training plan'), required: false },
  ],
};

export const specialFund = governmentFund(SPECIAL_FUND_OPTIONS);
