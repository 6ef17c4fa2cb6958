import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { auditEvents, decisions } from '../../src/db/schema/index';
import { get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';
import { pdfText } from '../pdf/poppler';
import { declinedEximCase } from '../decisions/drive-case';
import { workflowFor } from '../../workflows/index';
import { readZip } from '../helpers/read-zip';

let t: TestApp;
let auditor: Session;
const made: Awaited<ReturnType<typeof declinedEximCase>>[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  made.push(await declinedEximCase(t.deps, 'ent1@demo.local'));
  made.push(await declinedEximCase(t.deps, 'ent2@demo.local'));
  t.clock.advance(3 * 86_400_000);
  made.push(await declinedEximCase(t.deps, 'ent1@demo.local'));
  auditor = await login(t.app, 'auditor@demo.local');
});

const downloads = (type: string) => t.deps.db.select().from(auditEvents)
  .where(and(eq(auditEvents.kind, 'download'), eq(auditEvents.type, type))).all();

function unzipList(zip: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'chengjie-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), zip);
    execFileSync('unzip', ['-tq', join(dir, 'a.zip')]); // CRCs and structure; throws when broken
    return execFileSync('unzip', ['-l', join(dir, 'a.zip')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the auditor’s desk', () => {
  test('lists every submitted case with the chain check, and filters with the workbench’s parameters', async () => {
    const html = await (await get(t.app, '/audit', auditor.cookie)).text();
    expect(html).toContain('hx-get="/audit/chain"');
    expect(await (await get(t.app, '/audit/chain', auditor.cookie, { 'hx-request': 'true' })).text()).toContain('data-chain="ok"');
    for (const m of made) expect(html).toContain(m.reference);
    const filtered = await (await get(t.app, `/audit/results?q=${encodeURIComponent('河南中原')}`, auditor.cookie, { 'hx-request': 'true' })).text();
    expect(filtered).toContain(made[1]!.reference);
    expect(filtered).not.toContain(made[0]!.reference);
    expect(filtered).toContain('data-zip-count="1"');
  });

  test('other roles are refused the desk', async () => {
    const s = await login(t.app, 'exim@demo.local');
    expect((await get(t.app, '/audit', s.cookie)).status).toBe(403);
    expect((await get(t.app, '/audit/decisions.zip', s.cookie)).status).toBe(403);
  });

  test('the case page is read-only and shows the timeline, decisions and the case’s audit trail', async () => {
    const html = await (await get(t.app, `/audit/cases/${made[0]!.caseId}`, auditor.cookie)).text();
    expect(html).toContain(made[0]!.decision.number);
    expect(html).toContain('data-event="liaison.decline"');
    expect(html).toContain('hx-get="/audit/chain"');
    expect(html).not.toMatch(/<form[^>]*method="post"[^>]*action="\/(?!logout|lang)/);
  });

  test('the case file PDF holds the application, the timeline and every decision; the download is recorded', async () => {
    const res = await get(t.app, `/audit/cases/${made[0]!.caseId}/case-file.pdf`, auditor.cookie);
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('办理记录');
    // Steps in words from the registry, never their codes.
    const w = workflowFor('exim-order-finance')!;
    for (const type of ['applicant.submit', 'liaison.decline']) {
      expect(text.replace(/\s+/g, '')).toContain(w.events.find((e) => e.type === type)!.label.zh.replace(/\s+/g, ''));
      expect(text).not.toContain(type);
    }
    // What each step recorded, here the reason of the refusal, is in the file too.
    expect(text.replace(/\s+/g, '')).toContain('订单真实性无法核实');
    expect(text).toContain(made[0]!.decision.number);
    expect(text).toContain('Nordic Home Appliances AB');
    expect(downloads('case-file.downloaded').map((d) => d.caseId)).toContain(made[0]!.caseId);
  });

  test('the decisions of a filtered set come as one ZIP of exactly the announced size, holding each PDF', async () => {
    const res = await get(t.app, '/audit/decisions.zip?programme=exim-order-finance', auditor.cookie);
    expect(res.status).toBe(200);
    const zip = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(zip.length);
    const listing = unzipList(zip);
    const stored = t.deps.db.select().from(decisions).all();
    for (const d of stored) expect(listing).toContain(`${d.number}.pdf`);
    expect(listing).toMatch(new RegExp(`${stored[0]!.pdf!.length}\\s+\\S+\\s+\\S+\\s+\\S+/${stored[0]!.number}\\.pdf`));
    const [rec] = downloads('decisions.zip-downloaded');
    expect(JSON.parse(rec!.data!)).toMatchObject({ count: stored.length, numbers: stored.map((d) => d.number) });
  });

  test('another reader (yauzl) reads back each PDF of the ZIP byte for byte, under the case reference', async () => {
    const res = await get(t.app, '/audit/decisions.zip?programme=exim-order-finance', auditor.cookie);
    const { files } = await readZip(Buffer.from(await res.arrayBuffer()));
    const stored = t.deps.db.select().from(decisions).all();
    expect(files.size).toBe(stored.length);
    for (const d of stored) {
      const name = [...files.keys()].find((n) => n.endsWith(`/${d.number}.pdf`));
      expect(name).toBeDefined();
      expect(files.get(name!)!.equals(Buffer.from(d.pdf!))).toBe(true);
    }
  });

  test('a filter that selects nothing gives an empty but valid ZIP', async () => {
    const res = await get(t.app, '/audit/decisions.zip?programme=special-fund', auditor.cookie);
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.length).toBe(22);
    expect(zip.readUInt32LE(0)).toBe(0x06054b50);
  });

  test('every download of a decision PDF by the auditor is in the audit chain', async () => {
    const before = downloads('decision.downloaded').length;
    await get(t.app, `/decisions/${made[1]!.decisionId}.pdf`, auditor.cookie);
    const after = downloads('decision.downloaded');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actorRole: 'auditor', caseId: made[1]!.caseId });
    expect((await get(t.app, '/audit', auditor.cookie)).status).toBe(200);
  });
});

