// Place names as people type them: 四川省 = 四川, 宿迁 = 宿迁市. One normal form, so that a list
// maintained by the admin and a form filled by an applicant compare equal.
const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(市|区|县|州|盟|地区|旗)$/;

/** '四川省' → '四川', '广西壮族自治区' → '广西', '重庆市' → '重庆'. */
export function normaliseProvince(name: string | null | undefined): string {
  const s = String(name ?? '').replace(/\s+/g, '');
  const short = s.replace(PROVINCE_SUFFIX, '');
  return short.length >= 2 ? short : s;
}

/** '宿迁' → '宿迁市'; names that already say what they are (区, 县, 州…) stay; '' stays ''. */
export function normaliseCity(name: string | null | undefined): string {
  const s = String(name ?? '').replace(/\s+/g, '');
  if (!s) return '';
  return CITY_SUFFIX.test(s) ? s : `${s}市`;
}
