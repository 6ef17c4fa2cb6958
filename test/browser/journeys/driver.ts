// Drives one programme's whole journey through the pages: a real server process with a fresh
// database, a real Chromium, one browser context per person (so each step is taken by the right
// logged-in user), a screenshot per step and axe-core on every distinct page.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { creditCodeCheckChar } from '../../../src/domain/reference/credit-code';
import { fillEventForm, submitEventForm } from '../../workbench/browser-steps';
import { axeViolations, formatViolations, type AxeViolation } from '../axe';
import { launchChromium, screenshotDir, startServer, type RunningServer } from '../server';

export const PASSWORD = 'demo-pass-2026';

/** What a journey found: axe results per distinct page, and the time it took. */
export interface JourneyReport { programme: string; pages: string[]; violations: { page: string; violations: AxeViolation[] }[] }

export interface Person { email: string; context: BrowserContext; page: Page }

/** A genuine-enough PDF for the file chooser (the server checks the %PDF- magic). */
function pdfFile(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
  return path;
}

/** A unified social credit code (GB 32100-2015) that passes the check: 9 + 1 + a division code + 9 characters + check. */
export function newCreditCode(divisionCode: string): string {
  const body = `91${divisionCode}${Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, '0').padStart(9, '0').slice(-9)}`;
  const check = creditCodeCheckChar(body);
  if (!check) throw new Error(`not a credit code body: ${body}`);
  return body + check;
}

