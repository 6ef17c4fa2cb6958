// Cases stored before the engine kept their figures (or inserted by other means) get them here,
// at start: the statistics read nothing else. Batched, so a large database is not held locked.
import type { Db } from '../../db/client';
import { workflowFor } from '../../../workflows/index';
import { figuresJson } from '../cases/case-figures';

const BATCH = 2000;

/** Fills `figures` where it is missing; returns how many cases it filled. */
export function backfillCaseFigures(db: Db): number {
  const sqlite = db.$client;
  const pick = sqlite.prepare('SELECT id, programme_code AS code, machine_version AS v, snapshot FROM cases WHERE figures IS NULL LIMIT ?');
  const put = sqlite.prepare('UPDATE cases SET figures = ? WHERE id = ?');
  let total = 0;
  for (;;) {
    const rows = pick.all(BATCH) as { id: number; code: string; v: number; snapshot: string }[];
    if (rows.length === 0) return total;
    sqlite.transaction(() => {
      for (const r of rows) {
        const w = workflowFor(r.code, r.v) ?? workflowFor(r.code);
        let figures = '{}';
        try {
          if (w) figures = figuresJson(w, (JSON.parse(r.snapshot) as { context?: unknown }).context);
        } catch { /* an unreadable snapshot contributes nothing; its case page says why */ }
        put.run(figures, r.id);
      }
    }).immediate();
    total += rows.length;
  }
}
