import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { designatedLocations } from '../../db/schema/index';
import { beijingDayStart } from '../../../workflows/display-format';

/**
 * The starting list of key undertaking locations (重点承接地) of this installation: central and
 * western cities and the less-developed eastern areas, with the date the demo records for their
 * designation. The admin keeps it to the ministries' current list afterwards (/admin/locations),
 * so it is written only into an empty table. Each row counts as recorded on its designation day,
 * so applications of any later date are judged against it.
 */
export const STARTING_LOCATIONS: { province: string; cities: string[]; designatedOn: string }[] = [
  { province: '山西', cities: ['太原市', '晋城市'], designatedOn: '2011-12-20' },
  { province: '安徽', cities: ['合肥市', '芜湖市', '安庆市', '滁州市'], designatedOn: '2011-12-20' },
  { province: '江西', cities: ['南昌市', '赣州市', '九江市', '吉安市'], designatedOn: '2011-12-20' },
  { province: '河南', cities: ['郑州市', '焦作市', '鹤壁市'], designatedOn: '2011-12-20' },
  { province: '湖北', cities: ['武汉市', '荆州市', '孝感市'], designatedOn: '2011-12-20' },
  { province: '湖南', cities: ['长沙市', '岳阳市', '衡阳市', '郴州市'], designatedOn: '2011-12-20' },
  { province: '内蒙古', cities: ['呼和浩特市'], designatedOn: '2011-12-20' },
  { province: '广西', cities: ['南宁市', '北海市', '钦州市', '梧州市'], designatedOn: '2011-12-20' },
  { province: '重庆', cities: ['重庆市'], designatedOn: '2011-12-20' },
  { province: '四川', cities: ['成都市', '绵阳市', '遂宁市'], designatedOn: '2011-12-20' },
  { province: '贵州', cities: ['贵阳市'], designatedOn: '2011-12-20' },
  { province: '云南', cities: ['昆明市'], designatedOn: '2011-12-20' },
  { province: '陕西', cities: ['西安市'], designatedOn: '2011-12-20' },
  { province: '甘肃', cities: ['兰州市'], designatedOn: '2011-12-20' },
  { province: '青海', cities: ['西宁市'], designatedOn: '2011-12-20' },
  { province: '宁夏', cities: ['银川市'], designatedOn: '2011-12-20' },
  { province: '新疆', cities: ['乌鲁木齐市'], designatedOn: '2011-12-20' },
  // Less-developed eastern and north-eastern areas (总体要求: 东部欠发达地区).
  { province: '河北', cities: ['张家口市', '承德市', '衡水市', '邢台市'], designatedOn: '2012-06-01' },
  { province: '江苏', cities: ['宿迁市', '连云港市', '淮安市', '盐城市'], designatedOn: '2012-06-01' },
  { province: '广东', cities: ['河源市', '梅州市', '汕尾市', '阳江市', '湛江市', '清远市', '韶关市', '云浮市'], designatedOn: '2012-06-01' },
  { province: '福建', cities: ['龙岩市', '三明市', '南平市'], designatedOn: '2012-06-01' },
  { province: '山东', cities: ['菏泽市', '聊城市', '临沂市'], designatedOn: '2012-06-01' },
  { province: '辽宁', cities: ['阜新市', '朝阳市'], designatedOn: '2012-06-01' },
  { province: '吉林', cities: ['白城市', '松原市'], designatedOn: '2012-06-01' },
  { province: '黑龙江', cities: ['绥化市', '齐齐哈尔市'], designatedOn: '2012-06-01' },
  { province: '海南', cities: ['儋州市'], designatedOn: '2012-06-01' },
];

export function ensureDesignatedLocations(tx: Db): void {
  const n = tx.select({ n: sql<number>`count(*)` }).from(designatedLocations).get()?.n ?? 0;
  if (n > 0) return;
  for (const { province, cities, designatedOn } of STARTING_LOCATIONS) {
    for (const city of cities) tx.insert(designatedLocations).values({ province, city, designatedOn, createdAt: beijingDayStart(designatedOn) }).run();
  }
}
