// The parsed-snapshot cache is shared by every reader of a case: it must parse a snapshot once,
// and never serve a snapshot that this process or another one (a second server on the same
// database) has since replaced.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { users } from '../../src/db/schema/index';
import { userFromRow } from '../../src/domain/auth/current-user';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { eventsFor } from '../../src/domain/cases/case-view';
import { createCase } from '../../src/domain/cases/create-case';
import { getCaseRow, restoreSnapshot, storedContext, workflowOf } from '../../src/domain/cases/load-case';
import { parsedSnapshot } from '../../src/domain/cases/parsed-snapshot';
import { FakeClock, type Deps } from '../../src/domain/deps';
import { seedDemoAccounts } from '../../src/domain/setup/demo-accounts';
import { ensureReferenceData } from '../../src/domain/setup/reference-data';
import { workflowFor } from '../../workflows/index';
import { stateKey } from '../../workflows/state-nodes';

const dir = mkdtempSync(join(tmpdir(), 'chengjie-parsed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('parses a snapshot once and follows every write, from this connection or another', async () => {
  const path = join(dir, 'p.db');
  const clock = new FakeClock(new Date('2026-03-02T01:00:00Z'));
  const a: Deps = { db: openDatabase(path), config: testConfig(), clock };
  ensureReferenceData(a.db);
  await seedDemoAccounts(a);
  const b: Deps = { db: openDatabase(path), config: testConfig(), clock }; // a second server
  const who = (email: string) => userFromRow(a.db.select().from(users).all().find((u) => u.email === email)!);
  const ent1 = who('ent1@demo.local');
  const created = createCase(a, ent1, { programme: 'special-fund', form: workflowFor('special-fund')!.formExample });
  a.db.$client.prepare(`insert into documents (case_id, kind, filename, stored_name, mime, size, sha256, uploaded_by, uploaded_at)
    select ?, value, 'x.pdf', 'x-' || value, 'application/pdf', 10, ?, ?, '2026-01-05T00:00:00.000Z' from json_each(?)`)
    .run(created.id, 'b'.repeat(64), ent1.id, JSON.stringify(workflowFor('special-fund')!.documents.map((d) => d.kind)));

  // Two reads of the same version: two row objects, one parse.
  const first = getCaseRow(a, created.id)!;
  const again = getCaseRow(a, created.id)!;
  expect(again).not.toBe(first);
  expect(storedContext(again)).toBe(storedContext(first));
  expect(restoreSnapshot(workflowOf(again), again)).toBe(restoreSnapshot(workflowOf(first), first));
  const steps = Number(storedContext(first).stepCount ?? 0);

  // The other server steps the case: this one reads the new snapshot at once.
  const submit = eventsFor(b, ent1, getCaseRow(b, created.id)!).allowed.find((e) => e.type === 'applicant.submit')!;
  applyEvent(b, ent1, { caseId: created.id, type: submit.type, data: submit.example, expectedVersion: first.version });
  const after = getCaseRow(a, created.id)!;
  expect(after.version).toBe(first.version + 1);
  expect(Number(storedContext(after).stepCount)).toBe(steps + 1);
  expect(stateKey(restoreSnapshot(workflowOf(after), after))).toBe(after.state);
  expect(after.state).not.toBe(first.state);
  // The old row object still reads its own (old) snapshot, never the new one.
  expect(parsedSnapshot(first).context.stepCount ?? 0).toBe(steps);
  expect(stateKey(restoreSnapshot(workflowOf(first), first))).toBe(first.state);
  a.db.$client.close();
  b.db.$client.close();
});
