// Builds a benchmark database: the demo accounts, 500 enterprises, and N cases spread over the
// five programmes and their states. State snapshots come from random walks through the real
// engine, so every generated case is one the engine can step.
import { eq } from 'drizzle-orm';
import { testConfig } from '../config';
import { openDatabase, type Db } from '../db/client';
import { users } from '../db/schema/index';
import { userFromRow, type CurrentUser } from '../domain/auth/current-user';
import { applyEvent } from '../domain/cases/apply-event';
import { eventsFor } from '../domain/cases/case-view';
import { figuresJson } from '../domain/cases/case-figures';
import { createCase } from '../domain/cases/create-case';
import type { CaseRow } from '../domain/cases/load-case';
import { FakeClock, type Deps } from '../domain/deps';
import { creditCodeCheckChar } from '../domain/reference/credit-code';
import { PROVINCES } from '../domain/reference/provinces';
import { seedDemoAccounts } from '../domain/setup/demo-accounts';
import { ensureReferenceData } from '../domain/setup/reference-data';
import { declareInterest, expertAccess } from '../domain/workbench/expert-review';
import { PROGRAMME_CODES, workflowFor } from '../../workflows/index';

type Template = Pick<CaseRow, 'state' | 'snapshot' | 'version' | 'isFinal' | 'dueAt' | 'submittedAt'>;

function usersOf(deps: Deps): CurrentUser[] {
  return deps.db.select().from(users).all().map(userFromRow);
}

function attachDocuments(db: Db, caseId: number, programme: string, by: number) {
  const insert = db.$client.prepare(`insert into documents (case_id, kind, filename, stored_name, mime, size, sha256, uploaded_by, uploaded_at)
    values (?, ?, ?, ?, 'application/pdf', 2048, ?, ?, '2026-01-05T00:00:00.000Z')`);
  for (const d of workflowFor(programme)!.documents) insert.run(caseId, d.kind, `${d.kind}.pdf`, `bench-${caseId}-${d.kind}`, 'b'.repeat(64), by);
}

/** Random walks from a fresh draft; returns one template per state reached. */
async function templates(programme: string, walks: number): Promise<Map<string, Template>> {
  const clock = new FakeClock(new Date('2026-01-05T09:00:00Z'));
  const deps: Deps = { db: openDatabase(':memory:'), config: testConfig(), clock };
  ensureReferenceData(deps.db);
  await seedDemoAccounts(deps);
  const everyone = usersOf(deps);
  const ent1 = everyone.find((u) => u.email === 'ent1@demo.local')!;
  const out = new Map<string, Template>();
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let i = 0; i < walks; i++) {
    let row = createCase(deps, ent1, { programme, form: workflowFor(programme)!.formExample });
    attachDocuments(deps.db, row.id, programme, ent1.id);
    for (let step = 0; step < 40 && !row.isFinal; step++) {
      out.set(row.state, row);
      const all = everyone.flatMap((u) => eventsFor(deps, u, row).allowed.map((e) => ({ u, e })));
      // Mostly forward: refusals, returns and withdrawals are taken now and then.
      const forward = all.filter(({ e }) => !/withdraw|decline|return|reject|refuse|objection|fail|overdue|default/.test(e.type));
      const options = forward.length > 0 && rand(6) !== 0 ? forward : all;
      if (options.length === 0) break;
      const { u, e } = options[rand(options.length)]!;
      clock.advance(3_600_000);
      if (u.role === 'expert' && expertAccess(deps, u, row) === 'must-declare') declareInterest(deps, u, row.id, { conflict: false });
      row = applyEvent(deps, u, { caseId: row.id, type: e.type, data: e.example, expectedVersion: row.version }).row;
    }
    out.set(row.state, row);
  }
  deps.db.$client.close();
  return out;
}

/** Lengths of the case histories the case-page scenario compares. */
export const HISTORY_LENGTHS = [20, 200, 2000] as const;

export interface BenchData { dbPath: string; submittedSpecialFund: number[]; submittedVersion: number; historyCaseId: number; historyCases: Record<number, number>; hotCaseId: number }

