// Zod fields that several application forms share, with bilingual hints for the form pages.
import { z } from 'zod';
import { COUNTRY_CODES } from './countries';
import { INDUSTRY_CODES, PROVINCE_NAMES } from './policy-lists';

export const text = (min: number, max: number, hint: string) => z.string().trim().min(min).max(max).describe(hint);

/** Amounts are whole CNY yuan, within the programme's limits. */
export const yuanAmount = (min: number, max: number, hint: string) =>
  z.number().int().min(min).max(max).describe(`${hint}（人民币元，${min}–${max} / CNY yuan）`);

export const positiveYuan = (hint: string) => z.number().int().positive().describe(`${hint}（人民币元 / CNY yuan）`);

/** A calendar day, YYYY-MM-DD, that exists (zod checks the day of the month, leap years too). */
export const isoDate = (hint: string) => z.iso.date().describe(hint);

export const province = z.enum(PROVINCE_NAMES).describe('项目所在省份 / Province');
export const city = z.string().trim().min(1).max(50).optional().describe('城市（可选） / City (optional)');
export const industry = z.enum(INDUSTRY_CODES).describe('所属行业（见行业目录） / Industry code');

const hsCode = z.string().regex(/^\d{4}(\.?\d{2}){0,3}$/, 'HS code: 4–10 digits').describe('海关商品编码 / HS code');
export const product = z.object({
  hsCode,
  description: text(1, 200, '商品名称 / Product description'),
}).strict();
export const products = z.array(product).min(1).max(50).describe('加工贸易商品 / Processing-trade products');

export const jobsPromised = z.number().int().min(0).max(1_000_000).describe('承诺新增就业岗位 / New jobs promised (政策 五)');
export const localHiringShare = z.number().min(0).max(100).describe('本地招工比例（%） / Share of local hires (%)');
export const eiaReference = text(3, 100, '环评批复文号 / EIA approval reference (政策 一.(二))');

export const contact = z.object({
  name: text(1, 50, '联系人 / Contact person'),
  phone: z.string().regex(/^[+\d][\d\s-]{6,19}$/, 'phone number').describe('电话 / Phone'),
  email: z.email().describe('电子邮箱 / Email'),
}).strict();

/** Stored as the ISO 3166-1 alpha-2 code; the pages offer the countries by name. */
export const countryCode = z.enum(COUNTRY_CODES).describe('国家或地区 / Country or region');
export const currency = z.enum(['CNY', 'USD', 'EUR', 'JPY', 'HKD', 'GBP']).describe('币种 / Currency');

export const reason = text(2, 2000, '理由 / Reason');
export const note = text(1, 2000, '说明 / Note');
export const exampleContact = { name: '王敏', phone: '+86 23 6789 1234', email: 'wang.min@example.cn' };

/** Bilingual names of the choice values of the application forms (shown instead of codes). */
export const CHOICE_LABELS: Record<string, { zh: string; en: string }> = {
  loan: { zh: '贷款', en: 'Loan' }, bond: { zh: '债券', en: 'Bond' }, leasing: { zh: '租赁', en: 'Leasing' }, investment: { zh: '投资', en: 'Investment' },
  'park-infrastructure': { zh: '园区基础设施', en: 'Industrial park infrastructure' }, 'logistics-hub': { zh: '物流枢纽', en: 'Logistics hub' },
  'basic-industry': { zh: '基础产业', en: 'Basic industry' }, 'pillar-industry': { zh: '支柱产业', en: 'Pillar industry' }, 'public-platform': { zh: '公共平台', en: 'Public platform' },
  order: { zh: '订单融资（出运前）', en: 'Order financing (before shipment)' }, receivables: { zh: '应收账款融资（已出运）', en: 'Receivables financing (shipped goods)' },
  'imported-materials': { zh: '进料加工', en: 'Processing with imported materials' }, 'supplied-materials': { zh: '来料加工', en: 'Processing with supplied materials' },
  'short-term-export': { zh: '短期出口信用保险', en: 'Short-term export credit insurance' }, 'domestic-trade': { zh: '国内贸易信用保险', en: 'Domestic trade credit insurance' },
  LC: { zh: '信用证', en: 'Letter of credit' }, DP: { zh: '付款交单', en: 'Documents against payment' }, DA: { zh: '承兑交单', en: 'Documents against acceptance' }, OA: { zh: '赊销', en: 'Open account' },
  'public-service-platform': { zh: '公共服务平台', en: 'Public service platform' }, 'skills-training': { zh: '职业技能培训', en: 'Staff skills training' },
  'investment-promotion': { zh: '投资促进', en: 'Investment promotion' }, 'employment-promotion': { zh: '促进就业', en: 'Employment promotion' },
  'rd-platform': { zh: '公共研发平台', en: 'Public R&D platform' }, 'design-centre': { zh: '产品设计中心', en: 'Product design centre' },
  'testing-centre': { zh: '检测中心', en: 'Testing centre' }, 'public-laboratory': { zh: '公共实验室', en: 'Public laboratory' },
  'processing-enterprise': { zh: '加工贸易企业', en: 'Processing-trade enterprise' }, 'training-provider': { zh: '职业培训机构', en: 'Training provider' },
  CNY: { zh: '人民币', en: 'CNY' }, USD: { zh: '美元', en: 'USD' }, EUR: { zh: '欧元', en: 'EUR' }, JPY: { zh: '日元', en: 'JPY' }, HKD: { zh: '港元', en: 'HKD' }, GBP: { zh: '英镑', en: 'GBP' },
};
