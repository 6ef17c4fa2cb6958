// A line chart (one line per series over the months) drawn on the server as SVG. Series differ
// by dash pattern and marker as well as colour, so that they can be told apart in print and by
// readers who do not see colour; the table of the same numbers follows the chart.
import type { FC } from 'hono/jsx';
import { groupDigits } from '../../workflows/display-format';

interface LineSeries { name: string; values: (number | null)[] }

export interface LineChartProps {
  id: string;
  title: string;
  desc: string;
  xLabels: string[];
  series: LineSeries[];
  xHeader: string;
  format?: (v: number) => string;
}

const W = 640;
const H = 260;
const PAD = { l: 56, r: 16, t: 28, b: 40 };
const STYLES = [
  { stroke: '#1f4e8c', dash: '', marker: 'circle' },
  { stroke: '#b4461b', dash: '6 4', marker: 'square' },
  { stroke: '#2e7d4f', dash: '2 3', marker: 'diamond' },
];

const marker = (kind: string, x: number, y: number, color: string) =>
  kind === 'circle' ? <circle cx={x.toFixed(1)} cy={y.toFixed(1)} r="3.5" fill={color} />
    : kind === 'square' ? <rect x={(x - 3.5).toFixed(1)} y={(y - 3.5).toFixed(1)} width="7" height="7" fill={color} />
      : <path d={`M${x.toFixed(1)} ${(y - 4.5).toFixed(1)} l4.5 4.5 l-4.5 4.5 l-4.5 -4.5 z`} fill={color} />;

export const LineChart: FC<LineChartProps> = ({ id, title, desc, xLabels, series, xHeader, format = groupDigits }) => {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const n = Math.max(1, xLabels.length - 1);
  const x = (i: number) => PAD.l + (i / n) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / max) * (H - PAD.t - PAD.b);
  const every = Math.ceil(xLabels.length / 12); // at most 12 month labels under the axis
  return (
    <figure class="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} width="100%" xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} stroke="#5b6573" />
        <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} stroke="#5b6573" />
        <text x={PAD.l - 6} y={PAD.t + 4} text-anchor="end" font-size="11" fill="#1d2733">{format(max)}</text>
        <text x={PAD.l - 6} y={H - PAD.b + 4} text-anchor="end" font-size="11" fill="#1d2733">0</text>
        {xLabels.map((l, i) => (i % every === 0 ? <text x={x(i).toFixed(1)} y={H - PAD.b + 16} text-anchor="middle" font-size="11" fill="#1d2733">{l}</text> : null))}
        {series.map((s, k) => {
          const st = STYLES[k % STYLES.length]!;
          const pts = s.values.map((v, i) => (v === null ? null : [x(i), y(v)] as const));
          const d = pts.map((p, i) => (p ? `${i === 0 || !pts[i - 1] ? 'M' : 'L'}${p[0].toFixed(1)} ${p[1].toFixed(1)}` : '')).join(' ');
          return (
            <g>
              <path d={d} fill="none" stroke={st.stroke} stroke-width="2" stroke-dasharray={st.dash || undefined} />
              {pts.map((p) => (p ? marker(st.marker, p[0], p[1], st.stroke) : null))}
              <g transform={`translate(${PAD.l + k * 170}, 12)`}>
                <line x1="0" y1="0" x2="24" y2="0" stroke={st.stroke} stroke-width="2" stroke-dasharray={st.dash || undefined} />
                {marker(st.marker, 12, 0, st.stroke)}
                <text x="30" y="4" font-size="12" fill="#1d2733">{s.name}</text>
              </g>
            </g>
          );
        })}
      </svg>
      <table>
        <caption>{title}</caption>
        <thead><tr><th scope="col">{xHeader}</th>{series.map((s) => <th scope="col">{s.name}</th>)}</tr></thead>
        <tbody>{xLabels.map((l, i) => <tr><th scope="row">{l}</th>{series.map((s) => <td>{s.values[i] === null ? '—' : format(s.values[i]!)}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
};
