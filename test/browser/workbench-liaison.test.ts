// Liaisons in a real Chromium: the EXIM liaison takes an order-financing case through credit
// approval to disbursement; the CDB liaison cannot see it in the list or by its address; the
// Sinosure liaison services a policy, each typed figure checked at its field.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotDir, startServer, type RunningServer } from './server';
import { act, fillEventForm, signIn, submitEventForm } from '../workbench/browser-steps';
import { COLLECTION_DAYS } from '../../workflows/exim-events';
import { eximOrderExample } from '../../workflows/exim-order-finance';
import { datePlus } from '../../workflows/policy-guards';

let server: RunningServer;
let browser: Browser;
const REF = 'EXIM-2026-000003'; // demo case of ent1: order verified by the second EXIM liaison

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `workbench-liaison-${name}.png`), fullPage: true });

describe('liaisons in Chromium', () => {
  it('the EXIM liaison approves the financing and disburses; the CDB liaison never sees the case', async () => {
    const exim = await signIn(browser, server.url, 'exim@demo.local');
    await exim.page.locator(`[data-stage="exim-order-finance:creditApproval"]`).waitFor();
    await shot(exim.page, '1-exim-queue');
    await exim.page.locator(`tr[data-case="${REF}"] a`).click();
    const caseUrl = exim.page.url();
    await act(exim.page, 'liaison.approve-financing', 'disbursement', { 'd.amount': '4000000', 'd.repaymentDueDate': datePlus(eximOrderExample.order.paymentDueDate, COLLECTION_DAYS), 'd.interestRate': '0.035', 'd.conditions': '应收账款质押 / Receivables pledged' });
    expect(await exim.page.locator('#case-state').textContent()).toContain('待放款');
    await shot(exim.page, '2-exim-approved');
    await act(exim.page, 'liaison.disburse', 'outstanding', { 'd.amount': '4000000' });
    await shot(exim.page, '3-exim-disbursed');
    expect(exim.errors).toEqual([]);

    const cdb = await signIn(browser, server.url, 'cdb@demo.local');
    await cdb.page.goto(`${server.url}/workbench?view=all&q=${REF}`);
    expect(await cdb.page.locator(`tr[data-case="${REF}"]`).count()).toBe(0);
    expect(await cdb.page.locator('tr[data-case^="CDB-"]').count()).toBe(0); // the search found nothing of theirs either
    await cdb.page.goto(`${server.url}/workbench?view=all`);
    expect(await cdb.page.locator('tr[data-case^="EXIM-"]').count()).toBe(0);
    expect(await cdb.page.locator('tr[data-case^="CDB-"]').count()).toBeGreaterThan(0);
    const res = await cdb.page.goto(caseUrl);
    expect(res?.status()).toBe(404);
    await shot(cdb.page, '4-cdb-not-found');
  }, 120_000);

  it('shows the second of two liaisons acting at once that the case changed, in place, with the new state', async () => {
    const first = await signIn(browser, server.url, 'exim@demo.local');
    const second = await signIn(browser, server.url, 'exim2@demo.local');
    await first.page.goto(`${server.url}/workbench?view=all&q=EXIM-2026-000001`);
    await first.page.locator('tr[data-case="EXIM-2026-000001"] a').click();
    await second.page.goto(first.page.url());
    await act(first.page, 'liaison.verify-order', 'creditApproval', { 'd.verifiedOrderValueCny': '14400000', 'd.note': '合同与报关记录一致' });
    // The second page still shows the submitted case; its return form carries the old version.
    const form = second.page.locator('form[data-event="liaison.return"]');
    await form.locator('[name="d.reason"]').fill('请补充报关单 / Add the customs declarations');
    await form.locator('button[type=submit]').click();
    await second.page.locator('#case-panel[data-state="creditApproval"] #flash[data-kind="conflict"]').waitFor({ timeout: 15_000 });
    expect(await second.page.locator('#case-state').textContent()).toContain('授信审批');
    await shot(second.page, '5-second-liaison-conflict');
    expect([...first.errors, ...second.errors]).toEqual([]);
  }, 60_000);

  it('the Sinosure liaison services a policy: a limit reduced and a recovery recorded, each figure checked at its field first', async () => {
    const sin = await signIn(browser, server.url, 'sinosure@demo.local');
    const ref = 'SIN-2026-000004'; // demo policy: two buyers, a paid claim, a loss averted, a later shipment
    await sin.page.goto(`${server.url}/workbench?view=all&q=${ref}`);
    await sin.page.locator(`tr[data-case="${ref}"] a`).click();
    const caseUrl = sin.page.url();
    const refusedAt = async (type: string, fill: Record<string, string>, field: string) => {
      const version = Number(await sin.page.locator('#case-panel').getAttribute('data-version'));
      await fillEventForm(sin.page, type, fill);
      await submitEventForm(sin.page, type, version);
      const error = sin.page.locator(`form[data-event="${type}"] [name="${field}"][aria-invalid="true"]`);
      await error.waitFor({ timeout: 15_000 });
      const message = await sin.page.locator(`#${await error.getAttribute('id')}-err`).innerText();
      await sin.page.goto(caseUrl); // a fresh page, without the refusal's flash
      return message;
    };
    // Below what is shipped to the buyer and unpaid: refused at the amount, naming the figure.
    expect(await refusedAt('liaison.reduce-limit', { 'd.buyerId': '1', 'd.amount': '1', 'd.reason': '买方付款变慢' }, 'd.amount')).toMatch(/限额不得低于该买方未收汇出运金额（[\d,]+ 元）/);
    await act(sin.page, 'liaison.reduce-limit', 'policy.cover.active', { 'd.buyerId': '1', 'd.amount': '4000000', 'd.reason': '买方付款变慢' });
    expect(await refusedAt('liaison.record-recovery', { 'd.buyerId': '1', 'd.amount': '999999999' }, 'd.amount')).toMatch(/追回金额/);
    await act(sin.page, 'liaison.record-recovery', 'policy.cover.active', { 'd.buyerId': '1', 'd.amount': '100000' });
    await shot(sin.page, '6-sinosure-serviced');
    expect(await sin.page.locator('#case-panel').innerText()).not.toMatch(/liaison\.|buyerId|credit-limit-/);
    expect(sin.errors).toEqual([]);
  }, 60_000);
});
