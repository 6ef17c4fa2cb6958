// Reference lists of 商产发〔2011〕473号: eligible regions, encouraged industries (二) and the
// 两高一资 products whose processing trade is forbidden (一.(二) 二是). Pure data, no I/O.
import type { Bilingual } from './types';

export type RegionGroup = 'central' | 'western' | 'eastern' | 'northeast';

/** Provinces by group. 政策 一.(一): central and western provinces are undertaking locations;
 *  eastern and north-eastern ones only in designated less-developed areas (configured outside). */
export const PROVINCES: { name: string; en: string; group: RegionGroup }[] = [
  { name: '山西', en: 'Shanxi', group: 'central' }, { name: '安徽', en: 'Anhui', group: 'central' },
  { name: '江西', en: 'Jiangxi', group: 'central' }, { name: '河南', en: 'Henan', group: 'central' },
  { name: '湖北', en: 'Hubei', group: 'central' }, { name: '湖南', en: 'Hunan', group: 'central' },
  { name: '内蒙古', en: 'Inner Mongolia', group: 'western' }, { name: '广西', en: 'Guangxi', group: 'western' },
  { name: '重庆', en: 'Chongqing', group: 'western' }, { name: '四川', en: 'Sichuan', group: 'western' },
  { name: '贵州', en: 'Guizhou', group: 'western' }, { name: '云南', en: 'Yunnan', group: 'western' },
  { name: '西藏', en: 'Tibet', group: 'western' }, { name: '陕西', en: 'Shaanxi', group: 'western' },
  { name: '甘肃', en: 'Gansu', group: 'western' }, { name: '青海', en: 'Qinghai', group: 'western' },
  { name: '宁夏', en: 'Ningxia', group: 'western' }, { name: '新疆', en: 'Xinjiang', group: 'western' },
  { name: '北京', en: 'Beijing', group: 'eastern' }, { name: '天津', en: 'Tianjin', group: 'eastern' },
  { name: '河北', en: 'Hebei', group: 'eastern' }, { name: '上海', en: 'Shanghai', group: 'eastern' },
  { name: '江苏', en: 'Jiangsu', group: 'eastern' }, { name: '浙江', en: 'Zhejiang', group: 'eastern' },
  { name: '福建', en: 'Fujian', group: 'eastern' }, { name: '山东', en: 'Shandong', group: 'eastern' },
  { name: '广东', en: 'Guangdong', group: 'eastern' }, { name: '海南', en: 'Hainan', group: 'eastern' },
  { name: '辽宁', en: 'Liaoning', group: 'northeast' }, { name: '吉林', en: 'Jilin', group: 'northeast' },
  { name: '黑龙江', en: 'Heilongjiang', group: 'northeast' },
];
export const PROVINCE_NAMES = PROVINCES.map((p) => p.name) as [string, ...string[]];

export interface Industry { code: string; label: Bilingual; forbidden: boolean; section: string }

/** Industries used by the registration and application forms. `forbidden` marks 两高一资
 *  processing (政策 一.(二) 二是); such codes are accepted by the forms so that screening can refuse
 *  them with a reasoned decision instead of silently hiding them. */
export const INDUSTRIES: Industry[] = [
  // 政策 二.(一): labour-intensive
  { code: 'textiles', label: { zh: '纺织', en: 'Textiles' }, forbidden: false, section: '二.(一)' },
  { code: 'garments', label: { zh: '服装', en: 'Garments' }, forbidden: false, section: '二.(一)' },
  { code: 'toys', label: { zh: '玩具', en: 'Toys' }, forbidden: false, section: '二.(一)' },
  { code: 'household-appliances', label: { zh: '家电', en: 'Household appliances' }, forbidden: false, section: '二.(一)' },
  { code: 'light-industry', label: { zh: '轻工', en: 'Light industry' }, forbidden: false, section: '二.(一)' },
  // 政策 二.(二): high-tech and strategic emerging industries
  { code: 'electronics', label: { zh: '电子信息', en: 'Electronics and information' }, forbidden: false, section: '二.(二)' },
  { code: 'biotech', label: { zh: '生物', en: 'Biotechnology' }, forbidden: false, section: '二.(二)' },
  { code: 'aerospace', label: { zh: '航空航天', en: 'Aerospace' }, forbidden: false, section: '二.(二)' },
  { code: 'new-materials', label: { zh: '新材料', en: 'New materials' }, forbidden: false, section: '二.(二)' },
  { code: 'new-energy', label: { zh: '新能源', en: 'New energy' }, forbidden: false, section: '二.(二)' },
  // 政策 二.(三) and 二.四: supporting industries and producer services
  { code: 'supporting', label: { zh: '配套产业', en: 'Supporting / ancillary industries' }, forbidden: false, section: '二.(三)' },
  { code: 'transport', label: { zh: '运输', en: 'Transport' }, forbidden: false, section: '二.(四)' },
  { code: 'warehousing-logistics', label: { zh: '仓储物流', en: 'Warehousing and logistics' }, forbidden: false, section: '二.(四)' },
  { code: 'hr-services', label: { zh: '人力资源市场', en: 'Human-resources services' }, forbidden: false, section: '二.(四)' },
  { code: 'testing-repair', label: { zh: '检测维修', en: 'Testing and repair' }, forbidden: false, section: '二.(四)' },
  // 政策 一.(二) 二是: 两高一资 — high pollution, high energy use, resource-based
  { code: 'coking', label: { zh: '炼焦', en: 'Coking' }, forbidden: true, section: '一.(二)' },
  { code: 'ferroalloys', label: { zh: '铁合金冶炼', en: 'Ferroalloy smelting' }, forbidden: true, section: '一.(二)' },
  { code: 'electrolytic-aluminium', label: { zh: '电解铝', en: 'Electrolytic aluminium' }, forbidden: true, section: '一.(二)' },
  { code: 'calcium-carbide', label: { zh: '电石', en: 'Calcium carbide' }, forbidden: true, section: '一.(二)' },
  { code: 'cement-clinker', label: { zh: '水泥熟料', en: 'Cement clinker' }, forbidden: true, section: '一.(二)' },
  { code: 'tanning', label: { zh: '制革', en: 'Leather tanning' }, forbidden: true, section: '一.(二)' },
  { code: 'pulp', label: { zh: '化学制浆', en: 'Chemical pulp' }, forbidden: true, section: '一.(二)' },
  { code: 'rare-earth-smelting', label: { zh: '稀土冶炼分离', en: 'Rare-earth smelting and separation' }, forbidden: true, section: '一.(二)' },
  { code: 'steel-smelting', label: { zh: '钢铁冶炼', en: 'Iron and steel smelting' }, forbidden: true, section: '一.(二)' },
  { code: 'nonferrous-smelting', label: { zh: '有色金属冶炼', en: 'Non-ferrous metal smelting' }, forbidden: true, section: '一.(二)' },
];
export const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];

