// Steps of the workbench browser tests: sign in as a demo user, send one event form.
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A fresh browser context signed in as one demo user (its own cookies: a different person). */
export async function signIn(b: Browser, url: string, email: string): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await b.newContext();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'demo-pass-2026');
  await Promise.all([page.waitForURL(/\/(workbench|portal)$/), page.press('input[name=password]', 'Enter')]);
  return { ctx, page, errors };
}

/** Submits one event form as it stands (prefilled) and waits for the panel to show the state. */
export async function act(page: Page, type: string, state: string, fill: Record<string, string> = {}) {
  const version = Number(await page.locator('#case-panel').getAttribute('data-version'));
  const form = page.locator(`form[data-event="${type}"]`);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name="${name}"]`).fill(value);
  await form.locator('button[type=submit]').click();
  // Swapped in place by htmx: the panel now carries the next version and the new state.
  await page.locator(`#case-panel[data-version="${version + 1}"][data-state="${state}"] #flash[data-kind="ok"]`).waitFor({ timeout: 15_000 });
}
