// 政策 总体要求: support goes to central and western China and designated less-developed
// eastern areas (中西部地区和东部欠发达地区).
import { normaliseProvince } from './place-names';

type Region = 'central' | 'western' | 'eastern' | 'northeast';

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

export function findProvince(name: string): Province | undefined {
  const short = normaliseProvince(name);
  return PROVINCES.find((p) => p.name === short);
}

export function eligibilityLabel(p: Province): { zh: string; en: string } {
  switch (p.region) {
    case 'central': return { zh: '中部地区 · 重点承接地优先', en: 'Central region · designated key locations first' };
    case 'western': return { zh: '西部地区 · 重点承接地优先', en: 'Western region · designated key locations first' };
    default: return {
      zh: '东部/东北地区 · 仅限指定欠发达地区',
      en: 'Eastern/north-eastern region · designated less-developed areas only',
    };
  }
}
