// Every role's desk in a real Chromium, at 1366 px and at a phone's 390 px, with the browser's
// clock at 00:30 Beijing time and a case submitted at that minute. Each page fails the test on: an
// internal code of the registry in the visible text, a page wider than the screen, a date a day off
// Beijing time, an error with a field key or without Chinese in the Chinese view, a decision input
// that holds a value nobody chose, an axe-core finding, invalid HTML; a case page also fails when
// its workflow diagram does not mark the case's state as the current step. One browser for all.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflows } from '../../workflows/index';
import { internalCodes } from '../../workflows/labels';
import { prefilled } from '../workbench/browser-steps';
import { axeViolations, formatViolations } from './axe';
import { launchChromium, screenshotDir, startServer, type RunningServer } from './server';
import { HtmlValidate } from 'html-validate';

// The recommended rules, less those about the style of valid markup (hono/jsx writes `<input/>`,
// `required=""`, `download=""` and a lower-case doctype).
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'attribute-boolean-style': 'off', 'attribute-empty-style': 'off', 'doctype-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off',
    // The header's unread badge labels a <span> (views/layout.tsx); allowed by ARIA, kept as it is.
    'aria-label-misuse': 'off' },
});

let server: RunningServer;
let browser: Browser;

// 16:30 UTC on 4 March is 00:30 on 5 March in Beijing: the day every page must show.
const HALF_PAST_MIDNIGHT = '2026-03-04T16:30:00.000Z';
const BEIJING_DAY = '2026-03-05';
const UTC_DAY = '2026-03-04';
const REF = 'SF-2026-000003'; // ent1's special-fund case, in the officer's queue

const CODES = internalCodes();
// A code followed by a file extension is a file's name as the applicant uploaded it, not a code.
const codePattern = new RegExp(`(?<![\\w.-])(${CODES.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w-]|\\.(?:pdf|png|jpe?g)\\b)`, 'g');

beforeAll(async () => {
  server = await startServer();
  // The case was submitted and last changed at 00:30 Beijing time (stored in UTC, as always).
  const db = new Database(server.dbPath);
  db.prepare('UPDATE cases SET submitted_at = ?, updated_at = ? WHERE reference = ?').run(HALF_PAST_MIDNIGHT, HALF_PAST_MIDNIGHT, REF);
  db.close();
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(email: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await page.clock.setFixedTime(new Date(HALF_PAST_MIDNIGHT));
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'demo-pass-2026');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.press('input[name=password]', 'Enter')]);
  return { ctx, page };
}

/** Everything wrong with the page as the person sees it now (empty when all is well). */
async function problems(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  const text = await page.evaluate('document.body.innerText') as string;
  const codes = [...new Set([...text.matchAll(codePattern)].map((m) => m[1]))];
  if (codes.length) found.push(`${where}: internal codes in the text: ${codes.join(', ')}`);
  if (/\{"[A-Za-z]+":/.test(text)) found.push(`${where}: raw JSON in the text`);
  const width = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]') as [number, number];
  if (width[0] > width[1]) found.push(`${where}: ${width[0]} px wide in a ${width[1]} px window`);
  for (const input of await prefilled(page)) found.push(`${where}: a decision input filled before anyone chose: ${input}`);
  const errors = await page.evaluate(`[...document.querySelectorAll('.field-error, .alert.error')].map((e) => e.innerText.trim()).filter(Boolean)`) as string[];
  for (const e of errors) {
    if (!/[\u4e00-\u9fff]/.test(e)) found.push(`${where}: an error without Chinese: ${e}`);
    if (/\b[a-z]+[A-Z][A-Za-z]*\b/.test(e)) found.push(`${where}: a field key in an error: ${e}`);
  }
  return found;
}

/** A case page's diagram: exactly one current step, the case's own state, drawn unlike the others. */
async function diagramProblems(page: Page, where: string): Promise<string[]> {
  // Pages without the case's state (an expert's declaration first, the auditor's file) have no diagram.
  const marker = page.locator('#case-panel[data-state], #case-state[data-state]');
  if ((await marker.count()) === 0) return [];
  const state = await marker.first().getAttribute('data-state');
  if (!state) return [];
  const steps = await page.$$eval('svg.workflow-diagram g.state', (gs) => gs.map((g) => ({
    state: g.getAttribute('data-state'), current: g.getAttribute('aria-current') === 'step', fill: g.querySelector('rect')?.getAttribute('fill'),
    box: g.getBoundingClientRect().width,
  })));
  if (steps.length === 0) return [`${where}: no workflow diagram`];
  const current = steps.filter((s) => s.current);
  if (current.length !== 1 || !(current[0]!.state === state || current[0]!.state!.startsWith(`${state}.`))) {
    return [`${where}: the diagram marks ${current.map((c) => c.state).join(', ') || 'nothing'} as current, the case is in ${state}`];
  }
  if (steps.some((s) => !s.current && s.fill === current[0]!.fill)) return [`${where}: the current step is drawn like the others`];
  if (current[0]!.box < 100) return [`${where}: the current step is ${current[0]!.box} px wide`];
  return [];
}

