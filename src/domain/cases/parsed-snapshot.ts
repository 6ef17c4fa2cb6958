// The stored snapshot of a case, parsed once and shared for reading. A case page reads it in
// several places (allowed events, form hints, facts, the panel, objections); a Sinosure policy
// with a long history keeps a snapshot of hundreds of kilobytes, and parsing it each time was
// most of the page. Entries are keyed by case id and valid only for the exact snapshot text
// they were parsed from (compared on every hit), so a write by this or any other process can
// never be served stale. Everything workflows do with a snapshot is pure (assign returns new
// objects), so sharing the parsed object is safe; callers must not mutate it.

export interface StoredSnapshot { value: unknown; context: Record<string, unknown> }

interface Entry { text: string; parsed: StoredSnapshot; derived: Map<unknown, unknown> }

/** Snapshot text kept at most (UTF-16 code units), so long histories cannot grow the heap unboundedly. */
const BUDGET = 4_000_000;
const entries = new Map<number, Entry>();
let held = 0;

function entryFor(caseId: number, text: string): Entry {
  const hit = entries.get(caseId);
  if (hit && hit.text === text) {
    entries.delete(caseId); // most recently used last
    entries.set(caseId, hit);
    return hit;
  }
  if (hit) forget(caseId, hit);
  const raw = JSON.parse(text) as Partial<StoredSnapshot>;
  const entry: Entry = { text, parsed: { value: raw.value, context: raw.context ?? {} }, derived: new Map() };
  if (text.length <= BUDGET / 4) {
    entries.set(caseId, entry);
    held += text.length;
    for (const [id, e] of entries) {
      if (held <= BUDGET) break;
      forget(id, e);
    }
  }
  return entry;
}

function forget(caseId: number, e: Entry): void {
  entries.delete(caseId);
  held -= e.text.length;
}

/** The stored snapshot of a case row, parsed at most once per snapshot text. */
export function parsedSnapshot(row: { id: number; snapshot: string }): StoredSnapshot {
  return entryFor(row.id, row.snapshot).parsed;
}

/**
 * Something computed from the parsed snapshot alone (e.g. the restored XState snapshot), kept
 * with it under `key` and dropped with it when the snapshot changes.
 */
export function derivedFromSnapshot<T>(row: { id: number; snapshot: string }, key: unknown, compute: (s: StoredSnapshot) => T): T {
  const e = entryFor(row.id, row.snapshot);
  if (e.derived.has(key)) return e.derived.get(key) as T;
  const v = compute(e.parsed);
  e.derived.set(key, v);
  return v;
}
