// Deliveries from the outbox to real HTTP receivers on 127.0.0.1: signed, in order per case, only
// the endpoint's own institution's cases, retried with backoff after failures, given up after
// 24 hours (endpoint marked failing), replayed on request; a rolled-back change is never sent.
import { afterEach, describe, expect, it } from 'vitest';
import { writeTx } from '../../src/db/client';
import { webhookDeliveries } from '../../src/db/schema/index';
import { createCase } from '../../src/domain/cases/create-case';
import { uploadDocument } from '../../src/domain/documents/upload-document';
import { deliverDue } from '../../src/domain/webhooks/deliver-webhooks';
import { enqueueWebhooks } from '../../src/domain/webhooks/enqueue-webhooks';
import { workflowFor } from '../../workflows/index';
import { send, userByEmail } from '../engine/drive';
import { apiRequest, apiToken, makeTestApp, type TestApp } from '../helpers/index';
import { PDF_BYTES } from '../security/fixture';
import { startReceiver, verifySignature, type Receiver } from './receiver';

const receivers: Receiver[] = [];
afterEach(async () => { while (receivers.length) await receivers.pop()!.close(); });

async function receiver() { const r = await startReceiver(); receivers.push(r); return r; }

const ALL = ['case.moved', 'decision.issued', 'document.uploaded', 'notice.objection'];

async function register(t: TestApp, email: string, url: string, extra: Record<string, unknown> = {}) {
  const res = await apiRequest(t.app, 'POST', '/api/v1/webhooks', { url, events: ALL, ...extra }, await apiToken(t.app, email));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number; secret: string };
}

/** A case with its required documents uploaded as real files, still a draft. */
function draft(t: TestApp, email: string, programme: string) {
  const user = userByEmail(t.deps, email);
  const w = workflowFor(programme)!;
  const row = createCase(t.deps, user, { programme, form: w.formExample });
  for (const d of w.documents.filter((k) => k.required)) uploadDocument(t.deps, user, row.id, { kind: d.kind, filename: `${d.kind}.pdf`, bytes: PDF_BYTES(d.kind) });
  return row.id;
}

const app = () => makeTestApp({ config: { WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_RETRY_SECONDS: '30' } });

