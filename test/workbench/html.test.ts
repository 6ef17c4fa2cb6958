// Every workbench page is valid HTML in both languages (html-validate, recommended rules).
import { beforeAll, describe, expect, it } from 'vitest';
import { formPost, login, type Session, type TestApp } from '../helpers/index';
import { validPage } from '../portal/portal-helpers';
import { caseByRef, demoApp } from './requests';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await demoApp();
  for (const who of ['officer', 'expert1', 'approver', 'sinosure', 'cdb', 'auditor']) s[who] = await login(t.app, `${who}@demo.local`);
});

const PAGES: [string, () => string][] = [
  ['officer', () => '/workbench'],
  ['officer', () => '/workbench?view=all&sort=amount&province=%E9%87%8D%E5%BA%86'],
  ['officer', () => `/workbench/cases/${caseByRef(t.deps, 'SF-2026-000005').id}`], // assign-experts checkboxes
  ['expert1', () => `/workbench/cases/${caseByRef(t.deps, 'SF-2026-000006').id}`], // declaration
  ['approver', () => `/workbench/cases/${caseByRef(t.deps, 'SF-2026-000009').id}`],
  ['cdb', () => `/workbench/cases/${caseByRef(t.deps, 'CDB-2026-000004').id}`], // schedule as JSON
  ['sinosure', () => `/workbench/cases/${caseByRef(t.deps, 'SIN-2026-000002').id}`],
  ['auditor', () => `/workbench/cases/${caseByRef(t.deps, 'SF-2026-000011').id}`],
];

describe('workbench HTML', () => {
  for (const locale of ['zh', 'en']) {
    it(`is valid on every page (${locale})`, async () => {
      if (locale === 'en') for (const who of Object.keys(s)) await formPost(t.app, '/lang', { lang: 'en' }, { cookie: s[who]!.cookie, csrf: s[who]!.csrf });
      for (const [who, path] of PAGES) {
        const html = await validPage(t.app, path(), s[who]!); // asserts 200 and html-validate clean
        expect(html).toContain(locale === 'zh' ? 'lang="zh-CN"' : 'lang="en"');
      }
    });
  }
});
