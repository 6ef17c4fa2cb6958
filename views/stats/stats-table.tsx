// One statistics table with its CSV link; the cells are those the CSV export writes.
import type { FC } from 'hono/jsx';
import { groupDigits } from '../../workflows/display-format';
import type { CsvTable, CsvValue } from '../../src/domain/stats/csv';

const show = (v: CsvValue) => (v === null ? '—' : typeof v === 'number' ? groupDigits(v) : v);

export const StatsTable: FC<{ table: CsvTable; caption: string; csvHref: string; csvLabel: string; totalRow?: boolean }> = ({ table, caption, csvHref, csvLabel, totalRow }) => {
  const cut = (r: CsvValue[] | string[]) => (table.csvOnly === undefined ? r : r.slice(0, table.csvOnly));
  return (
  <section class="card stats-table" aria-labelledby={`tbl-${table.name}`}>
    <h2 id={`tbl-${table.name}`}>{caption}</h2>
    <p><a href={csvHref} download>{csvLabel}</a></p>
    <div class="scroll" tabindex={0}>
      <table>
        <thead><tr>{cut(table.header).map((h) => <th scope="col">{h}</th>)}</tr></thead>
        <tbody>
          {table.rows.map((r, i) => {
            const total = totalRow && i === table.rows.length - 1;
            return <tr class={total ? 'total' : undefined}>{cut(r).map((v, j) => (j === 0 ? <th scope="row">{show(v)}</th> : <td>{total ? <strong>{show(v)}</strong> : show(v)}</td>))}</tr>;
          })}
        </tbody>
      </table>
    </div>
  </section>
  );
};
