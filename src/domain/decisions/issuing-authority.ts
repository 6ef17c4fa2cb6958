import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, enterprises, institutions, issuingAuthorities } from '../../db/schema/index';
import { normaliseCity, normaliseProvince } from '../reference/place-names';

export interface Remedies { reviewBodyZh: string; reviewBodyEn: string; courtZh: string; courtEn: string }
export interface Issuer { nameZh: string; nameEn: string; kind: 'government' | 'bank' | 'insurer'; remedies: Remedies }
export interface Place { province: string; city: string }

/** Where a case's project is: the form's location, else the enterprise's registered address. */
export function casePlace(tx: Db, caseId: number): Place {
  const r = tx.select({ form: cases.form, province: enterprises.province, city: enterprises.city })
    .from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).where(eq(cases.id, caseId)).get();
  if (!r) return { province: '', city: '' };
  const form = JSON.parse(r.form) as { province?: unknown; city?: unknown };
  const province = typeof form.province === 'string' && form.province ? form.province : r.province;
  const city = typeof form.city === 'string' && form.city ? form.city : (province === r.province ? r.city ?? '' : '');
  return { province: normaliseProvince(province), city: normaliseCity(city) };
}

/**
 * The body that issues an institution's letter for a place: the admin's row for the city, else
 * for the province, else the institution itself. For a government body the remedy bodies default
 * to what the law gives when none is configured (行政复议法 第十二条: the people's government at
 * the same level or the department one level up; 行政诉讼法: the competent people's court).
 */
export function issuerFor(tx: Db, institutionCode: string, place: Place): Issuer {
  const inst = tx.select().from(institutions).where(eq(institutions.code, institutionCode)).get();
  const kind = (inst?.kind ?? 'government') as Issuer['kind'];
  const rows = tx.select().from(issuingAuthorities)
    .where(and(eq(issuingAuthorities.institutionCode, institutionCode), eq(issuingAuthorities.province, normaliseProvince(place.province)))).all();
  const row = rows.find((r) => r.city && r.city === normaliseCity(place.city)) ?? rows.find((r) => !r.city);
  const nameZh = row?.nameZh ?? inst?.nameZh ?? institutionCode;
  const nameEn = row?.nameEn ?? inst?.nameEn ?? institutionCode;
  return {
    nameZh, nameEn, kind,
    remedies: {
      reviewBodyZh: row?.reviewBodyZh || `${nameZh}的本级人民政府或上一级主管部门`,
      reviewBodyEn: row?.reviewBodyEn || `the people's government at the level of ${nameEn} or the department one level up`,
      courtZh: row?.courtZh || '有管辖权的人民法院',
      courtEn: row?.courtEn || 'the competent people\'s court',
    },
  };
}
