import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { StampedCache } from '../../src/db/data-stamp';

const dir = mkdtempSync(join(tmpdir(), 'chengjie-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('serves a cached value until this or another connection writes', () => {
  const path = join(dir, 's.db');
  const a = openDatabase(path);
  const b = openDatabase(path);
  const cache = new StampedCache<number>();
  let computed = 0;
  const read = () => cache.get(a, 'k', () => ++computed);
  expect(read()).toBe(1);
  expect(read()).toBe(1); // nothing changed: cached
  a.$client.prepare("insert into counters (name, value) values ('x', 1)").run();
  expect(read()).toBe(2); // own write
  expect(read()).toBe(2);
  b.$client.prepare("update counters set value = 2 where name = 'x'").run();
  expect(read()).toBe(3); // another connection's commit
});
