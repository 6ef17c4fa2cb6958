// /api/docs: the reference page is served by the server, lists every operation of the document,
// every programme's events, in Chinese and English, valid HTML, nothing loaded from elsewhere.
import { expect, it } from 'vitest';
import { workflows } from '../../workflows/index';
import { makeTestApp } from '../helpers/index';
import { expectValidHtml } from '../portal/portal-helpers';
import { documentOperations, fetchDocument } from './contract';

it('serves a readable reference of every operation and every programme event, in Chinese and in English', async () => {
  const { app } = await makeTestApp({ demo: false });
  const doc = await fetchDocument(app);
  const zh = await app.request('/api/docs');
  expect(zh.status).toBe(200);
  expect(zh.headers.get('content-type')).toMatch(/text\/html/);
  const zhHtml = await zh.text();
  const en = await (await app.request('/api/docs?lang=en')).text();
  expect(zhHtml).toContain('<html lang="zh-CN"');
  expect(zhHtml).toContain('接口参考');
  expect(en).toContain('<html lang="en"');
  expect(en).toContain('API reference');
  for (const html of [zhHtml, en]) {
    for (const op of documentOperations(doc)) {
      const [method, path] = op.split(' ');
      expect(html, op).toContain(`<code>${method} /api/v1${path!.replace(/&/g, '&amp;')}</code>`);
    }
    for (const w of Object.values(workflows)) for (const e of w.events) expect(html).toContain(`<code>${e.type}</code>`);
    // Nothing from a CDN: every script, stylesheet and image comes from this server.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    await expectValidHtml(html, '/api/docs');
  }
  expect(zhHtml).toContain('新建申请（草稿）');
  expect(en).toContain('Create an application (a draft)');
});