export interface ForbiddenProduct { hsPrefix: string; label: Bilingual }

/** HS-code prefixes of 两高一资 products (政策 一.(二) 二是). A product whose code starts with one of
 *  these is forbidden for processing trade. Prefixes follow the Customs tariff (2026). */
export const FORBIDDEN_PRODUCTS: ForbiddenProduct[] = [
  { hsPrefix: '2601', label: { zh: '铁矿砂及其精矿', en: 'Iron ores and concentrates' } },
  { hsPrefix: '2602', label: { zh: '锰矿砂及其精矿', en: 'Manganese ores' } },
  { hsPrefix: '2606', label: { zh: '铝矿砂及其精矿', en: 'Aluminium ores' } },
  { hsPrefix: '2612', label: { zh: '铀或钍矿砂', en: 'Uranium or thorium ores' } },
  { hsPrefix: '2614', label: { zh: '钛矿砂及其精矿', en: 'Titanium ores' } },
  { hsPrefix: '2615', label: { zh: '铌、钽、钒或锆矿砂', en: 'Niobium, tantalum, vanadium, zirconium ores' } },
  { hsPrefix: '2617', label: { zh: '其他矿砂（含稀土矿）', en: 'Other ores (including rare-earth ores)' } },
  { hsPrefix: '2701', label: { zh: '煤', en: 'Coal' } },
  { hsPrefix: '2704', label: { zh: '焦炭及半焦炭', en: 'Coke and semi-coke' } },
  { hsPrefix: '2523', label: { zh: '水泥及水泥熟料', en: 'Cement and cement clinker' } },
  { hsPrefix: '2805', label: { zh: '稀土金属', en: 'Rare-earth metals' } },
  { hsPrefix: '2846', label: { zh: '稀土金属化合物', en: 'Rare-earth compounds' } },
  { hsPrefix: '2849', label: { zh: '碳化物（电石）', en: 'Carbides (calcium carbide)' } },
  { hsPrefix: '4104', label: { zh: '鞣制的牛马皮（蓝湿皮）', en: 'Tanned bovine hides (wet blue)' } },
  { hsPrefix: '4105', label: { zh: '鞣制的绵羊皮', en: 'Tanned sheep skins' } },
  { hsPrefix: '4106', label: { zh: '鞣制的其他动物皮', en: 'Tanned hides of other animals' } },
  { hsPrefix: '4403', label: { zh: '原木', en: 'Wood in the rough' } },
  { hsPrefix: '4703', label: { zh: '化学木浆', en: 'Chemical wood pulp' } },
  { hsPrefix: '7201', label: { zh: '生铁', en: 'Pig iron' } },
  { hsPrefix: '7202', label: { zh: '铁合金', en: 'Ferroalloys' } },
  { hsPrefix: '7601', label: { zh: '未锻轧铝（电解铝）', en: 'Unwrought aluminium (electrolytic)' } },
  { hsPrefix: '7901', label: { zh: '未锻轧锌', en: 'Unwrought zinc' } },
  { hsPrefix: '8001', label: { zh: '未锻轧锡', en: 'Unwrought tin' } },
];

export function industryByCode(code: string): Industry | undefined {
  return INDUSTRIES.find((i) => i.code === code);
}

export function forbiddenProduct(hsCode: string): ForbiddenProduct | undefined {
  const digits = hsCode.replace(/\D/g, '');
  return FORBIDDEN_PRODUCTS.find((p) => digits.startsWith(p.hsPrefix));
}

/** Every 两高一资 finding for an industry and a list of HS codes, as bilingual text. */
export function twoHighsFindings(industries: string[], hsCodes: string[]): Bilingual[] {
  const found: Bilingual[] = [];
  for (const code of industries) {
    const industry = industryByCode(code);
    if (industry?.forbidden) found.push({ zh: `行业“${industry.label.zh}”`, en: `industry "${industry.label.en}"` });
  }
  for (const hs of hsCodes) {
    const product = forbiddenProduct(hs);
    if (product) found.push({ zh: `商品 ${hs}（${product.label.zh}）`, en: `product ${hs} (${product.label.en})` });
  }
  return found;
}
