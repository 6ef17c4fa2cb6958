// Registering endpoints: who may, for which institution, which URLs (no loopback or private
// network unless WEBHOOK_ALLOW_PRIVATE=1), the secret shown once; and the admin's page.
import { expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index';
import { apiRequest, apiToken, formPost, get, login, makeTestApp } from '../helpers/index';
import { deliverDue } from '../../src/domain/webhooks/deliver-webhooks';
import { draftCase, send } from '../engine/drive';
import { expectValidHtml } from '../portal/portal-helpers';
import { startReceiver } from './receiver';

const body = (url: string, extra: Record<string, unknown> = {}) => ({ url, events: ['case.moved', 'decision.issued'], ...extra });

it('refuses loopback and private URLs unless WEBHOOK_ALLOW_PRIVATE=1, and bad input with a clear 4xx', async () => {
  const t = await makeTestApp();
  const exim = await apiToken(t.app, 'exim@demo.local');
  for (const url of ['http://127.0.0.1:9000/hook', 'http://localhost/hook', 'https://10.1.2.3/x', 'https://192.168.1.1/', 'http://[::1]/',
    'http://169.254.169.254/latest/meta-data', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'https://intranet/hook', 'http://172.16.5.4/']) {
    const res = await apiRequest(t.app, 'POST', '/api/v1/webhooks', body(url), exim);
    expect(res.status, url).toBe(422);
    expect(((await res.json()) as any).error.details.fields.url).toBeDefined();
  }
  for (const bad of [{ url: 'ftp://hooks.example.com/', events: ['case.moved'] }, { url: 'not a url', events: ['case.moved'] },
    { url: 'https://hooks.example.com/', events: [] }, { url: 'https://hooks.example.com/', events: ['case.deleted'] },
    { url: 'https://user:pw@hooks.example.com/', events: ['case.moved'] }, { url: 'https://hooks.example.com/', events: ['case.moved'], extra: 1 }]) {
    expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', bad, exim)).status, JSON.stringify(bad)).toBe(422);
  }
  expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', '{"url":', exim)).status).toBe(400);
  const ok = await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://hooks.bank.example.com/chengjie'), exim);
  expect(ok.status).toBe(201);

  const open = await makeTestApp({ config: { WEBHOOK_ALLOW_PRIVATE: '1' } });
  const res = await apiRequest(open.app, 'POST', '/api/v1/webhooks', body('http://127.0.0.1:9000/hook'), await apiToken(open.app, 'exim@demo.local'));
  expect(res.status).toBe(201);
});

it('lets a liaison register for their own institution and the admin for any; the secret is shown once; others are refused', async () => {
  const t = await makeTestApp();
  const exim = await apiToken(t.app, 'exim@demo.local');
  const created = await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://hooks.exim.example.com/a'), exim);
  expect(created.status).toBe(201);
  const { id, secret } = (await created.json()) as { id: number; secret: string };
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
  const list = await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, exim)).text();
  expect(list).toContain('hooks.exim.example.com');
  expect(list).toContain('"institution":"EXIM"');
  expect(list).not.toContain(secret);
  // Another institution's liaison: refused for EXIM, sees none of EXIM's endpoints, cannot remove them.
  const cdb = await apiToken(t.app, 'cdb@demo.local');
  expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://h.example.com/', { institution: 'EXIM' }), cdb)).status).toBe(403);
  expect(await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, cdb)).json()).toEqual([]);
  expect((await apiRequest(t.app, 'DELETE', `/api/v1/webhooks/${id}`, undefined, cdb)).status).toBe(404);
  for (const who of ['ent1@demo.local', 'officer@demo.local', 'auditor@demo.local', 'expert1@demo.local']) {
    const tok = await apiToken(t.app, who);
    expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://h.example.com/'), tok)).status, who).toBe(403);
    expect((await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, tok)).status, who).toBe(who.startsWith('auditor') ? 200 : 403);
  }
  // Auditors read every endpoint and its deliveries, and change nothing.
  const auditor = await apiToken(t.app, 'auditor@demo.local');
  expect(await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, auditor)).text()).toContain('hooks.exim.example.com');
  expect((await apiRequest(t.app, 'GET', `/api/v1/webhooks/${id}/deliveries`, undefined, auditor)).status).toBe(200);
  expect((await apiRequest(t.app, 'DELETE', `/api/v1/webhooks/${id}`, undefined, auditor)).status).toBe(403);
  expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://h.example.com/'))).status).toBe(401);
  const admin = await apiToken(t.app, 'admin@demo.local');
  expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://h.example.com/'), admin)).status).toBe(422); // which institution?
  expect((await apiRequest(t.app, 'POST', '/api/v1/webhooks', body('https://h.example.com/', { institution: 'COMMERCE' }), admin)).status).toBe(201);
  expect(((await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, admin)).json()) as unknown[]).length).toBe(2);
  expect((await apiRequest(t.app, 'DELETE', `/api/v1/webhooks/${id}`, undefined, exim)).status).toBe(204);
  expect(await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, exim)).json()).toEqual([]);
  const audited = t.deps.db.select().from(auditEvents).all().map((a) => a.type);
  expect(audited.filter((x) => x === 'webhook.registered').length).toBe(2);
  expect(audited).toContain('webhook.removed');
});

