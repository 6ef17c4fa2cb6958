// Group commit. With synchronous=FULL every COMMIT waits for an fsync of the WAL, a few
// milliseconds on ordinary disks, which caps one-transaction-per-request at a few hundred
// writes a second. Writes queued in the same turn of the event loop share one IMMEDIATE
// transaction and one fsync instead; each runs in its own SAVEPOINT, so one refused write
// (a version conflict) rolls back alone. Nobody is answered before the COMMIT is durable.
import type { Db } from './client';

interface Pending { work: (tx: Db) => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }

const queues = new WeakMap<Db, Pending[]>();

export function enqueueWrite<T>(db: Db, work: (tx: Db) => T): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = [];
    queues.set(db, queue);
  }
  if (queue.length === 0) setImmediate(() => flush(db));
  return new Promise<T>((resolve, reject) => queue!.push({ work, resolve: resolve as (v: unknown) => void, reject }));
}

function flush(db: Db): void {
  const batch = queues.get(db)!.splice(0);
  if (batch.length === 0) return;
  const sqlite = db.$client;
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch (error) {
    for (const p of batch) p.reject(error);
    return;
  }
  for (const p of batch) {
    sqlite.exec('SAVEPOINT group_item');
    try {
      outcomes.push({ ok: true, value: p.work(db) });
      sqlite.exec('RELEASE group_item');
    } catch (error) {
      sqlite.exec('ROLLBACK TO group_item');
      sqlite.exec('RELEASE group_item');
      outcomes.push({ ok: false, error });
    }
  }
  try {
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    for (const p of batch) p.reject(error);
    return;
  }
  batch.forEach((p, i) => {
    const o = outcomes[i]!;
    if (o.ok) p.resolve(o.value);
    else p.reject(o.error);
  });
}