/** Dotted field names of a form example, as the generated form names its inputs. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${prefix}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(value)]];
}
const formFieldId = (name: string) => `#f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export class Journey {
  server!: RunningServer;
  browser!: Browser;
  readonly report: JourneyReport;
  private step = 0;
  private stopping = false;
  private checked = new Set<string>();
  private people: Person[] = [];
  private files = mkdtempSync(join(tmpdir(), 'chengjie-journey-'));
  readonly errors: string[] = [];

  constructor(readonly programme: string, private env: Record<string, string> = {}) {
    this.report = { programme, pages: [], violations: [] };
  }

  async start(): Promise<void> {
    // 公示 of zero days and a fast scheduler: the notice period ends while the test waits.
    [this.server, this.browser] = await Promise.all([
      startServer({ PUBLIC_NOTICE_DAYS: '0', SCHEDULER_INTERVAL_SECONDS: '0.5', ...this.env }),
      launchChromium(),
    ]);
    // This run's screenshots only, so the numbering reads as the journey.
    rmSync(join(screenshotDir, this.programme), { recursive: true, force: true });
    mkdirSync(join(screenshotDir, this.programme), { recursive: true });
    // If the server goes away mid-journey the browser only says "connection refused": say why.
    this.server.proc.once('exit', (code, signal) => {
      if (!this.stopping) console.error(`[journey ${this.programme}] the server process exited during the journey (code ${code}, signal ${signal})`);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // What was checked, for whoever reads the CI log: the pages axe ran on and what it found.
    const found = this.report.violations.reduce((n, v) => n + v.violations.length, 0);
    console.log(`[journey ${this.programme}] ${this.step} steps; axe-core on ${this.report.pages.length} pages: ${this.report.pages.join(', ')}; serious/critical violations: ${found}`);
    for (const p of this.people) await p.context.close().catch(() => {});
    await this.browser?.close();
    await this.server?.stop();
    rmSync(this.files, { recursive: true, force: true });
  }

  url(path: string): string {
    return `${this.server.url}${path}`;
  }

  private async newPerson(email: string): Promise<Person> {
    const context = await this.browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => this.errors.push(`${email} ${page.url()}: ${e}`));
    page.on('response', (r) => { if (r.status() >= 500) this.errors.push(`${email}: ${r.status()} ${r.request().method()} ${r.url()}`); });
    const person = { email, context, page };
    this.people.push(person);
    return person;
  }

  /** Screenshot of the step, as screenshotDir/<programme>/NN-step.png. */
  async shot(page: Page, name: string): Promise<void> {
    this.step += 1;
    await page.screenshot({ path: join(screenshotDir, this.programme, `${String(this.step).padStart(2, '0')}-${name}.png`), fullPage: true });
  }

  /** axe-core once per distinct page (keyed by the caller: a route, and the variant that matters). */
  async axe(page: Page, key: string): Promise<void> {
    if (this.checked.has(key)) return;
    this.checked.add(key);
    this.report.pages.push(key);
    // A settled page: while an htmx request is in flight its element is dimmed (.htmx-request).
    await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.htmx-request'));
    const violations = await axeViolations(page);
    if (violations.length) this.report.violations.push({ page: `${key} (${new URL(page.url()).pathname})`, violations });
  }

  /** Fails the test with every serious or critical violation found on the way. */
  assertAccessible(): void {
    const text = this.report.violations.map((v) => formatViolations(v.page, v.violations)).join('\n');
    expect(text, `axe-core: serious or critical violations\n${text}`).toBe('');
  }

  /** A person signs in on /login in their own browser context. */
  async login(email: string): Promise<Person> {
    const person = await this.newPerson(email);
    const { page } = person;
    await page.goto(this.url('/login'));
    await this.axe(page, 'login');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.click('form[action="/login"] button[type=submit]')]);
    expect(await page.locator('header .who').textContent()).toBeTruthy();
    return person;
  }

  /** A new enterprise registers on /register and lands on its portal, signed in. */
  async register(fields: { enterpriseName: string; creditCode: string; province: string; city: string; industry: string; customsCode: string; contactName: string; contactPhone: string; email: string }): Promise<Person> {
    const person = await this.newPerson(fields.email);
    const { page } = person;
    await page.goto(this.url('/register'));
    await this.axe(page, 'register');
    for (const [name, value] of Object.entries(fields)) {
      const el = page.locator(`form[action="/register"] [name="${name}"]`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
      else await el.fill(value);
    }
    await page.fill('form[action="/register"] [name="password"]', PASSWORD);
    // A mistyped check character is refused on the page, next to the field.
    const wrong = fields.creditCode.slice(0, 17) + (fields.creditCode[17] === '0' ? '1' : '0');
    await page.fill('form[action="/register"] [name="creditCode"]', wrong);
    await Promise.all([page.waitForURL(this.url('/register')), page.click('form[action="/register"] button[type=submit]')]);
    await expect.poll(() => page.getAttribute('[name="creditCode"]', 'aria-invalid')).toBe('true');
    expect(await page.locator('[name="creditCode"]').inputValue()).toBe(wrong);
    await this.axe(page, 'register (refused)');
    await this.shot(page, 'register-refused');
    await page.fill('form[action="/register"] [name="creditCode"]', fields.creditCode);
    await page.fill('form[action="/register"] [name="password"]', PASSWORD);
    await this.shot(page, 'register');
    await Promise.all([page.waitForURL(this.url('/portal')), page.click('form[action="/register"] button[type=submit]')]);
    return person;
  }

  /** The applicant opens the programme, starts a draft, fills the form, uploads the required documents and submits. */
  async apply(person: Person, form: Record<string, unknown>, documents: string[]): Promise<{ caseId: number; reference: string }> {
    const { page } = person;
    await this.axe(page, 'portal');
    await this.shot(page, 'portal');
    await page.goto(this.url(`/programmes/${this.programme}`));
    await this.axe(page, 'programme');
    await this.shot(page, 'programme');
    await Promise.all([page.waitForURL(/\/portal\/cases\/\d+\/form$/), page.click('form[action$="/apply"] button[type=submit]')]);
    const caseId = Number(/\/cases\/(\d+)\//.exec(page.url())![1]);
    const caseUrl = this.url(`/portal/cases/${caseId}`);
    await this.axe(page, 'application form (empty)');

    let last = page.locator('body');
    for (const [name, value] of leaves(form)) {
      last = page.locator(formFieldId(name));
      if ((await last.evaluate((e) => e.tagName)) === 'SELECT') await last.selectOption(value);
      else await last.fill(value);
    }
    // Leaving the last field saves it (htmx, on change); the answer swaps the messages in place,
    // so the Save button is clicked only once that is done and the layout is still.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/portal/cases/${caseId}/form`) && r.request().method() === 'POST'),
      last.blur(),
    ]);
    // The autosave answers with the number of fields still to correct: none.
    await expect.poll(() => page.textContent('#save-status'), { timeout: 15_000 }).not.toMatch(/需更正|to correct/);
    await this.axe(page, 'application form (filled)');
    await this.shot(page, 'form');
    await Promise.all([page.waitForURL(caseUrl), page.click('form.case-form button[name=_return]')]);
    await this.axe(page, 'applicant case page (draft)');

    for (const kind of documents) {
      await page.selectOption('#upload-kind', kind);
      await page.setInputFiles('#upload-file', pdfFile(this.files, `${kind}.pdf`));
      await Promise.all([page.waitForURL(`${caseUrl}#docs-h`), page.click('form.upload button[type=submit]')]);
      expect(await page.textContent(`tr[data-kind="${kind}"]`)).toContain(`${kind}.pdf`);
    }
    await this.shot(page, 'documents');
    await expect(page.locator(`form[action$="/submit"] button[type=submit]`).isDisabled()).resolves.toBe(false);
    await Promise.all([page.waitForURL(caseUrl), page.click('form[action$="/submit"] button[type=submit]')]);
    expect(await page.getAttribute('#case-state', 'data-state')).toBe('submitted');
    await this.axe(page, 'applicant case page (submitted)');
    await this.shot(page, 'submitted');
    const reference = (await page.textContent('h1'))!.split('·')[0]!.trim();
    return { caseId, reference };
  }

  /** A staff member finds the case in their workbench queue (searching its reference) and opens it. */
  async openFromWorkbench(person: Person, reference: string): Promise<void> {
    const { page } = person;
    await page.goto(this.url(`/workbench?view=all&q=${encodeURIComponent(reference)}`));
    await this.axe(page, 'workbench queue');
    await Promise.all([page.waitForURL(/\/workbench\/cases\/\d+$/), page.click(`tr[data-case="${reference}"] a`)]);
    if (await page.locator('#declaration').count()) {
      // An expert declares no conflict of interest before the case opens.
      await this.axe(page, 'expert declaration');
      await this.shot(page, `declaration-${person.email.split('@')[0]}`);
      await Promise.all([page.waitForURL(/\/workbench\/cases\/\d+$/), page.click('#declare-none')]);
    }
    await page.locator('#case-panel').waitFor();
    await this.axe(page, 'workbench case page');
  }

  /**
   * Sends one event from its generated form, which starts empty: `fields` are typed in (names
   * without the `d.` prefix; `name[]` ticks checkboxes, '*' all of them). An irreversible step is
   * confirmed on the page. Checks the case moved on by one version, in place through htmx.
   */
  async act(person: Person, eventType: string, fields: Record<string, string> = {}, expectState?: string): Promise<void> {
    const { page } = person;
    const panel = page.locator('#case-panel');
    const version = Number(await panel.getAttribute('data-version'));
    const form = page.locator(`form.event-form[data-event="${eventType}"]`);
    if (!(await form.count())) {
      const blocked = await page.locator('ul.blocked').textContent().catch(() => null);
      throw new Error(`${person.email}: no form for ${eventType} in state ${await panel.getAttribute('data-state')}; blocked: ${blocked}`);
    }
    await fillEventForm(page, eventType, Object.fromEntries(Object.entries(fields).map(([k, v]) => [`d.${k}`, v])));
    await submitEventForm(page, eventType, version);
    const now = Number(await panel.getAttribute('data-version'));
    if (now !== version + 1) throw new Error(`${person.email}: ${eventType} refused: ${await page.textContent('#flash')}`);
    if (expectState) expect(await panel.getAttribute('data-state')).toBe(expectState);
    await this.axe(page, 'workbench case page (after an action)');
    await this.shot(page, `${eventType.replace(/\./g, '-')}-${person.email.split('@')[0]}`);
  }

  /** Reloads the case page until a timed event has moved the case to `state`. */
  async waitForState(person: Person, state: string, timeoutMs = 20_000): Promise<void> {
    const { page } = person;
    await expect.poll(async () => {
      await page.reload();
      return page.getAttribute('#case-panel', 'data-state');
    }, { timeout: timeoutMs, interval: 500 }).toBe(state);
  }

  /** Fetches a link's target as the signed-in person (its cookies) and checks it is a PDF. */
  private async downloadPdf(person: Person, href: string, shotName: string): Promise<Buffer> {
    const { page } = person;
    const link = page.locator(`a[href="${href}"]`).first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1'), `${shotName}: ${href} is not a PDF`).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    return bytes;
  }

  /** The applicant finds the decision on their case page, downloads its PDF and checks the code. */
  async applicantGetsDecision(person: Person, caseId: number, expectState: string): Promise<{ href: string; code: string; sha256: string }> {
    const { page } = person;
    await page.goto(this.url(`/portal/cases/${caseId}`));
    expect(await page.getAttribute('#case-state', 'data-state')).toBe(expectState);
    const row = page.locator('#decisions tr[data-decision]').first();
    await row.waitFor();
    await this.axe(page, 'applicant case page (decided)');
    await this.shot(page, 'applicant-decision');
    const href = (await row.locator('a[href$=".pdf"]').getAttribute('href'))!;
    const bytes = await this.downloadPdf(person, href, 'applicant');
    const verifyHref = (await row.locator('a[href^="/verify/"]').getAttribute('href'))!;
    return { href, code: verifyHref.replace('/verify/', ''), sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** The auditor finds the case on the audit desk, downloads the same decision PDF and verifies it. */
  async auditorGetsDecision(person: Person, reference: string, { href: pdfHref, code, sha256 }: { href: string; code: string; sha256: string }): Promise<void> {
    const { page } = person;
    await page.goto(this.url('/audit'));
    await this.axe(page, 'audit desk');
    await page.fill('#f-q', reference);
    // htmx swaps the results in place (or, without script, the GET form reloads the desk).
    await page.click('form[action="/audit"] button[type=submit]');
    const link = page.locator(`#audit-results a:text-is("${reference}")`);
    await link.waitFor();
    await this.shot(page, 'audit-desk');
    await Promise.all([page.waitForURL(/\/audit\/cases\/\d+/), link.click()]);
    await this.axe(page, 'audit case page');
    await this.shot(page, 'audit-case');
    // The same letter, byte for byte, as the applicant's.
    const bytes = await this.downloadPdf(person, pdfHref, 'auditor');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);

    await Promise.all([page.waitForURL(/\/verify\//), page.click(`a[href="/verify/${code}"]`)]);
    expect(await page.locator('[data-verify]').getAttribute('data-verify')).toBe('genuine');
    expect(await page.textContent('#verify-title')).toMatch(/真实的决定书|Genuine/);
    // The page names the SHA-256 of the file the applicant and the auditor hold.
    expect((await page.textContent('[data-field="sha256"]'))?.trim()).toBe(sha256);
    await this.axe(page, 'verification page');
    await this.shot(page, 'verify');
  }
}
