// A horizontal bar chart drawn on the server as SVG: readable without script, named for screen
// readers (role="img", <title>, <desc>), and always followed by the table of the same numbers.
import type { FC } from 'hono/jsx';
import { groupDigits } from '../../workflows/display-format';

interface BarItem { label: string; value: number | null; note?: string }

export interface BarChartProps {
  id: string;
  title: string;
  desc: string;
  items: BarItem[];
  valueHeader: string;
  labelHeader: string;
  format?: (v: number) => string;
}

const ROW = 26;
const LABEL_W = 170;
const BAR_W = 380;

export const BarChart: FC<BarChartProps> = ({ id, title, desc, items, valueHeader, labelHeader, format = groupDigits }) => {
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  const height = Math.max(ROW, items.length * ROW) + 8;
  return (
    <figure class="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${LABEL_W + BAR_W + 110} ${height}`} width="100%" xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {items.map((it, i) => {
          const y = i * ROW + 4;
          const w = it.value === null ? 0 : Math.max(it.value > 0 ? 1 : 0, (it.value / max) * BAR_W);
          return (
            <g>
              <text x={LABEL_W - 6} y={y + 16} text-anchor="end" font-size="13" fill="#1d2733">{it.label}</text>
              <rect x={LABEL_W} y={y + 3} width={w.toFixed(1)} height={ROW - 8} fill="#1f4e8c" />
              <text x={LABEL_W + w + 6} y={y + 16} font-size="12" fill="#1d2733">{it.value === null ? it.note ?? '—' : format(it.value)}</text>
            </g>
          );
        })}
        <line x1={LABEL_W} y1="0" x2={LABEL_W} y2={height} stroke="#5b6573" />
      </svg>
      <table>
        <caption>{title}</caption>
        <thead><tr><th scope="col">{labelHeader}</th><th scope="col">{valueHeader}</th></tr></thead>
        <tbody>{items.map((it) => <tr><th scope="row">{it.label}</th><td>{it.value === null ? it.note ?? '—' : format(it.value)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
};
