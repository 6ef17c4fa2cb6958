import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * The key undertaking locations (重点承接地) the three ministries designated (政策 序言 and 一.(一)),
 * kept by the admin. Names are stored normalised (place-names.ts: 四川, 成都市). A row is never
 * deleted nor edited: a location is ended by recording its end, so the list as it stood at any
 * moment can be read back. A row counts for an application submitted at T when it was recorded
 * by T and its designation date has come (and its end, if recorded by T, has not).
 */
export const designatedLocations = sqliteTable(
  'designated_locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    province: text('province').notNull(),
    city: text('city').notNull(),            // city or district
    designatedOn: text('designated_on').notNull(), // Beijing calendar date, YYYY-MM-DD
    endsOn: text('ends_on'),                  // first day no longer designated; null while it lasts
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    endRecordedAt: text('end_recorded_at'),   // when the end was recorded (it applies from then on)
    endedBy: integer('ended_by').references(() => users.id),
  },
  (t) => [index('designated_locations_place').on(t.province, t.city)],
);
