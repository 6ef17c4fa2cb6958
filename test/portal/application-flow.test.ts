// An applicant's whole path through the pages: draft saved as typed, documents, submit,
// amendment and resubmission, withdrawal, notifications; and the pages are valid HTML.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, cases, documents } from '../../src/db/schema/index';
import { specialFundExample } from '../../workflows/special-fund';
import { apiRequest, apiToken, get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';
import { PDF, expectValidHtml, flatten, post, startDraft, upload, validPage } from './portal-helpers';

let t: TestApp;
let s: Session;

beforeEach(async () => {
  t = await makeTestApp();
  s = await login(t.app, 'ent1@demo.local');
});

const row = (id: number) => t.deps.db.select().from(cases).where(eq(cases.id, id)).get()!;
const REQUIRED = ['business-licence', 'project-plan', 'eia-approval', 'financial-statements'];

async function completeDraft(): Promise<number> {
  const id = await startDraft(t.app, s);
  const res = await post(t.app, `/portal/cases/${id}/form`, s, flatten(specialFundExample));
  expect(res.status).toBe(303);
  for (const kind of REQUIRED) {
    expect((await upload(t.app, `/portal/cases/${id}/documents`, { bytes: PDF(kind), name: `${kind}.pdf` }, kind, { session: s })).status).toBe(303);
  }
  return id;
}

describe('draft form', () => {
  it('starts prefilled from the enterprise and renders every field with a label', async () => {
    const id = await startDraft(t.app, s);
    const html = await validPage(t.app, `/portal/cases/${id}/form`, s);
    expect(html).toContain('hx-trigger="input changed delay:800ms, change"');
    expect(JSON.parse(row(id).form)).toMatchObject({ province: '重庆', industry: 'electronics' });
    const inputs = [...html.matchAll(/<(input|select|textarea)[^>]*\bid="([^"]+)"/g)].map((m) => m[2]!);
    for (const inputId of inputs) expect(html, inputId).toContain(`for="${inputId}"`);
  });

  it('autosave keeps what was typed and answers each field error in place (htmx, out of band)', async () => {
    const id = await startDraft(t.app, s);
    const res = await post(t.app, `/portal/cases/${id}/form`, s, { projectName: 'A', requestedAmount: '12', 'contact.email': 'not-mail' }, { 'hx-request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/id="f-projectName-err" hx-swap-oob="true">[^<]+</);
    expect(html).toMatch(/id="f-requestedAmount-err" hx-swap-oob="true">[^<]+</);
    expect(html).toMatch(/id="f-contact-email-err" hx-swap-oob="true">[^<]+</);
    expect(html).toMatch(/id="f-description-err" hx-swap-oob="true"><\/p>/); // untouched: no noise
    expect(JSON.parse(row(id).form)).toMatchObject({ projectName: 'A', requestedAmount: 12 });
    expect(t.deps.db.select().from(auditEvents).where(eq(auditEvents.type, 'form.saved')).all().length).toBe(1);
  });

  it('messages follow the language switch', async () => {
    const id = await startDraft(t.app, s);
    const res = await post(t.app, `/portal/cases/${id}/form`, s, { projectName: 'A' }, { 'hx-request': 'true', cookie: `${s.cookie}; cj_lang=en` });
    // The catalogue's sentence in English, not zod's "Too small".
    expect(await res.text()).toContain('Project name needs at least 2 characters');
    const zh = await post(t.app, `/portal/cases/${id}/form`, s, { projectName: 'A' }, { 'hx-request': 'true' });
    expect(await zh.text()).toContain('“项目名称”至少 2 个字');
    const page = await (await get(t.app, `/portal/cases/${id}/form`, `${s.cookie}; cj_lang=en`)).text();
    expect(page).toContain('Project name');
    expect(page).toContain('<html lang="en">');
  });

  it('ignores unknown fields and junk without a 500', async () => {
    const id = await startDraft(t.app, s);
    const res = await post(t.app, `/portal/cases/${id}/form`, s, { __proto__x: '1', 'products.999.hsCode': 'x', 'contact.name.deep': 'y', jobsPromised: '1e400' }, { 'hx-request': 'true' });
    expect(res.status).toBe(200);
    expect(Object.keys(JSON.parse(row(id).form))).not.toContain('__proto__x');
    expect((await post(t.app, '/portal/cases/abc/form', s, {})).status).toBe(404);
    expect((await post(t.app, '/programmes/nope/apply', s, {})).status).toBe(404);
  });
});

describe('submission', () => {
  it('cannot submit while documents are missing, and says which', async () => {
    const id = await startDraft(t.app, s);
    await post(t.app, `/portal/cases/${id}/form`, s, flatten(specialFundExample));
    const html = await validPage(t.app, `/portal/cases/${id}`, s);
    expect(html).toContain('缺少材料：营业执照');
    const res = await post(t.app, `/portal/cases/${id}/submit`, s, { version: '1' });
    expect(res.status).toBe(422);
    expect(row(id).state).toBe('draft');
  });

  it('submits when complete: state changes, version grows, history and diagram show it', async () => {
    const id = await completeDraft();
    const res = await post(t.app, `/portal/cases/${id}/submit`, s, { version: '1' });
    expect(res.status).toBe(303);
    expect(row(id)).toMatchObject({ state: 'submitted', version: 2 });
    const html = await validPage(t.app, `/portal/cases/${id}`, s);
    expect(html).toContain('data-state="submitted"');
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('data-event="applicant.submit"');
    // a stale version is refused as a conflict on the page, not a 500
    expect((await post(t.app, `/portal/cases/${id}/submit`, s, { version: '1' })).status).toBe(409);
    // after submission no replacement of a document
    const again = await upload(t.app, `/portal/cases/${id}/documents`, { bytes: PDF('x'), name: 'b.pdf' }, 'business-licence', { session: s });
    expect(again.status).toBe(422);
    expect((await get(t.app, `/portal/cases/${id}/form`, s.cookie)).status).toBe(303);
  });

  it('amendment: the officer returns it, the applicant changes the form, replaces a document and resubmits with a note', async () => {
    const id = await completeDraft();
    await post(t.app, `/portal/cases/${id}/submit`, s, { version: '1' });
    const officer = await apiToken(t.app, 'officer@demo.local');
    const ret = await apiRequest(t.app, 'POST', `/api/v1/cases/${id}/events`, { type: 'officer.return', version: 2, data: { reason: '请补充财务报表' } }, officer);
    expect(ret.status).toBe(200);
    const page = await validPage(t.app, `/portal/cases/${id}`, s);
    expect(page).toContain('请补充财务报表');
    expect((await post(t.app, `/portal/cases/${id}/form`, s, { ...flatten(specialFundExample), jobsPromised: '350' })).status).toBe(303);
    expect(JSON.parse(row(id).form).jobsPromised).toBe(350);
    expect((await upload(t.app, `/portal/cases/${id}/documents`, { bytes: PDF('new'), name: 'fs.pdf' }, 'financial-statements', { session: s })).status).toBe(303);
    expect(t.deps.db.select().from(documents).where(eq(documents.kind, 'financial-statements')).all().filter((d) => d.replacedAt).length).toBe(1);
    expect((await post(t.app, `/portal/cases/${id}/resubmit`, s, { version: '3', note: '已补充' })).status).toBe(303);
    expect(row(id)).toMatchObject({ state: 'submitted', version: 4 });
    const html = await (await get(t.app, `/portal/cases/${id}`, s.cookie)).text();
    expect(html).toContain('已补充');
  });

  it('withdraw before a decision', async () => {
    const id = await startDraft(t.app, s);
    // Withdrawal cannot be undone: the page first asks to confirm, naming the case; nothing is written yet.
    const ask = await post(t.app, `/portal/cases/${id}/withdraw`, s, { version: '1', reason: '不再需要' });
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toMatch(new RegExp(`id="confirm" data-confirm="applicant.withdraw"[\\s\\S]*请确认：对案件 ${row(id).reference} 执行“撤回申请”`));
    expect(html).toContain('name="reason" value="不再需要"');
    expect(row(id).state).toBe('draft');
    expect((await post(t.app, `/portal/cases/${id}/withdraw`, s, { version: '1', reason: '不再需要', _confirm: '1' })).status).toBe(303);
    expect(row(id).state).toBe('withdrawn');
    await validPage(t.app, `/portal/cases/${id}`, s);
  });
});

describe('pages', () => {
  it('portal, programmes, notifications and team are valid HTML in both languages', async () => {
    await completeDraft();
    for (const lang of ['zh', 'en']) {
      const sess = { ...s, cookie: `${s.cookie}; cj_lang=${lang}` };
      for (const path of ['/portal', '/programmes', '/programmes/special-fund', '/programmes/sinosure-credit-insurance', '/notifications', '/portal/team']) {
        const html = await validPage(t.app, path, sess);
        expect(html).toContain(`lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
      }
    }
  });

  it('programme page tells whether the enterprise looks eligible', async () => {
    const html = await validPage(t.app, '/programmes/special-fund', s);
    expect(html).toContain('地区：重庆');
    expect(html).toContain('营业执照');
    expect(html).toContain('role="img"');
    const anon = await get(t.app, '/programmes/cdb-infra-loan');
    expect(anon.status).toBe(200);
    await expectValidHtml(await anon.text(), 'anonymous programme page');
    expect((await get(t.app, '/programmes/nope')).status).toBe(404);
  });

  it('the case list shows only the enterprise\'s own cases', async () => {
    const id = await startDraft(t.app, s);
    const s2 = await login(t.app, 'ent2@demo.local');
    const ref = row(id).reference;
    expect(await (await get(t.app, '/portal', s.cookie)).text()).toContain(ref);
    expect(await (await get(t.app, '/portal', s2.cookie)).text()).not.toContain(ref);
    expect((await get(t.app, `/portal/cases/${id}`, s2.cookie)).status).toBe(404);
    expect((await post(t.app, `/portal/cases/${id}/withdraw`, s2, { version: '1' })).status).toBe(404);
    expect((await post(t.app, `/portal/cases/${id}/form`, s2, { projectName: 'hijack' })).status).toBe(404);
  });

  it('notifications: a state change notifies the colleague, who marks it read', async () => {
    const id = await completeDraft();
    await post(t.app, `/portal/cases/${id}/submit`, s, { version: '1' });
    const officer = await apiToken(t.app, 'officer@demo.local');
    await apiRequest(t.app, 'POST', `/api/v1/cases/${id}/events`, { type: 'officer.accept', version: 2 }, officer);
    const html = await validPage(t.app, '/notifications', s);
    expect(html).toContain(row(id).reference);
    expect(await (await get(t.app, '/portal', s.cookie)).text()).toMatch(/class="badge"[^>]*>1</);
    const nid = /data-id="(\d+)"/.exec(html)![1]!;
    expect((await post(t.app, `/notifications/${nid}/read`, s)).status).toBe(303);
    expect(await (await get(t.app, '/portal', s.cookie)).text()).not.toMatch(/class="badge"/);
    expect((await post(t.app, '/notifications/read-all', s)).status).toBe(303);
    expect((await post(t.app, '/notifications/x/read', s)).status).toBe(404);
  });

  it('pages need a session and the applicant role; forms need the CSRF token', async () => {
    expect((await get(t.app, '/portal/cases/1')).status).toBe(401);
    const officer = await login(t.app, 'officer@demo.local');
    expect((await get(t.app, '/portal', officer.cookie)).status).toBe(403);
    const id = await startDraft(t.app, s);
    expect((await post(t.app, `/portal/cases/${id}/withdraw`, { ...s, csrf: 'bad' }, { version: '1' })).status).toBe(403);
  });
});

describe('starting an application when a draft exists', () => {
  it('offers to continue the unsubmitted draft of the same programme, and only of that programme', async () => {
    const before = await (await get(t.app, '/programmes/trade-platform-grant', s.cookie)).text();
    expect(before).not.toContain('data-drafts');
    const id = await startDraft(t.app, s, 'trade-platform-grant');
    const html = await (await get(t.app, '/programmes/trade-platform-grant', s.cookie)).text();
    expect(html).toContain('data-drafts');
    expect(html).toContain(`href="/portal/cases/${id}/form"`);
    expect(html).toContain('另起一份新申请');
    const other = await (await get(t.app, '/programmes/exim-order-finance', s.cookie)).text();
    expect(other).not.toContain(`href="/portal/cases/${id}/form"`);
  });
});
