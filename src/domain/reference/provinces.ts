// 政策 总体要求: support goes to central and western China and designated less-developed
// eastern areas (中西部地区和东部欠发达地区).
import { normaliseCity, normaliseProvince } from './place-names';

export type Region = 'central' | 'western' | 'eastern' | 'northeast';

export interface Province { name: string; nameEn: string; region: Region }

export const PROVINCES: Province[] = [
  { name: '山西', nameEn: 'Shanxi', region: 'central' },
  { name: '安徽', nameEn: 'Anhui', region: 'central' },
  { name: '江西', nameEn: 'Jiangxi', region: 'central' },
  { name: '河南', nameEn: 'Henan', region: 'central' },
  { name: '湖北', nameEn: 'Hubei', region: 'central' },
  { name: '湖南', nameEn: 'Hunan', region: 'central' },
  { name: '内蒙古', nameEn: 'Inner Mongolia', region: 'western' },
  { name: '广西', nameEn: 'Guangxi', region: 'western' },
  { name: '重庆', nameEn: 'Chongqing', region: 'western' },
  { name: '四川', nameEn: 'Sichuan', region: 'western' },
  { name: '贵州', nameEn: 'Guizhou', region: 'western' },
  { name: '云南', nameEn: 'Yunnan', region: 'western' },
  { name: '西藏', nameEn: 'Tibet', region: 'western' },
  { name: '陕西', nameEn: 'Shaanxi', region: 'western' },
  { name: '甘肃', nameEn: 'Gansu', region: 'western' },
  { name: '青海', nameEn: 'Qinghai', region: 'western' },
  { name: '宁夏', nameEn: 'Ningxia', region: 'western' },
  { name: '新疆', nameEn: 'Xinjiang', region: 'western' },
  { name: '北京', nameEn: 'Beijing', region: 'eastern' },
  { name: '天津', nameEn: 'Tianjin', region: 'eastern' },
  { name: '河北', nameEn: 'Hebei', region: 'eastern' },
  { name: '上海', nameEn: 'Shanghai', region: 'eastern' },
  { name: '江苏', nameEn: 'Jiangsu', region: 'eastern' },
  { name: '浙江', nameEn: 'Zhejiang', region: 'eastern' },
  { name: '福建', nameEn: 'Fujian', region: 'eastern' },
  { name: '山东', nameEn: 'Shandong', region: 'eastern' },
  { name: '广东', nameEn: 'Guangdong', region: 'eastern' },
  { name: '海南', nameEn: 'Hainan', region: 'eastern' },
  { name: '辽宁', nameEn: 'Liaoning', region: 'northeast' },
  { name: '吉林', nameEn: 'Jilin', region: 'northeast' },
  { name: '黑龙江', nameEn: 'Heilongjiang', region: 'northeast' },
];

/**
 * Designated less-developed eastern areas (prefecture-level cities). A reference list that
 * administrators maintain; an enterprise elsewhere in the east is not eligible.
 */
export const DESIGNATED_EASTERN_AREAS: Record<string, string[]> = {
  河北: ['张家口', '承德', '衡水', '邢台'],
  江苏: ['宿迁', '连云港', '淮安', '盐城'],
  广东: ['河源', '梅州', '汕尾', '阳江', '湛江', '清远', '韶关', '云浮'],
  福建: ['龙岩', '三明', '南平'],
  山东: ['菏泽', '聊城', '临沂'],
  辽宁: ['阜新', '朝阳'],
  吉林: ['白城', '松原'],
  黑龙江: ['绥化', '齐齐哈尔'],
  海南: ['儋州'],
};

export function findProvince(name: string): Province | undefined {
  const short = normaliseProvince(name);
  return PROVINCES.find((p) => p.name === short);
}

/** Names as typed compare as one: 江苏省 = 江苏, 宿迁 = 宿迁市. */
export function isRegionEligible(province: string, city?: string | null): boolean {
  const p = findProvince(province);
  if (!p) return false;
  if (p.region === 'central' || p.region === 'western') return true;
  return !!city && (DESIGNATED_EASTERN_AREAS[p.name] ?? []).some((c) => normaliseCity(c) === normaliseCity(city));
}

export function eligibilityLabel(p: Province): { zh: string; en: string } {
  switch (p.region) {
    case 'central': return { zh: '中部地区 · 符合条件', en: 'Central region · eligible' };
    case 'western': return { zh: '西部地区 · 符合条件', en: 'Western region · eligible' };
    default: return {
      zh: '东部/东北地区 · 仅限指定欠发达地区',
      en: 'Eastern/north-eastern region · designated less-developed areas only',
    };
  }
}
