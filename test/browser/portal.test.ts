// A real Chromium against a real server: an applicant applies, uploads the PDFs, submits.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotDir, startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `portal-${name}.png`), fullPage: true });

/** A small but genuine PDF on disk for the file chooser. */
function pdfFile(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
  return path;
}

describe('applicant in Chromium', () => {
  it('logs in, applies to the special fund, uploads the PDFs, submits and sees the state change', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/login`);
    await page.fill('input[name=email]', 'ent1@demo.local');
    await page.fill('input[name=password]', 'demo-pass-2026');
    await Promise.all([page.waitForURL(`${server.url}/portal`), page.press('input[name=password]', 'Enter')]);
    await shot(page, '1-portal');

    await page.goto(`${server.url}/programmes/special-fund`);
    expect(await page.textContent('h1')).toContain('承接转移专项资金');
    await shot(page, '2-programme');
    await Promise.all([page.waitForURL(/\/portal\/cases\/\d+\/form$/), page.click('form[action$="/apply"] button')]);
    const caseUrl = page.url().replace(/\/form$/, '');

    // Typing saves the draft after a pause (htmx autosave), with the error shown in place.
    await page.selectOption('#f-category', 'skills-training');
    await page.fill('#f-projectName', 'X');
    await expect.poll(() => page.textContent('#f-projectName-err'), { timeout: 10_000 }).not.toBe('');
    await page.fill('#f-projectName', '重庆电子信息产业工人技能培训基地');
    await expect.poll(() => page.textContent('#f-projectName-err'), { timeout: 10_000 }).toBe('');
    await page.fill('#f-description', '建设面向笔记本电脑加工贸易企业的实训基地，年培训一线员工 3000 人次。');
    await page.fill('#f-purpose', '实训设备购置与培训补贴');
    await page.fill('#f-products-0-hsCode', '8471.30');
    await page.fill('#f-products-0-description', '便携式计算机');
    await page.fill('#f-requestedAmount', '1200000');
    await page.fill('#f-totalInvestment', '4000000');
    await page.fill('#f-jobsPromised', '300');
    await page.fill('#f-localHiringShare', '85');
    await page.fill('#f-eiaReference', '渝环准〔2026〕18号');
    await expect.poll(() => page.textContent('#save-status'), { timeout: 10_000 }).not.toMatch(/需更正|to correct/);
    await shot(page, '3-form');
    // A change still pending when "save and go back" is clicked must be saved, not lost.
    await page.fill('#f-purpose', '实训设备购置与培训补贴（含教材）');
    await Promise.all([page.waitForURL(caseUrl), page.click('form.case-form button[name=_return]')]);
    await page.goto(`${caseUrl}/form`);
    expect(await page.inputValue('#f-purpose')).toBe('实训设备购置与培训补贴（含教材）');
    await page.goto(caseUrl);

    const dir = mkdtempSync(join(tmpdir(), 'chengjie-pdfs-'));
    for (const kind of ['business-licence', 'project-plan', 'eia-approval', 'financial-statements']) {
      await page.selectOption('#upload-kind', kind);
      await page.setInputFiles('#upload-file', pdfFile(dir, `${kind}.pdf`));
      await Promise.all([page.waitForURL(`${caseUrl}#docs-h`), page.click('form.upload button[type=submit]')]);
      expect(await page.textContent(`tr[data-kind="${kind}"]`)).toContain(`${kind}.pdf`);
    }
    expect(await page.getAttribute('#case-state', 'data-state')).toBe('draft');
    await shot(page, '4-documents');

    await Promise.all([page.waitForURL(caseUrl), page.click(`form[action$="/submit"] button`)]);
    expect(await page.getAttribute('#case-state', 'data-state')).toBe('submitted');
    expect(await page.textContent('#case-state')).toContain('已提交');
    expect(await page.getAttribute('svg.workflow-diagram [aria-current=step]', 'data-state')).toBe('submitted');
    await shot(page, '5-submitted');

    // The language switch is remembered and honoured on the case page.
    await Promise.all([page.waitForURL(caseUrl), page.click('header form[action="/lang"] button')]);
    expect(await page.textContent('#case-state')).toContain('Submitted');
    await shot(page, '6-english');
    expect(errors).toEqual([]);
  }, 120_000);
});
