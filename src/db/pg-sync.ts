// A PostgreSQL connection with the synchronous API of better-sqlite3, so that every domain verb
// runs unchanged on either engine. The connection lives in a worker thread
// (pg-bridge-worker.mjs); a query posts the statement and waits on a shared flag for the answer.
// Like better-sqlite3, the app server's thread does one statement at a time: an open transaction
// is never interleaved with another request's statements, and several app servers serve in parallel.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { toPostgres } from './pg-sql';

export interface PgAnswer { rows: unknown[]; rowCount: number }

/** Longest wait for one statement (PostgreSQL's statement_timeout stops the work itself earlier). */
const WAIT_MS = Number(process.env.PG_WAIT_MS ?? 60_000);

export class SyncPgConnection {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private closed = false;

  constructor(url: string, options: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./pg-bridge-worker.mjs', import.meta.url), {
      workerData: { url, options, signal: this.flag.buffer, port: port2 },
      // Plain JavaScript: no loader of the parent (tsx, vitest) in the thread, whose hooks would wait on this one.
      execArgv: [],
      transferList: [port2],
    });
    this.worker.unref();
  }

  query(sql: string, params: unknown[] = [], array = false): PgAnswer {
    // A closed connection answers at once: waiting on a worker that is gone would block this
    // thread for WAIT_MS, and every socket of the process with it.
    if (this.closed) throw new Error('PostgreSQL connection is closed');
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ sql, params: params.map((p) => (p === undefined ? null : p)), array });
    // Wait until the flag says the answer is posted. A wake-up alone proves nothing: the notify of
    // the previous answer can arrive after this statement's wait began (the worker stores, then
    // notifies), so the flag is checked again after every wake-up.
    const deadline = Date.now() + WAIT_MS;
    while (Atomics.load(this.flag, 0) === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`PostgreSQL did not answer within ${WAIT_MS} ms (in: ${sql.slice(0, 300)})`);
      Atomics.wait(this.flag, 0, 0, left);
    }
    const msg = receiveMessageOnPort(this.port)?.message as (PgAnswer & { error?: undefined }) | { error: { message: string; code?: string; detail?: string } };
    if (!msg) throw new Error('PostgreSQL bridge: no answer');
    if (msg.error && process.env.PG_DEBUG) console.error("PGERR", msg.error.message, sql);
    if (msg.error) throw Object.assign(new Error(`${msg.error.message} (PostgreSQL, in: ${sql.slice(0, 300)})`), { code: msg.error.code, detail: msg.error.detail });
    return msg as PgAnswer;
  }

  close(): void {
    this.closed = true;
    void this.worker.terminate();
  }
}

/**
 * The serialisation of every write on the database, as SQLite's single writer: the audit chain's
 * head, the case versions, the counters. One lock per schema (tests give each app its own).
 */
const WRITE_LOCK = "select pg_advisory_xact_lock(hashtext('chengjie-write:' || current_schema()))";

type Params = unknown[];

class Statement {
  private mode: 'object' | 'raw' | 'pluck' = 'object';
  private readonly text: string;
  private readonly names: string[] | null;
  private readonly returningId: boolean;

  constructor(private readonly conn: PgCompatClient, source: string) {
    const t = toPostgres(source);
    this.text = t.sql;
    this.names = t.names;
    this.returningId = t.returningId;
  }

  raw(on = true): this { this.mode = on ? 'raw' : 'object'; return this; }
  pluck(on = true): this { this.mode = on ? 'pluck' : 'object'; return this; }

  private bind(args: Params): unknown[] {
    if (!this.names) return args;
    const named = (args[0] ?? {}) as Record<string, unknown>;
    return this.names.map((n) => named[n]);
  }

  private exec(args: Params): PgAnswer {
    return this.conn.connection.query(this.text, this.bind(args), this.mode !== 'object');
  }

  all(...args: Params): unknown[] {
    const { rows } = this.exec(args);
    return this.mode === 'pluck' ? (rows as unknown[][]).map((r) => r[0]) : rows;
  }

  get(...args: Params): unknown {
    return this.all(...args)[0];
  }

  iterate(...args: Params): IterableIterator<unknown> {
    return this.all(...args)[Symbol.iterator]();
  }

  run(...args: Params): { changes: number; lastInsertRowid: number } {
    const { rows, rowCount } = this.exec(args);
    const last = rows[rows.length - 1] as Record<string, number> | unknown[] | undefined;
    const id = !this.returningId || !last ? 0 : Array.isArray(last) ? Number(last[last.length - 1]) : Number(last.id);
    return { changes: rowCount, lastInsertRowid: id };
  }
}

/** The part of better-sqlite3's Database that drizzle and the domain use, over PostgreSQL. */
export class PgCompatClient {
  private depth = 0;
  readonly connection: SyncPgConnection;

  constructor(url: string, options: string) {
    this.connection = new SyncPgConnection(url, options);
  }

  get inTransaction(): boolean { return this.depth > 0; }

  prepare(source: string): Statement { return new Statement(this, source); }

  /** One statement; SQLite's transaction words become PostgreSQL's, BEGIN IMMEDIATE takes the write lock. */
  exec(source: string): this {
    const word = source.trim().replace(/;$/, '').toUpperCase();
    if (/^BEGIN/.test(word)) this.begin(word.includes('IMMEDIATE') || word.includes('EXCLUSIVE'));
    else if (word === 'COMMIT' || word === 'END' || word === 'ROLLBACK') {
      this.depth = 0;
      this.connection.query(word === 'ROLLBACK' ? 'ROLLBACK' : 'COMMIT');
    } else this.connection.query(toPostgres(source).sql);
    return this;
  }

  private begin(write: boolean): void {
    this.connection.query('BEGIN');
    this.depth = 1;
    if (write) this.connection.query(WRITE_LOCK);
  }

  /** better-sqlite3's transaction(fn): BEGIN … COMMIT, nested calls as savepoints. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R) {
    const run = (write: boolean) => (...args: A): R => {
      if (this.depth > 0) {
        const name = `sp${this.depth++}`;
        this.connection.query(`SAVEPOINT ${name}`);
        try {
          const out = fn(...args);
          this.connection.query(`RELEASE ${name}`);
          return out;
        } catch (error) {
          this.connection.query(`ROLLBACK TO ${name}`);
          this.connection.query(`RELEASE ${name}`);
          throw error;
        } finally {
          this.depth--;
        }
      }
      this.begin(write);
      try {
        const out = fn(...args);
        this.connection.query('COMMIT');
        return out;
      } catch (error) {
        this.connection.query('ROLLBACK');
        throw error;
      } finally {
        this.depth = 0;
      }
    };
    return Object.assign(run(true), { immediate: run(true), deferred: run(false), exclusive: run(true) });
  }

  /**
   * data_version: changes whenever anything was written to the database, by any server (the
   * position of PostgreSQL's write-ahead log); the caches of src/db/data-stamp.ts key on it.
   */
  pragma(name: string, _options?: { simple?: boolean }): unknown {
    if (name === 'data_version') return this.connection.query('select pg_current_wal_insert_lsn()::text as v').rows.map((r) => (r as { v: string }).v)[0];
    return undefined;
  }

  close(): void { this.connection.close(); }
}
