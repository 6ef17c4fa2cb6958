// The stage counts kept by triggers (case_counts) must equal a full recount after any mix of
// writes: new cases, submissions, random workflow steps, profile changes and deletions.
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index';
import { userFromRow, type CurrentUser } from '../../src/domain/auth/current-user';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { eventsFor } from '../../src/domain/cases/case-view';
import { createCase } from '../../src/domain/cases/create-case';
import type { CaseRow } from '../../src/domain/cases/load-case';
import { declareInterest, expertAccess } from '../../src/domain/workbench/expert-review';
import { computeStageCounts, stageCounts } from '../../src/domain/workbench/list-workbench';
import type { WorkbenchFilter } from '../../src/domain/workbench/case-filter';
import { PROGRAMME_CODES, workflowFor } from '../../workflows/index';
import { makeTestApp, type TestApp } from '../helpers/index';
import { insertGeneratedCases } from './generated-cases';

let t: TestApp;
let everyone: CurrentUser[];
let seed = 17;
const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };

// Every row of case_counts, exact and '*' (any province, any industry), against a recount.
const maintained = () => t.deps.db.$client.prepare(`select programme_code p, state s, province v, industry i, n from case_counts where n > 0 order by 1, 2, 3, 4`).all();
const recount = () => t.deps.db.$client.prepare(`select * from (
    select programme_code p, state s, province v, industry i, count(*) n from cases where submitted_at is not null group by 1, 2, 3, 4
    union all select programme_code, state, province, '*', count(*) from cases where submitted_at is not null group by 1, 2, 3
    union all select programme_code, state, '*', industry, count(*) from cases where submitted_at is not null group by 1, 2, 4
    union all select programme_code, state, '*', '*', count(*) from cases where submitted_at is not null group by 1, 2
  ) order by 1, 2, 3, 4`).all();
const byKey = (rows: { programme: string; state: string; count: number }[]) => rows.map((r) => `${r.programme} ${r.state} ${r.count}`).sort();

/** A few random steps of the real engine on a case, by whoever may take one. */
function walk(row: CaseRow, steps: number): CaseRow {
  for (let i = 0; i < steps && !row.isFinal; i++) {
    const options = everyone.flatMap((u) => eventsFor(t.deps, u, row).allowed.map((e) => ({ u, e })));
    if (options.length === 0) break;
    const { u, e } = options[rand(options.length)]!;
    t.clock.advance(3_600_000);
    if (u.role === 'expert' && expertAccess(t.deps, u, row) === 'must-declare') declareInterest(t.deps, u, row.id, { conflict: false });
    row = applyEvent(t.deps, u, { caseId: row.id, type: e.type, data: e.example, expectedVersion: row.version }).row;
  }
  return row;
}

beforeAll(async () => {
  t = await makeTestApp();
  everyone = t.deps.db.select().from(users).all().map(userFromRow);
  insertGeneratedCases(t.deps, 400);
  const ent1 = everyone.find((u) => u.email === 'ent1@demo.local')!;
  // Real cases through the engine: drafts, submissions and random walks in every programme.
  for (let i = 0; i < 30; i++) {
    const programme = PROGRAMME_CODES[i % PROGRAMME_CODES.length]!;
    const row = createCase(t.deps, ent1, { programme, form: workflowFor(programme)!.formExample });
    t.deps.db.$client.prepare(`insert into documents (case_id, kind, filename, stored_name, mime, size, sha256, uploaded_by, uploaded_at)
      select ?, value, 'x.pdf', 'x-' || ? || '-' || value, 'application/pdf', 10, ?, ?, '2026-01-05T00:00:00.000Z' from json_each(?)`)
      .run(row.id, row.id, 'b'.repeat(64), ent1.id, JSON.stringify(workflowFor(programme)!.documents.map((d) => d.kind)));
    walk(row, i % 4 === 0 ? 0 : 3 + rand(12));
  }
});

describe('stage counts kept by triggers', () => {
  it('equal a full recount after random workflow steps', () => {
    const steps = t.deps.db.$client.prepare(`select count(*) from audit_events where kind = 'event'`).pluck().get() as number;
    expect(steps).toBeGreaterThan(40);
    expect(maintained().length).toBeGreaterThan(20);
    expect(maintained()).toEqual(recount());
  });

  it('follow province and industry changes, state changes made outside the engine, and deletions', () => {
    const sqlite = t.deps.db.$client;
    sqlite.prepare(`update cases set province = '四川', industry = 'toys' where id % 5 = 0 and submitted_at is not null`).run();
    sqlite.prepare(`update cases set state = 'approved' where id % 7 = 0 and programme_code = 'special-fund'`).run();
    sqlite.prepare(`update cases set submitted_at = null where id % 11 = 0 and id <= 400`).run();
    sqlite.prepare(`update cases set submitted_at = '2026-01-01T00:00:00.000Z' where id % 22 = 0 and id <= 400`).run();
    sqlite.prepare(`delete from cases where id % 13 = 0 and id <= 400`).run();
    expect(maintained()).toEqual(recount());
  });

  it('give every user and filter the counts a count over the cases gives', () => {
    const filters: WorkbenchFilter[] = [{}, { view: 'all' }, { view: 'all', programme: 'special-fund' }, { province: '四川' },
      { view: 'all', industry: 'toys', province: '重庆' }, { view: 'queue', programme: 'sinosure-credit-insurance' }, { state: 'submitted' }];
    let nonEmpty = 0;
    for (const u of everyone.filter((x) => ['officer', 'approver', 'liaison', 'auditor'].includes(x.role))) {
      for (const f of filters) {
        const fast = byKey(stageCounts(t.deps, u, f));
        expect(fast, `${u.email} ${JSON.stringify(f)}`).toEqual(byKey(computeStageCounts(t.deps, u, f)));
        if (fast.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
