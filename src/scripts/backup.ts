// npm run backup -- <file>: an online backup while the servers run, checked: of DATABASE_PATH
// (SQLite's backup API), or with DATABASE_URL of the PostgreSQL database (pg_dump, restored and
// checked in a scratch database).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config';
import { backupDatabase } from '../domain/backup/backup-database';
import { backupPostgres } from '../domain/backup/backup-postgres';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run backup -- <backup-file>');
  process.exit(2);
}
const config = loadConfig();
if (config.DATABASE_URL) {
  const report = await backupPostgres(config.DATABASE_URL, file);
  console.log(JSON.stringify(report, null, 2));
  const ok = report.integrity === 'ok' && report.chain.ok;
  console.log(ok ? `backup written and verified: ${file}` : 'BACKUP CHECK FAILED');
  process.exit(ok ? 0 : 1);
}
if (!existsSync(config.DATABASE_PATH)) {
  console.error(`no database at ${config.DATABASE_PATH} (set DATABASE_PATH to the server's database)`);
  process.exit(2);
}
const source = new Database(config.DATABASE_PATH, { fileMustExist: true });
source.pragma('busy_timeout = 5000');
const report = await backupDatabase(source, file);
source.close();
console.log(JSON.stringify(report, null, 2));
const ok = report.integrity === 'ok' && report.chain.ok;
console.log(ok ? `backup written and verified: ${file}` : 'BACKUP CHECK FAILED');
process.exit(ok ? 0 : 1);
