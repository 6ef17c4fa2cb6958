// The PostgreSQL connection of one app server, in a worker thread: src/db/pg-sync.ts posts a
// query and sleeps on a shared flag until this thread has the answer (as better-sqlite3 blocks
// on the disk). Plain JavaScript: a worker thread gets no TypeScript loader under every runner.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

// As SQLite answers: 64-bit counts and numerics as numbers, booleans as 1/0.
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1700, Number);
pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0));

const { url, options, signal, port } = workerData;
const flag = new Int32Array(signal);
const client = new pg.Client({ connectionString: url, options });
const ready = client.connect();
let broken = null;
client.on('error', (e) => { broken = e; });

port.on('message', async (req) => {
  let answer;
  try {
    await ready;
    if (broken) throw broken;
    const r = await client.query({ text: req.sql, values: req.params, rowMode: req.array ? 'array' : undefined });
    const last = Array.isArray(r) ? r[r.length - 1] : r;
    answer = { rows: last.rows ?? [], rowCount: last.rowCount ?? 0 };
  } catch (e) {
    answer = { error: { message: e.message, code: e.code, detail: e.detail } };
  }
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
