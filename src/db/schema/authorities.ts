import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { institutions } from './institutions';

/**
 * The body that issues an institution's letters for a location (四川省商务厅, 成都市商务局, a
 * bank's provincial branch), and for government bodies the bodies that hear the applicant's
 * remedies (行政复议 and 行政诉讼). `city` empty = the whole province. The most specific row for
 * the project's location wins; maintained by the admin.
 */
export const issuingAuthorities = sqliteTable(
  'issuing_authorities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    institutionCode: text('institution_code').notNull().references(() => institutions.code),
    province: text('province').notNull(),
    city: text('city').notNull().default(''),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    reviewBodyZh: text('review_body_zh'), // 行政复议机关
    reviewBodyEn: text('review_body_en'),
    courtZh: text('court_zh'),            // 行政诉讼的人民法院
    courtEn: text('court_en'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('issuing_authorities_place').on(t.institutionCode, t.province, t.city)],
);
