// The backup of a PostgreSQL database: pg_dump (one consistent snapshot while the servers keep
// writing), then the same checks as for SQLite on a restored copy: the dump restores without an
// error into a scratch database, whose audit chain verifies and whose rows are counted.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { openPostgresDb } from '../../db/postgres';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import type { BackupReport } from './backup-database';

/** The same server's maintenance database, where scratch databases are made and dropped. */
function serverUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl(url, 'postgres') });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** Dumps the database (or one schema of it) to file in pg_dump's custom format, then checks a restore. */
export async function backupPostgres(url: string, file: string, schema?: string): Promise<BackupReport & { bytes: number }> {
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  execFileSync('pg_dump', ['--format=custom', `--file=${file}`, ...(schema ? [`--schema=${schema}`] : []), url], { stdio: ['ignore', 'ignore', 'pipe'] });
  const scratch = `chengjie_restore_${randomBytes(5).toString('hex')}`;
  await admin(url, `create database ${scratch}`);
  try {
    let integrity = 'ok';
    try {
      execFileSync('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${serverUrl(url, scratch)}`, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      integrity = `restore failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
    }
    const copy = await openPostgresDb(serverUrl(url, scratch), schema ? { schema } : {});
    try {
      const count = (t: string) => Number(copy.$client.prepare(`select count(*) as n from ${t}`).pluck().get());
      return {
        file, integrity, pages: 0, bytes: statSync(file).size, chain: verifyAuditChain(copy),
        cases: count('cases'), decisions: count('decisions'), documents: count('documents'),
      };
    } finally {
      copy.$client.close();
    }
  } finally {
    await admin(url, `drop database if exists ${scratch} with (force)`);
  }
}