/** Looks at one page at both widths: the checks above, a screenshot each, axe and html-validate once. */
async function look(who: string, page: Page, name: string): Promise<string[]> {
  const where = `${who} ${name} (${page.url().replace(server.url, '')})`;
  const found: string[] = [];
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    found.push(...(await problems(page, `${where} @${width}`)));
    await page.screenshot({ path: join(screenshotDir, `desk-${who}-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  const violations = await axeViolations(page);
  if (violations.length) found.push(formatViolations(where, violations));
  const res = await page.request.get(page.url());
  if (res.headers()['content-type']?.includes('text/html')) {
    const report = await validator.validateString(await res.text());
    for (const r of report.results) for (const m of r.messages) found.push(`${where}: HTML ${m.ruleId}: ${m.message}`);
  }
  return found;
}

/** The desk, then the first case of its list, then the role's other pages. */
async function walk(who: string, email: string, more: string[] = []): Promise<string[]> {
  const { ctx, page } = await signIn(email);
  const found = await look(who, page, 'desk');
  const desk = page.url();
  const first = page.locator('tr[data-case] a, table a[href*="/cases/"]').first();
  if (await first.count()) {
    await Promise.all([page.waitForURL((u) => u.href !== desk), first.click()]);
    found.push(...(await look(who, page, 'case')));
    found.push(...(await diagramProblems(page, `${who} case (${page.url().replace(server.url, '')})`)));
  }
  for (const [i, path] of more.entries()) {
    await page.goto(`${server.url}${path}`);
    found.push(...(await look(who, page, `page${i + 1}`)));
  }
  await ctx.close();
  return found;
}

describe('every desk in the reader’s words, time and screen', () => {
  it('officer: the queue shows the Beijing day of a case submitted at 00:30 Beijing time', async () => {
    const { ctx, page } = await signIn('officer@demo.local');
    const row = page.locator(`tr[data-case="${REF}"]`);
    await page.goto(`${server.url}/workbench?view=all`);
    const text = await row.innerText();
    expect(text).toContain(BEIJING_DAY);
    expect(text).not.toContain(UTC_DAY);
    await ctx.close();
    expect(await walk('officer', 'officer@demo.local', ['/stats', '/notifications'])).toEqual([]);
  }, 180_000);

  it('applicant: the portal, a case and its notifications', async () => {
    const { ctx, page } = await signIn('ent1@demo.local');
    expect(await page.locator('body').innerText()).toContain(`${BEIJING_DAY} 00:30`);
    await ctx.close();
    expect(await walk('applicant', 'ent1@demo.local', ['/notifications', '/programmes/special-fund'])).toEqual([]);
  }, 180_000);

  for (const [who, email] of [['expert', 'expert1@demo.local'], ['approver', 'approver@demo.local']] as const) {
    it(`${who}: the queue and a case`, async () => {
      expect(await walk(who, email)).toEqual([]);
    }, 180_000);
  }

  for (const who of ['cdb', 'cdb2', 'exim', 'exim2', 'sinosure', 'sinosure2']) {
    it(`liaison ${who}: the queue and a case of the institution`, async () => {
      expect(await walk(`liaison-${who}`, `${who}@demo.local`)).toEqual([]);
    }, 180_000);
  }

  // The sixth programme's desk: the human-resources and social-security department (section 五).
  for (const who of ['hr', 'hr2']) {
    it(`${who}: the queue and a case of the employment-training subsidy`, async () => {
      expect(await walk(who, `${who}@demo.local`)).toEqual([]);
    }, 180_000);
  }

  it('the codes a page must not show are derived from every programme, the sixth included', () => {
    const w = workflows['employment-training-subsidy'];
    for (const code of [w.code, ...w.events.map((e) => e.type), ...w.documents.map((d) => d.kind)]) {
      if (/[.-]/.test(code)) expect(CODES).toContain(code);
    }
  });

  it('auditor: the desk, a case, the audit trail, with Beijing time named', async () => {
    const found = await walk('auditor', 'auditor@demo.local', ['/audit/trail', '/stats']);
    expect(found).toEqual([]);
    const { ctx, page } = await signIn('auditor@demo.local');
    await page.goto(`${server.url}/audit/trail`);
    expect(await page.locator('table.trail thead').innerText()).toContain('北京时间');
    await ctx.close();
  }, 180_000);

  it('admin: users; a bad new user is refused at its fields, in Chinese', async () => {
    const found = await walk('admin', 'admin@demo.local');
    const { ctx, page } = await signIn('admin@demo.local');
    await page.fill('#f-email, input[name=email]', 'not-an-email');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action="/admin/users"] button[type=submit]').click()]);
    await page.waitForSelector('.field-error:not(:empty)');
    found.push(...(await look('admin', page, 'create-error')));
    await ctx.close();
    expect(found).toEqual([]);
  }, 180_000);

  it('public: /verify asks for a code', async () => {
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/verify`);
    expect(await page.locator('input[name=code]').count()).toBe(1);
    const found = await look('public', page, 'verify');
    expect((await page.request.get(`${server.url}/favicon.ico`)).status()).toBe(200);
    await ctx.close();
    expect(found).toEqual([]);
  }, 60_000);
});
