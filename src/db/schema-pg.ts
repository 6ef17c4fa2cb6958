// The PostgreSQL tables, derived from the one schema source, the SQLite tables of ./schema:
// every table, column (type, nullability, default), primary key, unique key, index and foreign
// key is carried over, so a change made there reaches both engines; `npm run db:generate` then
// writes the migrations of each (./migrations, ./migrations-pg). What SQLite has only from
// hand-written migrations (the workbench and statistics indexes of 0004 and 0010, the triggers)
// is added here or in hand-written PostgreSQL migrations. test/db/schema-equivalence.test.ts
// reads both live databases back and proves them the same.
import { getTableColumns, is, sql, SQL } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, customType, doublePrecision, index, pgTable, primaryKey, text, uniqueIndex,
  type AnyPgColumn, type PgColumn, type PgColumnBuilderBase, type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as sqlite from './schema/index';

/** SQLite's blob: raw bytes, read back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPgTable = PgTableWithColumns<any>;

/** The PostgreSQL type of each kind of SQLite column drizzle has (src/db/schema uses these). */
function pgType(c: SQLiteColumn): PgColumnBuilderBase {
  const autoId = c.columnType === 'SQLiteInteger' && c.primary && (c as unknown as { autoIncrement: boolean }).autoIncrement;
  switch (c.columnType) {
    // SQLite's integers have 64 bits.
    case 'SQLiteInteger': return autoId ? bigserial(c.name, { mode: 'number' }) : bigint(c.name, { mode: 'number' });
    case 'SQLiteBoolean': return boolean(c.name);
    case 'SQLiteText': return text(c.name);
    case 'SQLiteReal': return doublePrecision(c.name);
    case 'SQLiteBlobBuffer': return bytea(c.name);
    default: throw new Error(`no PostgreSQL type for ${c.name} (${c.columnType})`);
  }
}

const sqliteTables = (Object.entries(sqlite) as [string, unknown][]).filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable));
const derived = new Map<SQLiteTable, AnyPgTable>();

const columnNamed = (columns: Record<string, unknown>, name: string): AnyPgColumn =>
  (Object.values(columns) as AnyPgColumn[]).find((c) => c.name === name)!;

/** Indexes SQLite has from hand-written migrations (0010, 0020), by table. */
const EXTRA_INDEXES: Record<string, (t: Record<string, PgColumn>) => unknown[]> = {
  cases: (t) => [
    index('cases_walk_amount').on(sql`coalesce(${t.amount}, 0)`, t.id!, t.programmeCode!, t.state!, t.submittedAt!, t.province!, t.industry!, t.amount!),
    index('cases_stats')
      .on(t.submittedAt!, t.programmeCode!, t.industry!, t.province!, t.enterpriseId!, t.state!, t.figures!)
      .where(sql`${t.submittedAt} is not null`),
  ],
};

interface Chain {
  notNull(): Chain; primaryKey(): Chain; unique(name?: string): Chain; default(v: unknown): Chain;
  references(ref: () => AnyPgColumn): Chain;
}

function derive(s: SQLiteTable): AnyPgTable {
  const config = getTableConfig(s);
  const fks = config.foreignKeys.map((fk) => fk.reference());
  const columns = Object.fromEntries(Object.entries(getTableColumns(s)).map(([key, c]) => {
    // The builders' chaining types differ per column type; the shape is the same for all.
    let b = pgType(c) as unknown as Chain;
    if (c.primary) b = b.primaryKey();
    else if (c.notNull) b = b.notNull();
    if (c.isUnique) b = b.unique(c.uniqueName);
    if (c.hasDefault && c.default !== undefined && !is(c.default, SQL)) b = b.default(c.default);
    const fk = fks.find((f) => f.columns.length === 1 && f.columns[0]!.name === c.name);
    if (fk) b = b.references(() => columnNamed(getTableColumns(derived.get(fk.foreignTable)!), fk.foreignColumns[0]!.name));
    return [key, b as unknown as PgColumnBuilderBase];
  }));
  return pgTable(config.name, columns, (t) => {
    const col = (c: SQLiteColumn | SQL) => {
      if (!('name' in c)) throw new Error(`${config.name}: an expression index belongs in EXTRA_INDEXES`);
      return columnNamed(t, c.name);
    };
    return [
      ...config.primaryKeys.map((pk) => primaryKey({ columns: pk.columns.map(col) as [AnyPgColumn, ...AnyPgColumn[]] })),
      ...config.indexes.map(({ config: ix }) => {
        if (ix.where) throw new Error(`${config.name}.${ix.name}: a partial index belongs in EXTRA_INDEXES`);
        const cols = ix.columns.map(col) as [AnyPgColumn, ...AnyPgColumn[]];
        return ix.unique ? uniqueIndex(ix.name).on(...cols) : index(ix.name).on(...cols);
      }),
      ...(EXTRA_INDEXES[config.name]?.(t as Record<string, PgColumn>) ?? []),
    ] as never;
  }) as AnyPgTable;
}

for (const [, s] of sqliteTables) derived.set(s, derive(s));

/** The PostgreSQL table of each SQLite table export, under the same name. */
export const pgTables: Record<string, AnyPgTable> = Object.fromEntries(sqliteTables.map(([name, s]) => [name, derived.get(s)!]));

// drizzle-kit finds tables among a module's exports: one export per table. A table missing here
// makes the schema-equivalence test fail.
export const {
  institutions, enterprises, users, expertConflicts, sessions, apiTokens, loginAttempts, programmes, counters,
  cases, caseComments, idempotencyKeys, notifications, auditEvents, documents, decisions, expertDeclarations,
  evaluationWeights, evaluationTargets, caseCounts, issuingAuthorities, webhookEndpoints, webhookDeliveries, decisionCorrections,
  noticeObjections, leases, designatedLocations, calls,
} = pgTables;
