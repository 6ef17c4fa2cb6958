// vitest globalSetup: one fresh PostgreSQL database per test run, dropped at the end. Test files
// reach it with inject('pgUrl') and take a schema of their own inside it (test/helpers/pg.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

const SERVER = process.env.TEST_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `chengjie_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  project.provide('pgUrl', `${SERVER}/${name}`);
  return async () => {
    const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await c.connect();
    try {
      await c.query(`drop database if exists ${name} with (force)`);
    } finally {
      await c.end();
    }
  };
}
