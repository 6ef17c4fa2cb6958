import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const enterprises = sqliteTable(
  'enterprises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 统一社会信用代码, validated per GB 32100-2015. */
    creditCode: text('credit_code').notNull().unique(),
    province: text('province').notNull(),
    city: text('city'),
    industry: text('industry').notNull(),
    customsCode: text('customs_code').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('enterprises_province').on(t.province), index('enterprises_name').on(t.name)],
);