export async function buildBenchDatabase(dbPath: string, total: number): Promise<BenchData> {
  const T0 = Date.now();
  const progress = (what: string) => process.stderr.write(`  ${what} (${((Date.now() - T0) / 1000).toFixed(0)} s)\n`);
  const deps: Deps = { db: openDatabase(dbPath), config: testConfig({ DATABASE_PATH: dbPath, SCRYPT_LOG_N: '15' }), clock: new FakeClock(new Date('2026-01-05T09:00:00Z')) };
  ensureReferenceData(deps.db);
  await seedDemoAccounts(deps);
  const sqlite = deps.db.$client;
  // Building is not serving: no fsync per row (the server reopens the file with synchronous=FULL).
  sqlite.pragma('synchronous = OFF');
  // The indexes on cases are built once at the end, from sorted data, instead of row by row:
  // a million inserts into eight covering indexes at random positions took most of the build.
  const caseIndexes = sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = 'cases' and sql is not null`).all() as { name: string; sql: string }[];
  for (const ix of caseIndexes) sqlite.exec(`drop index ${ix.name}`);
  const all = new Map<string, Map<string, Template>>();
  for (const p of PROGRAMME_CODES) all.set(p, await templates(p, 16));
  progress('snapshots of every reachable state, by random walks');

  const entIds: { id: number; name: string; code: string; province: string; industry: string }[] = [];
  const insertEnt = sqlite.prepare(`insert into enterprises (name, credit_code, province, city, industry, customs_code, contact_name, contact_phone, contact_email, created_at)
    values (?, ?, ?, null, ?, ?, '联系人', '010-0000 0000', ?, '2026-01-01T00:00:00.000Z')`);
  const industries = ['electronics', 'textiles', 'garments', 'toys', 'new-energy', 'warehousing-logistics'];
  const eligible = PROVINCES.filter((p) => p.region === 'central' || p.region === 'western');
  sqlite.transaction(() => {
    for (let i = 0; i < 500; i++) {
      const first17 = `91500000MA${String(100000 + i).padStart(6, '0')}X`.slice(0, 17);
      const code = first17 + creditCodeCheckChar(first17);
      const prov = eligible[i % eligible.length]!;
      const name = `${prov.name}承接示范企业${i}号有限公司`;
      const id = Number(insertEnt.run(name, code, prov.name, industries[i % industries.length], String(5000000000 + i), `bench${i}@example.cn`).lastInsertRowid);
      entIds.push({ id, name, code, province: prov.name, industry: industries[i % industries.length]! });
    }
  })();

  const applicant = sqlite.prepare("select id from users where email = 'ent1@demo.local'").get() as { id: number };
  const insertCase = sqlite.prepare(`insert into cases (reference, programme_code, enterprise_id, created_by, state, snapshot, machine_version, version, form, amount, province, industry, enterprise_name, credit_code, submitted_at, state_since, due_at, is_final, created_at, updated_at, figures)
    values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // What each template contributes to the statistics, as the engine would have stored it.
  const figuresOf = new Map<Template, string>();
  const figures = (programme: string, t: Template) => {
    let f = figuresOf.get(t);
    if (f === undefined) figuresOf.set(t, (f = figuresJson(workflowFor(programme)!, (JSON.parse(t.snapshot) as { context?: unknown }).context)));
    return f;
  };
  const submittedSpecialFund: number[] = [];
  const pick: { programme: string; t: Template }[] = [];
  for (const [p, m] of all) for (const t of m.values()) pick.push({ programme: p, t });
  const sfSubmitted = all.get('special-fund')!.get('submitted')!;
  const start = Date.parse('2025-01-01T00:00:00Z');
  // In batches: a million rows in one transaction would hold the whole WAL until the end.
  const BATCH = 50_000;
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      // 40 % are special-fund cases waiting at 'submitted': the events scenario steps them.
      const { programme, t } = i % 5 < 2 ? { programme: 'special-fund', t: sfSubmitted } : pick[i % pick.length]!;
      const ent = entIds[i % entIds.length]!;
      const w = workflowFor(programme)!;
      const at = new Date(start + i * 300_000).toISOString();
      const form = JSON.parse(JSON.stringify(w.formExample));
      const amount = typeof form.requestedAmount === 'number' ? form.requestedAmount : null;
      const id = Number(insertCase.run(`${w.referencePrefix}-B-${String(i).padStart(7, '0')}`, programme, ent.id, applicant.id, t.state, t.snapshot, t.version,
        JSON.stringify(form), amount, ent.province, ent.industry, ent.name, ent.code, t.state === 'draft' ? null : at, at, t.dueAt, t.isFinal ? 1 : 0, at, at, figures(programme, t)).lastInsertRowid);
      if (t === sfSubmitted) submittedSpecialFund.push(id);
    }
  });
  for (let from = 0; from < total; from += BATCH) {
    insertBatch(from, Math.min(total, from + BATCH));
    if (total > BATCH) progress(`${Math.min(total, from + BATCH)} of ${total} cases`);
  }

  // Sinosure cases with histories of 20, 200 and 2,000 events (shipments declared and paid under an issued policy).
  const ent1 = userFromRow(deps.db.select().from(users).where(eq(users.email, 'ent1@demo.local')).get()!);
  const everyone = usersOf(deps);
  const sinosure = everyone.find((u) => u.email === 'sinosure@demo.local')!;
  const sinosure2 = everyone.find((u) => u.email === 'sinosure2@demo.local')!;
  const historyCases: Record<number, number> = {};
  for (const length of HISTORY_LENGTHS) {
    let row = createCase(deps, ent1, { programme: 'sinosure-credit-insurance', form: workflowFor('sinosure-credit-insurance')!.formExample });
    attachDocuments(deps.db, row.id, 'sinosure-credit-insurance', ent1.id);
    const stepAs = (u: CurrentUser, type: string) => {
      const e = eventsFor(deps, u, row).allowed.find((a) => a.type === type);
      if (!e) throw new Error(`bench data: ${u.email} cannot ${type} in ${row.state}`);
      row = applyEvent(deps, u, { caseId: row.id, type, data: e.example, expectedVersion: row.version }).row;
    };
    stepAs(ent1, 'applicant.submit');
    stepAs(sinosure, 'liaison.start-underwriting');
    stepAs(sinosure, 'liaison.prepare-policy');
    stepAs(sinosure2, 'liaison.issue-policy');
    stepAs(ent1, 'applicant.request-limit');
    stepAs(sinosure, 'liaison.approve-limit');
    // Each shipment is then reported paid, freeing the buyer's limit: the open book stays small however long the history.
    for (let declare = true; row.version < length + 1; declare = !declare) stepAs(ent1, declare ? 'applicant.declare-shipment' : 'applicant.report-payment');
    historyCases[length] = row.id;
    progress(`a case with ${length} events`);
  }
  const hot = submittedSpecialFund.pop()!;
  for (const ix of caseIndexes) sqlite.exec(ix.sql);
  progress('indexes on cases');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { dbPath, submittedSpecialFund, submittedVersion: sfSubmitted.version, historyCaseId: historyCases[200]!, historyCases, hotCaseId: hot };
}
