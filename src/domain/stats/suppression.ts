// Statistical disclosure control for the public page (政策 七.四 shares statistics, but no
// enterprise may be identified from them): a cell built from fewer than 3 enterprises is hidden
// (primary suppression), and because every column also shows its total, a second cell is hidden
// when the hidden cells of the column would otherwise be recoverable as "total − shown" and still
// stem from fewer than 3 enterprises (complementary suppression).
import type { Cell } from './location-figures';

export const MIN_ENTERPRISES = 3;

export type Shown = { value: number; hidden: null } | { value: null; hidden: 'small' | 'complement' };

export interface SuppressedColumn { cells: Shown[]; total: Shown }

const small = (c: Cell) => c.n > 0 && c.n < MIN_ENTERPRISES;

/** The enterprises behind the hidden cells: exact for small cells, whose lo and hi are the whole set. */
function hiddenEnterprises(cells: Cell[], hidden: Set<number>): number {
  const ids = new Set<number>();
  for (const i of hidden) {
    const c = cells[i]!;
    if (c.n >= MIN_ENTERPRISES) return MIN_ENTERPRISES; // a complementary cell alone brings enough
    for (const id of [c.lo, c.hi]) if (id !== null) ids.add(id);
  }
  return ids.size;
}

/**
 * `total` is the column's total cell (its `n` counts the enterprises behind the whole column).
 * The cells must partition the total: each case in exactly one cell.
 */
export function suppressColumn(cells: Cell[], total: Cell): SuppressedColumn {
  const hidden = new Set<number>();
  cells.forEach((c, i) => { if (small(c)) hidden.add(i); });
  let totalHidden = small(total);
  const complement = new Set<number>();
  if (hidden.size > 0 && !totalHidden && hiddenEnterprises(cells, hidden) < MIN_ENTERPRISES) {
    // Hide the smallest other cell with enough enterprises, so that total − shown mixes ≥ 3.
    const candidates = cells.map((c, i) => ({ c, i })).filter(({ c, i }) => !hidden.has(i) && c.n >= MIN_ENTERPRISES)
      .sort((a, b) => a.c.n - b.c.n || a.c.value - b.c.value || a.i - b.i);
    const pick = candidates[0];
    if (pick) { hidden.add(pick.i); complement.add(pick.i); } else totalHidden = true;
  }
  return {
    cells: cells.map((c, i) => (hidden.has(i) ? { value: null, hidden: complement.has(i) ? 'complement' : 'small' } : { value: c.value, hidden: null })),
    total: totalHidden ? { value: null, hidden: 'small' } : { value: total.value, hidden: null },
  };
}

/** The total of a column from its cells (ids of the total are not needed once n ≥ 3). */
export function columnTotal(cells: Cell[], enterprises: number): Cell {
  return { value: cells.reduce((s, c) => s + c.value, 0), n: enterprises, lo: null, hi: null };
}
