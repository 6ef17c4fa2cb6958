// A government-fund case through the workbench in a real Chromium, each step by a different
// signed-in person: officer returns it, applicant resubmits, experts declare and score, officer
// recommends, the notice ends (PUBLIC_NOTICE_DAYS=0), the approver approves.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotDir, startServer, type RunningServer } from './server';
import { act, prefilled, signIn } from '../workbench/browser-steps';

let server: RunningServer;
let browser: Browser;
const REF = 'SF-2026-000003'; // demo case of ent1 in preliminary review

beforeAll(async () => {
  server = await startServer({ PUBLIC_NOTICE_DAYS: '0', SCHEDULER_INTERVAL_SECONDS: '0.5' });
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `workbench-grant-${name}.png`), fullPage: true });

describe('a special-fund case from return to approval, in Chromium', () => {
  it('is returned, resubmitted, scored by two experts and approved, each by a different person', async () => {
    const officer = await signIn(browser, server.url, 'officer@demo.local');
    await officer.page.locator(`tr[data-case="${REF}"] a`).click();
    const caseUrl = officer.page.url();
    const caseId = /cases\/(\d+)/.exec(caseUrl)![1];
    await act(officer.page, 'officer.return', 'amendment', { 'd.reason': '请补充近三年财务报表 / Add three years of accounts' });
    expect(await officer.page.locator('#case-state').textContent()).toContain('退回补正');
    await shot(officer.page, '1-officer-returned');

    const applicant = await signIn(browser, server.url, 'ent1@demo.local');
    await applicant.page.goto(`${server.url}/portal/cases/${caseId}`);
    await applicant.page.fill('#resubmit-note', '已补充财务报表 / Accounts added');
    await applicant.page.locator(`form[action="/portal/cases/${caseId}/resubmit"] button[type=submit]`).click();
    await applicant.page.waitForLoadState('networkidle');
    await shot(applicant.page, '2-applicant-resubmitted');

    await officer.page.goto(caseUrl);
    expect(await prefilled(officer.page)).toEqual([]);
    await act(officer.page, 'officer.accept', 'review.preliminary');
    await act(officer.page, 'officer.pass-screening', 'review.expert');
    await act(officer.page, 'officer.assign-experts', 'review.expert', { 'd.expertIds[]': '*' });
    expect(await officer.page.locator('#h-experts + ul li').count()).toBe(2);
    await shot(officer.page, '3-officer-assigned');

    for (const [i, email] of ['expert1@demo.local', 'expert2@demo.local'].entries()) {
      const expert = await signIn(browser, server.url, email);
      await expert.page.locator(`tr[data-case="${REF}"] a`).click();
      await expert.page.locator('#declaration').waitFor();
      expect(await expert.page.locator('#h-app').count()).toBe(0); // nothing of the case before the declaration
      await Promise.all([expert.page.waitForURL(caseUrl), expert.page.click('#declare-none')]);
      if (i === 1) expect(await expert.page.locator('#scores-hidden').count()).toBe(1); // the first expert's score stays hidden
      await act(expert.page, 'expert.score', 'review.expert', { 'd.score': String(80 + i * 5), 'd.opinion': `意见 ${i + 1} / Opinion ${i + 1}` });
      await shot(expert.page, `4-expert${i + 1}-scored`);
      expect(expert.errors).toEqual([]);
      await expert.ctx.close();
    }

    await officer.page.goto(caseUrl);
    expect(await officer.page.locator('tr[data-score]').count()).toBe(2);
    // The recommendation starts empty: the requested amount is a labelled hint, not the value.
    expect(await prefilled(officer.page)).toEqual([]);
    expect(await officer.page.locator('form[data-event="officer.recommend"] [data-hint="amount"]').first().textContent()).toMatch(/申请金额：¥720,000/);
    await act(officer.page, 'officer.recommend', 'publicNotice', { 'd.amount': '700000', 'd.note': '专家评审通过，拟支持 70 万元' });
    // The scheduler ends the zero-day notice; the approver then finds the case in their queue.
    // The approver works without script: the plain form posts, the server asks for confirmation on a page.
    const approver = await signIn(browser, server.url, 'approver@demo.local', { javaScriptEnabled: false });
    for (let n = 0; n < 40; n++) {
      if (await approver.page.locator(`tr[data-case="${REF}"]`).count()) break;
      await new Promise((r) => setTimeout(r, 500));
      await approver.page.reload();
    }
    await approver.page.locator(`tr[data-case="${REF}"] a`).click();
    expect(await prefilled(approver.page)).toEqual([]);
    // The brief carries the officer's recommendation to the approver.
    expect(await approver.page.locator('#brief [data-brief="officer.recommend"]').textContent()).toContain('专家评审通过，拟支持 70 万元');
    const form = approver.page.locator('form[data-event="approver.approve"]');
    await form.locator('[name="d.amount"]').fill('700000');
    await form.locator('[name="d.conditions"]').fill('专款专用 / Ring-fenced');
    await Promise.all([approver.page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
    // Nothing is decided yet: the page names the case and the amount and asks.
    await approver.page.locator('#confirm[data-confirm="approver.approve"]').waitFor();
    expect(await approver.page.locator('#confirm-text').textContent()).toBe(`请确认：对案件 ${REF} 执行“批准”，金额 ¥700,000。此操作不可撤销。`);
    expect(await approver.page.locator('#case-state').textContent()).toContain('待批复');
    await shot(approver.page, '5-approver-confirm');
    await Promise.all([approver.page.waitForURL(caseUrl), approver.page.click('#confirm-yes')]);
    expect(await approver.page.locator('#case-state').textContent()).toContain('拨付');
    await shot(approver.page, '5-approver-approved');
    expect([...officer.errors, ...applicant.errors, ...approver.errors]).toEqual([]);
  }, 120_000);
});
