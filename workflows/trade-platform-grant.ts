// 外贸公共服务平台建设资金 (政策 六.四): public R&D platforms, product design centres, testing
// centres and public laboratories; the final payment follows acceptance.
import { z } from 'zod';
import {
  city, contact, eiaReference, exampleContact, industry, jobsPromised, localHiringShare, positiveYuan,
  products, province, text, yuanAmount,
} from './form-fields';
import { requestWithinInvestment, withChecks } from './form-checks';
import { governmentFund, type GovFundOptions } from './government-fund';
import { bi } from './policy-guards';

const PLATFORM_GRANT_LIMITS = { minAmount: 200_000, maxAmount: 10_000_000 };
/** Share of the grant paid before acceptance; the rest is the final payment (尾款). */
const PLATFORM_ADVANCE_SHARE = 0.7;

const tradePlatformForm = withChecks(z.object({
  platformType: z.enum(['rd-platform', 'design-centre', 'testing-centre', 'public-laboratory'])
    .describe('平台类型（政策 六.四）：公共技术研发平台 / 产品设计中心 / 检测中心 / 公共实验室 — Platform type'),
  projectName: text(2, 200, '平台项目名称 / Platform project name'),
  description: text(10, 8000, '建设内容 / What will be built'),
  purpose: text(2, 2000, '资金用途 / Use of the funds'),
  province,
  city,
  industry,
  products,
  requestedAmount: yuanAmount(PLATFORM_GRANT_LIMITS.minAmount, PLATFORM_GRANT_LIMITS.maxAmount, '申请金额 / Amount requested'),
  totalInvestment: positiveYuan('项目总投资 / Total project investment'),
  enterprisesServed: z.number().int().min(1).max(100_000).describe('预计服务企业数 / Enterprises to be served'),
  jobsPromised,
  localHiringShare,
  eiaReference,
  contact,
}).strict(), [requestWithinInvestment]);

export const tradePlatformExample = {
  platformType: 'testing-centre',
  projectName: '郑州纺织服装公共检测中心',
  description: '建设面向加工贸易纺织服装企业的纤维成分、色牢度和安全性能检测中心，服务周边企业。',
  purpose: '检测设备购置与实验室改造',
  province: '河南',
  city: '郑州市',
  industry: 'testing-repair',
  products: [{ hsCode: '6204.62', description: '女式棉制长裤 / Women\'s cotton trousers' }],
  requestedAmount: 3_000_000,
  totalInvestment: 9_000_000,
  enterprisesServed: 120,
  jobsPromised: 45,
  localHiringShare: 90,
  eiaReference: '豫环审〔2026〕7号',
  contact: exampleContact,
};

export const PLATFORM_GRANT_OPTIONS: GovFundOptions = {
  code: 'trade-platform-grant',
  referencePrefix: 'TPG',
  // 六.(四): platforms serve the region's firms; the designated locations come first.
  categoryField: 'platformType',
  outsideDesignated: 'lower-priority',
  name: bi('外贸公共服务平台建设资金', 'Foreign-trade public service platform funds'),
  summary: bi(
    '商务主管部门经专家评审、公示后批复，财务部门先行拨付 70%，验收合格后拨付尾款（政策 六.四）。',
    'A platform grant decided by the commerce department after expert review and public notice; its finance side advances 70% and pays the balance after acceptance (policy 六.四).',
  ),
  section: '六.(四)',
  ...PLATFORM_GRANT_LIMITS,
  advanceShare: PLATFORM_ADVANCE_SHARE,
  formSchema: tradePlatformForm,
  formExample: tradePlatformExample,
  formChecks: [requestWithinInvestment],
  documents: [
    { kind: 'business-licence', label: bi('营业执照', 'Business licence'), required: true },
    { kind: 'project-plan', label: bi('平台建设方案', 'Platform project plan'), required: true },
    { kind: 'eia-approval', label: bi('环评批复', 'EIA approval'), required: true },
    { kind: 'financial-statements', label: bi('近三年财务报表', 'Financial statements (3 years)'), required: true },
    { kind: 'equipment-list', label: bi('设备清单', 'Equipment list'), required: false },
    { kind: 'acceptance-report', label: bi('验收报告', 'Acceptance report'), required: false },
  ],
};

export const tradePlatformGrant = governmentFund(PLATFORM_GRANT_OPTIONS);
