import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync } from 'node:fs';
import type { Db } from '../../db/client';
import { verifyAuditChain, type ChainCheck } from '../audit/verify-audit-chain';

export interface BackupReport { file: string; pages: number; integrity: string; chain: ChainCheck; cases: number; decisions: number; documents: number }

/**
 * Online backup with SQLite's backup API: consistent while the server keeps writing. The
 * copy is then checked on its own: integrity_check and the audit chain.
 */
export async function backupDatabase(source: Database.Database, file: string): Promise<BackupReport> {
  if (existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
  const { totalPages } = await source.backup(file);
  return { ...checkBackup(file), pages: totalPages };
}

function checkBackup(file: string): Omit<BackupReport, 'pages'> {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const chain = verifyAuditChain(drizzle(copy) as unknown as Db);
    const count = (t: string) => (copy.prepare(`select count(*) n from ${t}`).get() as { n: number }).n;
    return { file, integrity, chain, cases: count('cases'), decisions: count('decisions'), documents: count('documents') };
  } finally {
    copy.close();
  }
}
