// A stamp that changes whenever the database may have changed: data_version moves when another
// connection commits, total_changes() when this one writes. Results cached under a stamp are
// exact, never stale.
import type { Db } from './client';
import { preparedQuery } from './prepared';

export function dataStamp(db: Db): string {
  const q = preparedQuery(db, 'data-stamp', (d) => d.$client.prepare('select total_changes() as t').pluck());
  const other = db.$client.pragma('data_version', { simple: true });
  return `${other}:${q.get()}`;
}

/** A small memo whose entries are valid for one data stamp only. */
export class StampedCache<V> {
  private entries = new Map<string, { stamp: string; value: V }>();
  constructor(private readonly max = 500) {}

  get(db: Db, key: string, compute: () => V): V {
    const stamp = dataStamp(db);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) return hit.value;
    const value = compute();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { stamp, value });
    return value;
  }
}