describe('audit trail export', () => {
  test('CSV of a date range: UTF-8 BOM, header, exactly the rows of the range', async () => {
    const day1 = made[0]!.decision.issuedAt.slice(0, 10);
    const res = await get(t.app, `/audit/trail.csv?from=${day1}&to=${day1}`, auditor.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^"id","at","kind","case_id"/);
    const inRange = t.deps.db.select().from(auditEvents).all().filter((a) => a.at.startsWith(day1));
    expect(lines.length - 1).toBe(inRange.length);
    expect(lines.join('\n')).toContain(made[0]!.reference);
    expect(lines.join('\n')).not.toContain(made[2]!.decision.number); // three days later
    expect(lines.join('\n')).toContain('李明'); // the applicant's name, intact in UTF-8
  });

  test('a missing or reversed range is a 400, not an empty file', async () => {
    expect((await get(t.app, '/audit/trail.csv', auditor.cookie)).status).toBe(400);
    expect((await get(t.app, '/audit/trail.csv?from=2026-03-09&to=2026-03-01', auditor.cookie)).status).toBe(400);
  });

  test('the system trail page shows the rows and the chain check, which names a tampered row', async () => {
    const trail = await (await get(t.app, '/audit/trail', auditor.cookie)).text();
    expect(trail).toContain('data-type="decision.rendered"');
    expect(trail).toContain('hx-get="/audit/chain"');
    expect(await (await get(t.app, '/audit/chain', auditor.cookie)).text()).toContain('data-chain="ok"');
    const victim = t.deps.db.select().from(auditEvents).limit(1).get()!;
    const triggers = t.deps.db.$client.prepare("select name from sqlite_master where type='trigger' and tbl_name='audit_events'").all() as { name: string }[];
    for (const tr of triggers) t.deps.db.$client.exec(`drop trigger ${tr.name}`);
    t.deps.db.$client.prepare('update audit_events set actor_name = ? where id = ?').run('tampered', victim.id);
    const html = await (await get(t.app, '/audit/chain', auditor.cookie)).text();
    expect(html).toContain('data-chain="broken"');
    expect(html).toContain(`第 ${victim.id} 条`);
  });
});