describe('webhook deliveries', () => {
  it('signs every delivery, keeps the order of each case and sends an endpoint only its own institution\'s cases', async () => {
    const t = await app();
    const [exim, cdb] = [await receiver(), await receiver()];
    const eximHook = await register(t, 'exim@demo.local', exim.url);
    const cdbHook = await register(t, 'admin@demo.local', cdb.url, { institution: 'CDB' });

    const x = draft(t, 'ent1@demo.local', 'exim-order-finance');
    const y = draft(t, 'ent2@demo.local', 'exim-order-finance');
    const z = draft(t, 'ent2@demo.local', 'cdb-infra-loan');
    send(t.deps, 'ent1@demo.local', x, 'applicant.submit');
    send(t.deps, 'ent2@demo.local', y, 'applicant.submit');
    uploadDocument(t.deps, userByEmail(t.deps, 'ent1@demo.local'), x, { kind: 'processing-trade-manual', filename: 'manual.pdf', bytes: PDF_BYTES('manual') });
    send(t.deps, 'ent2@demo.local', z, 'applicant.submit');
    send(t.deps, 'exim@demo.local', y, 'liaison.return', { reason: '请补充报关单 / Add the customs declaration' });
    send(t.deps, 'exim@demo.local', x, 'liaison.decline', { reason: '订单真实性无法核实 / The order could not be verified' });

    await deliverDue(t.deps);

    for (const [r, secret] of [[exim, eximHook.secret], [cdb, cdbHook.secret]] as const) {
      expect(r.received.length).toBeGreaterThan(0);
      for (const d of r.received) {
        expect(verifySignature(secret, d.signature, d.body), d.body).toBe(true);
        expect(verifySignature('whsec_wrong', d.signature, d.body)).toBe(false);
        expect(d.json.id).toBe(d.deliveryId);
        expect(Object.keys(d.json)).toEqual(expect.arrayContaining(['id', 'type', 'caseId', 'programme', 'at']));
      }
    }
    // Drafts stay private: the documents uploaded before submission are not reported.
    const seq = (r: Receiver, id: number) => r.received.filter((d) => d.json.caseId === id).map((d) => (d.json.type === 'case.moved' ? `moved:${d.json.to}` : d.json.type));
    expect(seq(exim, x)).toEqual(['moved:submitted', 'document.uploaded', 'moved:declined', 'decision.issued']);
    expect(seq(exim, y)).toEqual(['moved:submitted', 'moved:amendment']);
    expect(exim.received.every((d) => d.json.programme === 'exim-order-finance')).toBe(true);
    expect(seq(cdb, z).length).toBe(1);
    expect(cdb.received.every((d) => d.json.caseId === z)).toBe(true);
    const decision = exim.received.find((d) => d.json.type === 'decision.issued')!.json;
    expect(decision.pdfUrl).toBe(`/decisions/${decision.decisionId}.pdf`);
    // Delivered once: another run sends nothing.
    expect(await deliverDue(t.deps)).toBe(0);
  });

  it('retries with exponential backoff after a receiver fails the first attempts, and holds the next event of the case until then', async () => {
    const t = await app();
    const r = await receiver();
    const hook = await register(t, 'exim@demo.local', r.url);
    const x = draft(t, 'ent1@demo.local', 'exim-order-finance');
    r.failNext(2, 503);
    send(t.deps, 'ent1@demo.local', x, 'applicant.submit');
    send(t.deps, 'exim@demo.local', x, 'liaison.return', { reason: '请补充 / Please complete' });

    expect(await deliverDue(t.deps)).toBe(1); // the first event fails; the second waits behind it
    expect(r.received).toEqual([]);
    t.clock.advance(29_000);
    expect(await deliverDue(t.deps)).toBe(0); // not due before 30 s
    t.clock.advance(1_000);
    expect(await deliverDue(t.deps)).toBe(1); // second attempt fails: next in 60 s
    t.clock.advance(59_000);
    expect(await deliverDue(t.deps)).toBe(0);
    t.clock.advance(1_000);
    await deliverDue(t.deps); // third attempt succeeds, then the held event goes
    expect(r.received.map((d) => d.json.to)).toEqual(['submitted', 'amendment']);

    const token = await apiToken(t.app, 'exim@demo.local');
    const list = (await (await apiRequest(t.app, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`, undefined, token)).json()) as any[];
    const first = list.find((d) => d.id === r.received[0]!.deliveryId);
    expect(first).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    expect(list.find((d) => d.id === r.received[1]!.deliveryId)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('gives up after 24 hours and marks the endpoint failing; a replay sends the same delivery id again', async () => {
    const t = await app();
    const r = await receiver();
    const hook = await register(t, 'exim@demo.local', r.url);
    const x = draft(t, 'ent1@demo.local', 'exim-order-finance');
    r.failNext(1_000, 500);
    send(t.deps, 'ent1@demo.local', x, 'applicant.submit');
    let attempts = 0;
    for (let hour = 0; hour <= 25; hour++) { attempts += await deliverDue(t.deps); t.clock.advance(3600_000); }
    attempts += await deliverDue(t.deps);
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThan(20); // exponential, not every minute
    const token = await apiToken(t.app, 'exim@demo.local');
    const [endpoint] = (await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, token)).json()) as any[];
    expect(endpoint.failingSince).not.toBeNull();
    expect(endpoint).not.toHaveProperty('secret');
    const [failed] = (await (await apiRequest(t.app, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`, undefined, token)).json()) as any[];
    expect(failed).toMatchObject({ status: 'failed', lastStatus: 500 });

    r.failNext(0);
    expect((await apiRequest(t.app, 'POST', `/api/v1/webhooks/${hook.id}/deliveries/${failed.id}/replay`, undefined, token)).status).toBe(202);
    await deliverDue(t.deps);
    expect(r.received.map((d) => d.deliveryId)).toEqual([failed.id]);
    const [after] = (await (await apiRequest(t.app, 'GET', '/api/v1/webhooks', undefined, token)).json()) as any[];
    expect(after.failingSince).toBeNull();
    // Another institution's liaison cannot see or replay it.
    const cdb = await apiToken(t.app, 'cdb@demo.local');
    expect((await apiRequest(t.app, 'POST', `/api/v1/webhooks/${hook.id}/deliveries/${failed.id}/replay`, undefined, cdb)).status).toBe(404);
  });

  it('writes nothing for a change that rolls back', async () => {
    const t = await app();
    const r = await receiver();
    await register(t, 'exim@demo.local', r.url);
    const x = draft(t, 'ent1@demo.local', 'exim-order-finance');
    send(t.deps, 'ent1@demo.local', x, 'applicant.submit');
    const before = t.deps.db.select().from(webhookDeliveries).all().length;
    expect(() => writeTx(t.deps.db, (tx) => {
      expect(enqueueWebhooks(tx, { type: 'case.moved', caseId: x, at: t.clock.now().toISOString(), data: {} })).toBe(1);
      throw new Error('the change fails after its outbox row was written');
    })).toThrow();
    expect(t.deps.db.select().from(webhookDeliveries).all().length).toBe(before);
    // An event refused by the engine (stale version) leaves no delivery either.
    const stale = await apiRequest(t.app, 'POST', `/api/v1/cases/${x}/events`, { type: 'liaison.decline', version: 1, data: { reason: 'x'.repeat(10) } }, await apiToken(t.app, 'exim@demo.local'));
    expect(stale.status).toBe(409);
    expect(t.deps.db.select().from(webhookDeliveries).all().length).toBe(before);
    await deliverDue(t.deps);
    expect(r.received.length).toBe(before);
  });
});
