// axe-core in a real page: the serious and critical violations of WCAG 2.x A/AA rules.
// The pages' CSP forbids inline and injected scripts, so axe is evaluated through the DevTools
// protocol (page.evaluate), which runs in the page's context whatever the CSP says.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page as it is now; returns only serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(axePath, 'utf8');
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page (no DOM types here: tsconfig has no "dom" lib).
    const page = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } };
    const result = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: String(v.id), impact: String(v.impact ?? ''), help: String(v.help), helpUrl: String(v.helpUrl),
      nodes: (v.nodes as any[]).slice(0, 5).map((n) => ({
        target: (n.target as unknown[]).map(String).join(' '),
        html: String(n.html).slice(0, 200),
        summary: String(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    }));
  });
  return violations.filter((v) => BLOCKING.has(v.impact));
}

/** The violations as readable lines, for a test failure message. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations.map((v) => [
    `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `    at ${n.target}: ${n.html}\n      ${n.summary}`),
  ].join('\n')).join('\n');
}
