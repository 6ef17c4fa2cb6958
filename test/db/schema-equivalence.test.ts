// The SQLite schema (src/db/schema, migrations) and the PostgreSQL one derived from it (src/db/schema-pg.ts,
// migrations-pg) describe the same database: read back from both live, migrated databases,
// they have the same tables, columns (type family, nullability), primary keys, indexes (name,
// columns, unique, partial), foreign keys and triggers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client';
import type { PgDb } from '../../src/db/postgres';
import { openTestPostgres } from '../helpers/pg';

interface TableShape {
  columns: Record<string, { type: string; notNull: boolean; default: string | null }>;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; partial: boolean }>;
  foreignKeys: string[];
  triggers: string[];
}
type Shape = Record<string, TableShape>;

// SQLite keeps booleans as integers; PostgreSQL's serial is an integer with a default.
const SQLITE_TYPES: Record<string, string> = { integer: 'integer', text: 'text', real: 'float', blob: 'bytes' };
const PG_TYPES: Record<string, string> = { bigint: 'integer', boolean: 'integer', text: 'text', 'double precision': 'float', bytea: 'bytes' };

/** 'zh'::text is SQLite's 'zh'; a serial's nextval(…) is SQLite's rowid, which has no default. */
const pgDefault = (d: string | null) => (d === null || d.startsWith('nextval(') ? null : d.replace(/::[a-z ]+$/, ''));

function sqliteShape(db: Db): Shape {
  const c = db.$client;
  const tables = c.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").pluck().all() as string[];
  const shape: Shape = {};
  for (const t of tables) {
    const cols = c.prepare('select name, type, "notnull" as nn, pk, dflt_value as d from pragma_table_info(?)').all(t) as { name: string; type: string; nn: number; pk: number; d: string | null }[];
    const indexes: TableShape['indexes'] = {};
    for (const ix of c.prepare("select name, \"unique\" as u, partial from pragma_index_list(?) where origin <> 'pk'").all(t) as { name: string; u: number; partial: number }[]) {
      const keys = c.prepare('select name from pragma_index_xinfo(?) where key = 1 order by seqno').all(ix.name) as { name: string | null }[];
      indexes[ix.name] = { columns: keys.map((k) => k.name ?? '(expression)'), unique: ix.u === 1, partial: ix.partial === 1 };
    }
    shape[t] = {
      columns: Object.fromEntries(cols.map((col) => [col.name, { type: SQLITE_TYPES[col.type.toLowerCase()] ?? col.type, notNull: col.nn === 1, default: col.d }])),
      primaryKey: cols.filter((col) => col.pk > 0).sort((a, b) => a.pk - b.pk).map((col) => col.name),
      indexes,
      foreignKeys: (c.prepare('select "from" as f, "table" as t, "to" as o from pragma_foreign_key_list(?)').all(t) as { f: string; t: string; o: string }[])
        .map((fk) => `${fk.f} -> ${fk.t}.${fk.o}`).sort(),
      triggers: (c.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = ?").pluck().all(t) as string[]).sort(),
    };
  }
  return shape;
}

async function pgShape(db: PgDb): Promise<Shape> {
  const q = async <R>(text: string, params: unknown[] = []) => (await db.$client.query(text, params)).rows as R[];
  const tables = await q<{ t: string }>("select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like '__drizzle%' order by 1");
  const shape: Shape = {};
  for (const { t } of tables) {
    const cols = await q<{ name: string; type: string; nullable: string; d: string | null }>(
      'select column_name as name, data_type as type, is_nullable as nullable, column_default as d from information_schema.columns where table_schema = current_schema() and table_name = $1', [t]);
    const ixs = await q<{ name: string; u: boolean; pk: boolean; partial: boolean; cols: string[] }>(`
      select i.relname as name, ix.indisunique as u, ix.indisprimary as pk, ix.indpred is not null as partial,
        array(select coalesce(a.attname::text, '(expression)') from unnest(ix.indkey::int2[]) with ordinality k(attnum, ord)
              left join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.attnum order by k.ord)::text[] as cols
      from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_class r on r.oid = ix.indrelid
      where r.relnamespace = current_schema()::regnamespace and r.relname = $1`, [t]);
    const fks = await q<{ f: string; t: string; o: string }>(`
      select a.attname as f, rt.relname as t, ra.attname as o
      from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_class rt on rt.oid = c.confrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
      where c.contype = 'f' and r.relnamespace = current_schema()::regnamespace and r.relname = $1`, [t]);
    const triggers = await q<{ name: string }>(
      'select tgname as name from pg_trigger g join pg_class r on r.oid = g.tgrelid where not g.tgisinternal and r.relnamespace = current_schema()::regnamespace and r.relname = $1', [t]);
    const pk = ixs.find((ix) => ix.pk);
    shape[t] = {
      columns: Object.fromEntries(cols.map((col) => [col.name, { type: PG_TYPES[col.type] ?? col.type, notNull: col.nullable === 'NO', default: pgDefault(col.d) }])),
      primaryKey: pk ? pk.cols : [],
      indexes: Object.fromEntries(ixs.filter((ix) => !ix.pk).map((ix) => [ix.name, { columns: ix.cols, unique: ix.u, partial: ix.partial }])),
      foreignKeys: fks.map((fk) => `${fk.f} -> ${fk.t}.${fk.o}`).sort(),
      triggers: triggers.map((g) => g.name).sort(),
    };
  }
  return shape;
}

describe('the SQLite and PostgreSQL schemas', () => {
  let sqlite: Shape;
  let postgres: Shape;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = openDatabase(':memory:');
    sqlite = sqliteShape(db);
    db.$client.close();
    const pg = await openTestPostgres();
    close = pg.close;
    postgres = await pgShape(pg.db);
  });
  afterAll(async () => close?.());

  it('have the same tables', () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    expect(Object.keys(sqlite)).toContain('cases');
  });

  it('have, table by table, the same columns, keys, indexes, foreign keys and triggers', () => {
    for (const table of Object.keys(sqlite)) expect({ table, ...postgres[table] }).toEqual({ table, ...sqlite[table] });
  });

  it('see what matters: the partial statistics index, the expression index and the audit triggers', () => {
    expect(postgres.cases!.indexes.cases_stats).toMatchObject({ partial: true });
    expect(postgres.cases!.indexes.cases_walk_amount!.columns).toEqual(['(expression)', 'id', 'programme_code', 'state', 'submitted_at', 'province', 'industry', 'amount']);
    expect(postgres.audit_events!.triggers).toEqual(['audit_events_no_delete', 'audit_events_no_update']);
    expect(postgres.users!.columns.locale).toEqual({ type: 'text', notNull: true, default: "'zh'" });
  });
});
