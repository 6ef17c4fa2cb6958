import { expect, it } from 'vitest';
import { ANONYMOUS_ROWS_PER_MINUTE } from '../../src/middleware/access-log';
import { formPost, makeTestApp } from '../helpers/index';

it('records anonymous refusals up to a budget a minute per address, then says how many it left out', async () => {
  const { app, deps, clock } = await makeTestApp();
  const rows = () => (deps.db.$client.prepare("select count(*) n from audit_events where kind = 'access'").get() as { n: number }).n;
  const forged = () => formPost(app, '/register', { email: 'x@example.cn' }, { origin: 'https://evil.example', address: '203.0.113.9' });
  for (let i = 0; i < ANONYMOUS_ROWS_PER_MINUTE + 10; i++) expect((await forged()).status).toBe(403);
  expect(rows()).toBe(ANONYMOUS_ROWS_PER_MINUTE);
  // Another address has its own budget.
  expect((await formPost(app, '/register', {}, { origin: 'https://evil.example', address: '198.51.100.7' })).status).toBe(403);
  expect(rows()).toBe(ANONYMOUS_ROWS_PER_MINUTE + 1);
  clock.advance(61_000);
  await forged();
  const last = deps.db.$client.prepare("select data from audit_events where kind = 'access' order by id desc limit 1").get() as { data: string };
  expect(JSON.parse(last.data)).toMatchObject({ ip: '203.0.113.9', earlierRefusalsNotRecorded: 10 });
});
