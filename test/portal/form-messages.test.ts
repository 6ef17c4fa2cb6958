// Messages in the reader's words, at the field: the applicant's form, the case page's list of
// what stands in the way, and the API's refusal of a bad form all come from the one catalogue,
// never a field key or zod's own text, Chinese in the Chinese view and English in the English.
import { beforeEach, describe, expect, it } from 'vitest';
import { eximOrderExample } from '../../workflows/exim-order-finance';
import { apiRequest, apiToken, get, login, makeTestApp, type Session, type TestApp } from '../helpers/index';
import { flatten, post, startDraft } from './portal-helpers';

let t: TestApp;
let s: Session;
beforeEach(async () => {
  t = await makeTestApp();
  s = await login(t.app, 'ent2@demo.local');
});

/** The message in an error slot of the form, or '' when the slot is empty. */
const slot = (html: string, name: string) => new RegExp(`id="f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}-err"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
/** What the zod library or a programmer would write; none of it may reach a person. */
const CODE_TEXT = /requestedAmount|orderValueCny|paymentDueDate|expected|Too big|Too small|Invalid input|ISO 3166|alpha-2|<=|>=/;

describe('the application form', () => {
  it("shows EXIM's 80% rule at the requested amount with the figure that would pass, in each language", async () => {
    const id = await startDraft(t.app, s, 'exim-order-finance');
    const fields = flatten({ ...eximOrderExample, requestedAmount: 12_000_000 }); // order 14,400,000 → at most 11,520,000
    const zh = await post(t.app, `/portal/cases/${id}/form`, s, fields);
    expect(zh.status).toBe(422);
    const zhHtml = await zh.text();
    expect(slot(zhHtml, 'requestedAmount')).toBe('申请融资金额不得超过订单折人民币金额的 80%（最多 11,520,000 元）');
    const en = await post(t.app, `/portal/cases/${id}/form`, { ...s, cookie: `${s.cookie}; cj_lang=en` }, fields);
    expect(slot(await en.text(), 'requestedAmount')).toBe('The financing requested may not exceed 80% of the order value in CNY (at most CNY 11,520,000)');

    // The case page names the item, not "1 item is wrong".
    const page = await (await get(t.app, `/portal/cases/${id}`, s.cookie)).text();
    expect(page).toContain('申请表：申请融资金额不得超过订单折人民币金额的 80%（最多 11,520,000 元）');

    // A figure that passes clears the message.
    const ok = await post(t.app, `/portal/cases/${id}/form`, s, { ...fields, requestedAmount: '11520000' });
    expect(ok.status).toBe(303);
  });

  it('checks dates for sense: the buyer pays after shipment, with the message at the payment date', async () => {
    const id = await startDraft(t.app, s, 'exim-order-finance');
    const fields = flatten({ ...eximOrderExample, order: { ...eximOrderExample.order, shipmentDate: '2027-05-20', paymentDueDate: '2027-05-01' } });
    const html = await (await post(t.app, `/portal/cases/${id}/form`, s, fields)).text();
    expect(slot(html, 'order.paymentDueDate')).toBe('买方付款到期日不得早于预计出运日（2027-05-20）');
    expect(html).toMatch(/id="f-order-paymentDueDate"[^>]*type="date"|type="date"[^>]*id="f-order-paymentDueDate"/);
  });

  it('offers the buyer country as a list of names in each language, never codes', async () => {
    const id = await startDraft(t.app, s, 'exim-order-finance');
    const zh = await (await get(t.app, `/portal/cases/${id}/form`, s.cookie)).text();
    expect(zh).toMatch(/<select[^>]*name="order.buyerCountry"[\s\S]*?<option value="SE"[^>]*>瑞典<\/option>/);
    const en = await (await get(t.app, `/portal/cases/${id}/form`, `${s.cookie}; cj_lang=en`)).text();
    expect(en).toMatch(/<option value="SE"[^>]*>Sweden<\/option>/);
    expect(zh).not.toMatch(/ISO|alpha-2/);
  });

  it('words every field message from the catalogue: the label, plain Chinese, no keys, no zod text', async () => {
    const id = await startDraft(t.app, s, 'exim-order-finance');
    const bad = { ...flatten(eximOrderExample), requestedAmount: '5', 'order.orderValue': '-3', 'contact.email': 'nobody', purpose: 'x', 'products.0.hsCode': '12' };
    const zh = await (await post(t.app, `/portal/cases/${id}/form`, s, bad)).text();
    const messages = ['requestedAmount', 'order.orderValue', 'contact.email', 'purpose', 'products.0.hsCode'].map((n) => slot(zh, n));
    expect(messages).toEqual([
      '“申请融资金额”不得少于 ¥100,000',
      '“订单金额”须大于 0',
      '请填写有效的电子邮箱地址',
      '“融资用途”至少 2 个字',
      '“海关商品编码（第 1 行）”：海关商品编码为 4–10 位数字，如 8471.30',
    ]);
    for (const m of messages) expect(m).not.toMatch(/[A-Za-z]/);
    const en = await (await post(t.app, `/portal/cases/${id}/form`, { ...s, cookie: `${s.cookie}; cj_lang=en` }, bad)).text();
    expect(slot(en, 'purpose')).toBe('Use of the financing needs at least 2 characters');
    const texts = [...en.matchAll(/class="field-error"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const m of texts) expect(m).not.toMatch(CODE_TEXT);
  });
});

describe('the API', () => {
  it('refuses a bad form with the catalogue\u2019s sentences (status and code as in API.md)', async () => {
    const token = await apiToken(t.app, 'ent2@demo.local');
    const res = await apiRequest(t.app, 'POST', '/api/v1/cases', { programme: 'exim-order-finance', form: { ...eximOrderExample, requestedAmount: 12_000_000, order: { ...eximOrderExample.order, buyerCountry: 'XX' } } }, token);
    expect(res.status).toBe(422);
    const body = await res.json() as { error: { code: string; message: string; details: { fields: Record<string, string> } } };
    expect(body.error.code).toBe('UNPROCESSABLE');
    expect(body.error.message).toContain('“国家或地区”请从列表中选择');
    expect(body.error.message).not.toMatch(CODE_TEXT);
    expect(Object.keys(body.error.details.fields)).toContain('order.buyerCountry');
  });
});
