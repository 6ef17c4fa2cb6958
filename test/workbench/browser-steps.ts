// Steps of the workbench browser tests: sign in as a demo user, send one event form.
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A fresh browser context signed in as one demo user (its own cookies: a different person). */
export async function signIn(b: Browser, url: string, email: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await b.newContext(opts);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'demo-pass-2026');
  await Promise.all([page.waitForURL(/\/(workbench|portal)$/), page.click('form[action="/login"] button[type=submit]')]);
  return { ctx, page, errors };
}

/**
 * Decision inputs of the page's event forms that already hold something: a value, a choice, a
 * tick. A page never fills a decision with a value nobody chose (STYLE.md 11).
 */
export const prefilled = (page: Page): Promise<string[]> => page.$$eval('form.event-form input:not([type=hidden]), form.event-form textarea, form.event-form select',
  (els) => els.filter((e) => (['checkbox', 'radio'].includes((e as { type?: string }).type ?? '') ? (e as { checked?: boolean }).checked : (e as { value: string }).value !== ''))
    .map((e) => `${e.closest('form')!.getAttribute('data-event')} ${(e as { name: string }).name}`));

/**
 * Fills an event form as a person would (the form starts empty): text and numbers typed, choices
 * picked by value, `name[]` checkboxes ticked ('*' ticks every one that can be chosen).
 */
export async function fillEventForm(page: Page, type: string, fill: Record<string, string>) {
  const form = page.locator(`form[data-event="${type}"]`);
  for (const [name, value] of Object.entries(fill)) {
    if (name.endsWith('[]')) {
      const boxes = form.locator(`input[name="${name}"]:not([disabled])`);
      for (let i = 0; i < await boxes.count(); i++) if (value === '*' || (await boxes.nth(i).getAttribute('value')) === value) await boxes.nth(i).check();
      continue;
    }
    const el = form.locator(`[name="${name}"]`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
  return form;
}

/** Sends the filled form; an irreversible step asks for confirmation first, which is given. */
export async function submitEventForm(page: Page, type: string, version: number) {
  const form = page.locator(`form[data-event="${type}"]`);
  await form.locator('button[type=submit]:not([name="_more"])').click();
  const next = `#case-panel[data-version="${version + 1}"], #flash[data-kind="error"], #flash[data-kind="conflict"]`;
  await page.locator(`${next}, #confirm[data-confirm="${type}"]`).first().waitFor({ timeout: 15_000 });
  if (await page.locator(`#confirm[data-confirm="${type}"]`).count()) {
    await page.click('#confirm-yes');
    await page.locator(next).first().waitFor({ timeout: 15_000 });
  }
}

/** Fills and sends one event form and waits for the panel to show the state. */
export async function act(page: Page, type: string, state: string, fill: Record<string, string> = {}) {
  const version = Number(await page.locator('#case-panel').getAttribute('data-version'));
  await fillEventForm(page, type, fill);
  await submitEventForm(page, type, version);
  // Swapped in place by htmx: the panel now carries the next version and the new state.
  await page.locator(`#case-panel[data-version="${version + 1}"][data-state="${state}"] #flash[data-kind="ok"]`).waitFor({ timeout: 15_000 });
}
