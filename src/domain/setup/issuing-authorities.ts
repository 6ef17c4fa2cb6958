import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { issuingAuthorities } from '../../db/schema/index';

type Row = Omit<typeof issuingAuthorities.$inferInsert, 'id' | 'updatedAt'>;

const gov = (province: string, city: string, nameZh: string, nameEn: string, reviewBodyZh: string, reviewBodyEn: string, courtZh: string, courtEn: string): Row =>
  ({ institutionCode: 'COMMERCE', province, city, nameZh, nameEn, reviewBodyZh, reviewBodyEn, courtZh, courtEn });
const branch = (institutionCode: string, province: string, nameZh: string, nameEn: string): Row =>
  ({ institutionCode, province, city: '', nameZh, nameEn });

/**
 * The starting list of issuing bodies for the provinces the demo covers; the admin keeps it up
 * to date afterwards (a body renamed, a city added), so it is written only into an empty table.
 */
const DEFAULT_AUTHORITIES: Row[] = [
  gov('重庆', '', '重庆市商务委员会', 'Chongqing Municipal Commission of Commerce', '重庆市人民政府', 'the Chongqing Municipal People\'s Government', '重庆市渝中区人民法院', 'the Yuzhong District People\'s Court of Chongqing'),
  gov('四川', '', '四川省商务厅', 'Department of Commerce of Sichuan Province', '四川省人民政府', 'the People\'s Government of Sichuan Province', '成都铁路运输法院', 'the Chengdu Railway Transport Court'),
  gov('四川', '成都市', '成都市商务局', 'Chengdu Municipal Bureau of Commerce', '成都市人民政府', 'the Chengdu Municipal People\'s Government', '成都铁路运输法院', 'the Chengdu Railway Transport Court'),
  gov('河南', '', '河南省商务厅', 'Department of Commerce of Henan Province', '河南省人民政府', 'the People\'s Government of Henan Province', '郑州铁路运输法院', 'the Zhengzhou Railway Transport Court'),
  gov('河南', '郑州市', '郑州市商务局', 'Zhengzhou Municipal Bureau of Commerce', '郑州市人民政府', 'the Zhengzhou Municipal People\'s Government', '郑州铁路运输法院', 'the Zhengzhou Railway Transport Court'),
  branch('CDB', '重庆', '国家开发银行重庆市分行', 'China Development Bank, Chongqing Branch'),
  branch('CDB', '四川', '国家开发银行四川省分行', 'China Development Bank, Sichuan Branch'),
  branch('CDB', '河南', '国家开发银行河南省分行', 'China Development Bank, Henan Branch'),
  branch('EXIM', '重庆', '中国进出口银行重庆分行', 'Export-Import Bank of China, Chongqing Branch'),
  branch('EXIM', '四川', '中国进出口银行四川省分行', 'Export-Import Bank of China, Sichuan Branch'),
  branch('EXIM', '河南', '中国进出口银行河南省分行', 'Export-Import Bank of China, Henan Branch'),
  branch('SINOSURE', '重庆', '中国出口信用保险公司重庆分公司', 'Sinosure Chongqing Branch'),
  branch('SINOSURE', '四川', '中国出口信用保险公司四川分公司', 'Sinosure Sichuan Branch'),
  branch('SINOSURE', '河南', '中国出口信用保险公司河南分公司', 'Sinosure Henan Branch'),
];

export function ensureIssuingAuthorities(tx: Db, now: string): void {
  const n = tx.select({ n: sql<number>`count(*)` }).from(issuingAuthorities).get()?.n ?? 0;
  if (n > 0) return;
  for (const r of DEFAULT_AUTHORITIES) tx.insert(issuingAuthorities).values({ ...r, updatedAt: now }).run();
}