it('gives the admin a page to register an endpoint (secret shown once), see its deliveries and replay one', async () => {
  const t = await makeTestApp({ config: { WEBHOOK_ALLOW_PRIVATE: '1' } });
  const admin = await login(t.app, 'admin@demo.local');
  const empty = await get(t.app, '/admin/webhooks', admin.cookie);
  expect(empty.status).toBe(200);
  await expectValidHtml(await empty.text(), '/admin/webhooks');

  const refused = await formPost(t.app, '/admin/webhooks', { url: 'ftp://x', institution: 'EXIM', 'events[]': 'case.moved' }, { cookie: admin.cookie, csrf: admin.csrf });
  expect(refused.status).toBe(422);
  expect(await refused.text()).toContain('http');

  const r = await startReceiver();
  r.failNext(1, 500);
  const fd = new URLSearchParams([['url', r.url], ['institution', 'EXIM'], ['events[]', 'case.moved'], ['events[]', 'decision.issued'], ['_csrf', admin.csrf]]);
  const res = await t.app.request('/admin/webhooks', { method: 'POST', body: fd.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie, origin: 'http://localhost:3000' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  const secret = /whsec_[A-Za-z0-9_-]+/.exec(html)?.[0];
  expect(secret).toBeDefined();
  await expectValidHtml(html, '/admin/webhooks after registration');
  const again = await (await get(t.app, '/admin/webhooks', admin.cookie)).text();
  expect(again).toContain(r.url);
  expect(again).not.toContain(secret!);
  expect(again).toContain('案件流转');

  // A delivery that the receiver refused: the page shows its status, attempts and response code.
  const x = draftCase(t.deps, 'ent1@demo.local', 'exim-order-finance');
  send(t.deps, 'ent1@demo.local', x.id, 'applicant.submit');
  await deliverDue(t.deps);
  const id = /\/admin\/webhooks\?endpoint=(\d+)/.exec(again)![1]!;
  const page = await (await get(t.app, `/admin/webhooks?endpoint=${id}`, admin.cookie)).text();
  await expectValidHtml(page, '/admin/webhooks?endpoint');
  const row = /<tr>(?:(?!<\/tr>).)*待发送(?:(?!<\/tr>).)*<\/tr>/s.exec(page)?.[0] ?? '';
  expect(row).toContain('<td>1</td>');
  expect(row).toContain('<td>500</td>');
  const deliveryId = /name="delivery" value="([^"]+)"/.exec(page)![1]!;
  const replay = await formPost(t.app, '/admin/webhooks/replay', { endpoint: id, delivery: deliveryId }, { cookie: admin.cookie, csrf: admin.csrf });
  expect(replay.status).toBe(303);
  await deliverDue(t.deps);
  expect(r.received.map((d) => d.deliveryId)).toEqual([deliveryId]);
  const done = await (await get(t.app, `/admin/webhooks?endpoint=${id}`, admin.cookie)).text();
  expect(done).toContain('已送达');
  await r.close();

  const officer = await login(t.app, 'officer@demo.local');
  expect((await get(t.app, '/admin/webhooks', officer.cookie)).status).toBe(403);
});
