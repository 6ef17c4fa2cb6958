// One process of the concurrency test: opens the shared database file and sends one event
// at an agreed moment, so that several processes really race for the same version.
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { applyEvent } from '../../src/domain/cases/apply-event';
import { systemClock } from '../../src/domain/deps';
import { AppError } from '../../src/domain/errors';
import { userByEmail } from './drive';

const [dbPath, caseId, version, startAt, type, dataJson] = process.argv.slice(2);
const deps = { db: openDatabase(dbPath!), config: testConfig({ DATABASE_PATH: dbPath! }), clock: systemClock };
const user = userByEmail(deps, 'officer@demo.local');
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));
try {
  const r = applyEvent(deps, user, { caseId: Number(caseId), type: type!, data: JSON.parse(dataJson!), expectedVersion: Number(version) });
  console.log(JSON.stringify({ ok: true, version: r.row.version }));
} catch (err) {
  console.log(JSON.stringify({ ok: false, code: err instanceof AppError ? err.code : String(err) }));
}
