// The public contract end to end, as an outside system would use it: only API.md, a real server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/scripts/server-process';

let server: RunningServer;
beforeAll(async () => { server = await startServer({ env: { PUBLIC_NOTICE_DAYS: '0', SCHEDULER_INTERVAL_SECONDS: '0.2' } }); });
afterAll(async () => { await server?.stop(); });

async function api(token: string | null, method: string, path: string, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, {
    method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: (await r.json().catch(() => null)) as any };
}
const tokenOf = async (email: string) => (await api(null, 'POST', '/api/v1/tokens', { email, password: 'demo-pass-2026' })).body.token as string;

it('drives a special-fund case from draft to an approval decision with nothing but API.md', async () => {
  const t: Record<string, string> = {};
  for (const who of ['ent1', 'officer', 'expert1', 'expert2', 'approver', 'auditor']) t[who] = await tokenOf(`${who}@demo.local`);
  const prog = (await api(t.ent1!, 'GET', '/api/v1/programmes/special-fund')).body;
  let c = (await api(t.ent1!, 'POST', '/api/v1/cases', { programme: 'special-fund', form: prog.example })).body;
  expect(c).toMatchObject({ state: 'draft', version: 1 });
  for (const d of prog.documents.filter((x: any) => x.required)) {
    const form = new FormData();
    form.set('kind', d.kind);
    form.set('file', new Blob([`%PDF-1.4\n% ${d.kind}\n%%EOF\n`], { type: 'application/pdf' }), `${d.kind}.pdf`);
    const up = await fetch(`${server.url}/api/v1/cases/${c.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${t.ent1}` }, body: form });
    expect(up.status).toBe(201);
  }
  // Each actor sends the first event the API offers them (the happy path), until the approval.
  const plan: [string, string][] = [
    ['ent1', 'applicant.submit'], ['officer', 'officer.accept'], ['officer', 'officer.pass-screening'], ['officer', 'officer.assign-experts'],
    ['expert1', 'expert.score'], ['expert2', 'expert.score'], ['officer', 'officer.recommend'],
  ];
  for (const [who, type] of plan) {
    // API.md: an expert declares (no conflict) before scoring.
    if (type === 'expert.score') expect((await api(t[who]!, 'POST', `/api/v1/cases/${c.id}/declarations`, { conflict: false })).status).toBe(201);
    const view = (await api(t[who]!, 'GET', `/api/v1/cases/${c.id}`)).body;
    const ev = view.allowedEvents.find((e: any) => e.type === type);
    expect(ev, `${who} should be offered ${type} in ${view.state}`).toBeDefined();
    const r = await api(t[who]!, 'POST', `/api/v1/cases/${c.id}/events`, { type, version: view.version, data: ev.example });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    c = r.body;
  }
  // The 公示 ends at the scheduler's next sweep (PUBLIC_NOTICE_DAYS=0).
  for (let i = 0; i < 50 && c.state !== 'approval'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    c = (await api(t.approver!, 'GET', `/api/v1/cases/${c.id}`)).body;
  }
  expect(c.state).toBe('approval');
  expect(c.history.at(-1)).toMatchObject({ actor: 'system', role: 'system', type: 'system.notice-ended' });
  const approve = c.allowedEvents.find((e: any) => e.type === 'approver.approve');
  const done = await api(t.approver!, 'POST', `/api/v1/cases/${c.id}/events`, { type: 'approver.approve', version: c.version, data: approve.example });
  expect(done.status).toBe(200);
  expect(done.body.version).toBe(done.body.history.length + 1);

  const decisions = (await api(t.ent1!, 'GET', `/api/v1/cases/${c.id}/decisions`)).body;
  expect(decisions).toHaveLength(1);
  expect(decisions[0]).toMatchObject({ outcome: 'approved', pdfUrl: `/decisions/${decisions[0].id}.pdf` });
  for (const who of ['ent1', 'auditor']) {
    const pdf = await fetch(`${server.url}${decisions[0].pdfUrl}`, { headers: { authorization: `Bearer ${t[who]}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }
  const verify = await fetch(`${server.url}/verify/${decisions[0].verificationCode}`);
  expect(verify.status).toBe(200);
  expect(await verify.text()).toContain(decisions[0].number);
  expect((await fetch(`${server.url}/verify/NOPE-NOPE-NOPE-NOPE`)).status).toBe(404);
  const chain = (await api(t.auditor!, 'GET', '/api/v1/audit/verify')).body;
  expect(chain.ok).toBe(true);
}, 120_000);
