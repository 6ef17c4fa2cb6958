// Staff take the decisions: for every staff event of every programme (from the registry, so new
// events are covered) the form on the case page starts empty, and every irreversible event asks
// for confirmation naming the case and the amount before anything is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsFor } from '../../src/domain/cases/case-view';
import { getCaseRow } from '../../src/domain/cases/load-case';
import { get, login, type Session, type TestApp } from '../helpers/index';
import { makeTestApp } from '../helpers/test-app';
import { userByEmail } from '../engine/drive';
import { NOW } from '../workflows/harness';
import { postForm } from './requests';
import { formFields, formOf, insertState, prefilled, reachedStates, staffEvents, type ReachedState } from './registry-states';

/** Demo staff by role; a form shows only to those of them the programme lets act (institution, partners). */
const STAFF_USERS: Record<string, string[]> = {
  officer: ['officer', 'hr'], approver: ['approver', 'hr2'], expert: ['expert1', 'expert2'], finance: ['finance', 'finance2'],
  liaison: ['cdb', 'cdb2', 'exim', 'exim2', 'sinosure', 'sinosure2'],
};

let t: TestApp;
const s: Record<string, Session> = {};
let states: ReachedState[];
let experts: number[];
let copies = 0;
const inserted = new Map<ReachedState, { id: number; version: number; reference: string }>();
const declared = new Set<string>();
/** Per event type: a case where a demo user of its role gets its form, and that user. */
const found = new Map<string, { caseId: number; version: number; reference: string; who: string; form: string; state: ReachedState }>();

beforeAll(async () => {
  t = await makeTestApp({ now: new Date(NOW) });
  for (const who of Object.values(STAFF_USERS).flat()) s[who] = await login(t.app, `${who}@demo.local`);
  states = reachedStates();
  experts = ['expert1', 'expert2'].map((e) => userByEmail(t.deps, `${e}@demo.local`).id);
  for (const { wf, type, role } of staffEvents()) {
    const who = STAFF_USERS[role] ?? [];
    search: for (const st of states.filter((x) => x.wf === wf && wf.eventTypesIn(x.snapshot).includes(type))) {
      if (!inserted.has(st)) inserted.set(st, insertState(t.deps, st, experts, inserted.size + 1));
      const c = inserted.get(st)!;
      for (const u of who) {
        if (role === 'expert' && !declared.has(`${c.id}:${u}`)) {
          declared.add(`${c.id}:${u}`);
          await postForm(t.app, `/workbench/cases/${c.id}/declaration`, { conflict: 'no' }, s[u]!, { htmx: false });
        }
        const page = await get(t.app, `/workbench/cases/${c.id}`, s[u]!.cookie);
        const form = formOf(await page.text(), type);
        if (form) { found.set(`${wf.code} ${type}`, { caseId: c.id, version: c.version, reference: c.reference, who: u, form, state: st }); break search; }
      }
    }
  }
}, 240_000);

/** Steps on records kept outside the case (objections filed on the public notice page), which
 *  the state explorer cannot create; their forms are drawn by the same component. */
const OUTSIDE_RECORDS = new Set(['officer.dismiss-objection', 'officer.uphold-objection']);

describe('event forms start empty', () => {
  it.each(staffEvents().filter((e) => !OUTSIDE_RECORDS.has(e.type)).map((e) => [`${e.wf.code} ${e.type}`]))('%s: the form is offered somewhere and holds no value nobody chose', (key) => {
    const f = found.get(key);
    expect(f, `no reachable state offers the form of ${key}`).toBeDefined();
    expect(prefilled(f!.form), `${key} pre-fills a decision input`).toEqual([]);
  });
});

describe('irreversible steps ask for confirmation naming the case and the amount', () => {
  const irreversible = staffEvents().filter((e) => e.wf.events.find((x) => x.type === e.type)!.irreversible && !OUTSIDE_RECORDS.has(e.type));

  it('marks decisions, payments, withdrawal and closing in the registry', () => {
    const types = new Set(irreversible.map((e) => e.type));
    for (const t of ['approver.approve', 'approver.sign-refusal', 'approver.refuse', 'finance.release-payment', 'approver.sign-clawback', 'approver.sign-write-off', 'finance.record-repayment', 'liaison.committee-approve', 'liaison.committee-decline',
      'liaison.decline', 'liaison.approve-financing', 'liaison.disburse', 'liaison.drawdown', 'liaison.sign-decision', 'liaison.pay-claim', 'liaison.refuse-claim']) {
      expect(types, t).toContain(t);
    }
    expect(types).not.toContain('officer.accept');
    expect(types).not.toContain('expert.score');
  });

  it.each(irreversible.map((e) => [`${e.wf.code} ${e.type}`, e.type, e.wf.events.find((x) => x.type === e.type)!.amountField]))(
    '%s', async (key, type, amountField) => {
      const seen = found.get(key)!;
      expect(seen, key).toBeDefined();
      expect(seen.form).toContain('data-irreversible="true"');
      // A case of its own in the same state (other steps were taken on the one found).
      const f = { ...seen, ...insertState(t.deps, seen.state, experts, 10_000 + inserted.size + copies++) };
      f.caseId = f.id;
      const user = userByEmail(t.deps, `${f.who}@demo.local`);
      const before = getCaseRow(t.deps, f.caseId)!;
      const example = eventsFor(t.deps, user, before).allowed.find((e) => e.type === type)!.example;
      const fields = { type, version: String(before.version), ...formFields(example) };
      const first = await postForm(t.app, `/workbench/cases/${f.caseId}/events`, fields, s[f.who]!);
      const html = await first.text();
      expect(first.status, html.slice(0, 300)).toBe(200);
      expect(html).toContain(`data-confirm="${type}"`);
      const text = /<p id="confirm-text"><strong>([^<]*)<\/strong>/.exec(html)![1]!;
      expect(text).toContain(f.reference);
      if (amountField) expect(text).toContain(`¥${Number(example[amountField]).toLocaleString('en-US')}`);
      expect(getCaseRow(t.deps, f.caseId)!.version).toBe(before.version); // nothing written yet

      // The confirmation posts the same fields again; only then the step is taken.
      const confirm = html.slice(html.indexOf('id="confirm"'));
      const again: Record<string, string[]> = {};
      for (const m of confirm.slice(0, confirm.indexOf('</form>')).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
        (again[m[1]!] ??= []).push(m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      }
      expect(again._confirm).toEqual(['1']);
      const second = await postForm(t.app, `/workbench/cases/${f.caseId}/events`, again, s[f.who]!);
      expect(second.status).toBe(200);
      expect(getCaseRow(t.deps, f.caseId)!.version).toBe(before.version + 1);
    });
});
