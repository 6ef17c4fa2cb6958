// The programme's workflow as a picture, drawn on the server from the XState machine itself so
// it can never drift from the rules. Layered layout computed here (no layout library): states
// are placed by their longest distance from the initial state, ignoring edges that go back.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import type { Locale } from '../i18n';

/** What the diagram needs of a Workflow (structural, so views stay free of the engine). */
export interface DiagramWorkflow {
  code: string;
  name: Bilingual;
  machine: { root: unknown };
  stateLabels: Record<string, Bilingual>;
}

interface MachineNode {
  path: string[];
  type: string;
  initial?: { target?: MachineNode[] };
  states: Record<string, MachineNode>;
  transitions: Map<string, { eventType: string; target?: MachineNode[] }[]>;
}

export interface DiagramGraph {
  nodes: { key: string; final: boolean; layer: number; index: number }[];
  edges: { from: string; to: string; events: string[]; back: boolean }[];
  layers: number;
  widest: number;
}

/** A compound state stands for its initial leaf (that is where a transition into it lands). */
function leafOf(n: MachineNode): MachineNode {
  const children = Object.values(n.states ?? {});
  if (children.length === 0) return n;
  const init = n.initial?.target?.[0] ?? children[0]!;
  return leafOf(init);
}

function leaves(n: MachineNode, out: MachineNode[] = []): MachineNode[] {
  for (const c of Object.values(n.states ?? {})) {
    if (Object.keys(c.states ?? {}).length === 0) out.push(c); else leaves(c, out);
  }
  return out;
}

/** Nodes and edges of the machine with a layer and a position in the layer for each node. */
export function diagramGraph(machineRoot: unknown): DiagramGraph {
  const root = machineRoot as MachineNode;
  const all = leaves(root);
  const keyOf = (n: MachineNode) => n.path.join('.');
  const edgeMap = new Map<string, { from: string; to: string; events: string[]; back: boolean }>();
  const visit = (n: MachineNode) => {
    const sources = Object.keys(n.states ?? {}).length ? leaves(n) : [n];
    for (const list of n.transitions.values()) for (const t of list) {
      const target = t.target?.[0];
      if (!target) continue; // stays in place (a score, a tranche): not an arrow
      for (const s of sources) {
        const from = keyOf(s), to = keyOf(leafOf(target));
        if (from === to) continue;
        const id = `${from}>${to}`;
        const e = edgeMap.get(id) ?? { from, to, events: [], back: false };
        if (!e.events.includes(t.eventType)) e.events.push(t.eventType);
        edgeMap.set(id, e);
      }
    }
    for (const c of Object.values(n.states ?? {})) visit(c);
  };
  visit(root);
  const edges = [...edgeMap.values()];
  // Depth-first from the initial state marks back edges (loops such as amendment → submitted).
  const start = keyOf(leafOf(root));
  const out = new Map<string, typeof edges>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  const dfs = (k: string) => {
    state.set(k, 'open');
    for (const e of out.get(k) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') e.back = true; else if (!s) dfs(e.to);
    }
    state.set(k, 'done');
  };
  dfs(start);
  for (const n of all) if (!state.has(keyOf(n))) dfs(keyOf(n));
  // Longest path over forward edges gives each state its layer.
  const layer = new Map<string, number>(all.map((n) => [keyOf(n), 0]));
  for (let pass = 0; pass < all.length; pass++) {
    let changed = false;
    for (const e of edges) if (!e.back && layer.get(e.to)! < layer.get(e.from)! + 1) { layer.set(e.to, layer.get(e.from)! + 1); changed = true; }
    if (!changed) break;
  }
  const count = new Map<number, number>();
  const nodes = all.map((n) => {
    const l = layer.get(keyOf(n))!;
    const index = count.get(l) ?? 0;
    count.set(l, index + 1);
    return { key: keyOf(n), final: n.type === 'final', layer: l, index };
  });
  return { nodes, edges, layers: Math.max(...layer.values()) + 1, widest: Math.max(...count.values()) };
}

const graphCache = new WeakMap<object, DiagramGraph>();
const graphOf = (root: unknown) => {
  let g = graphCache.get(root as object);
  if (!g) { g = diagramGraph(root); graphCache.set(root as object, g); }
  return g;
};

const BOX_W = 180, BOX_H = 44, GAP_X = 28, GAP_Y = 38, PAD = 24;

/** Splits a label into at most two lines that fit a box (CJK counts double). */
function lines(text: string, max = 22): string[] {
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  if (width(text) <= max) return [text];
  const chars = [...text];
  let first = '';
  while (chars.length && width(first + chars[0]) <= max) first += chars.shift();
  // Latin text breaks at the last space, never inside a word.
  const space = first.lastIndexOf(' ');
  if (chars.length && chars[0] !== ' ' && space > 0) { chars.unshift(...first.slice(space + 1)); first = first.slice(0, space); }
  let rest = chars.join('');
  if (width(rest) > max) rest = [...rest].slice(0, Math.floor(max / (width(rest) > rest.length ? 2 : 1)) - 1).join('') + '…';
  return [first, rest.trim()];
}

export interface WorkflowDiagramProps {
  workflow: DiagramWorkflow;
  /** Dotted state key of the case now ('review.expert'); omit on programme pages. */
  current?: string | null;
  /** States the case has been in, drawn as done. */
  visited?: string[];
  locale: Locale;
  /** Unique per page when several diagrams are shown. */
  idPrefix?: string;
}

export const WorkflowDiagram: FC<WorkflowDiagramProps> = ({ workflow, current, visited = [], locale, idPrefix = 'wf' }) => {
  const g = graphOf(workflow.machine.root);
  const inLayer = new Map<number, number>();
  for (const n of g.nodes) inLayer.set(n.layer, (inLayer.get(n.layer) ?? 0) + 1);
  // 60px gutters on both sides carry the edges that loop back (right) or skip layers (left).
  const width = PAD * 2 + g.widest * BOX_W + (g.widest - 1) * GAP_X + 120;
  const height = PAD * 2 + g.layers * BOX_H + (g.layers - 1) * GAP_Y;
  const pos = new Map<string, { x: number; y: number }>();
  for (const n of g.nodes) {
    const k = inLayer.get(n.layer)!;
    const rowW = k * BOX_W + (k - 1) * GAP_X;
    pos.set(n.key, { x: (width - rowW) / 2 + n.index * (BOX_W + GAP_X), y: PAD + n.layer * (BOX_H + GAP_Y) });
  }
  const layerOf = (key: string) => g.nodes.find((n) => n.key === key)!.layer;
  const label = (key: string) => workflow.stateLabels[key]?.[locale] ?? key;
  const isCurrent = (key: string) => !!current && (key === current || key.startsWith(`${current}.`));
  const titleId = `${idPrefix}-title`, descId = `${idPrefix}-desc`, arrow = `${idPrefix}-arrow`;
  const title = locale === 'zh' ? `${workflow.name.zh}流程图` : `Workflow of ${workflow.name.en}`;
  const desc = current
    ? (locale === 'zh' ? `当前步骤：${label(current)}` : `Current step: ${label(current)}`)
    : (locale === 'zh' ? `步骤：${g.nodes.map((n) => label(n.key)).join('、')}` : `Steps: ${g.nodes.map((n) => label(n.key)).join(', ')}`);
  return (
    <svg class="workflow-diagram" role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${width} ${height}`}
      width={width} height={height} xmlns="http://www.w3.org/2000/svg" data-current={current ?? undefined}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{desc}</desc>
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#5b6776" />
        </marker>
      </defs>
      {g.edges.map((e) => {
        const a = pos.get(e.from)!, b = pos.get(e.to)!;
        const d = e.back
          // Loops go round the right-hand side so they never cross the boxes.
          ? `M${a.x + BOX_W},${a.y + BOX_H / 2} C${width - 10},${a.y + BOX_H / 2} ${width - 10},${b.y + BOX_H / 2} ${b.x + BOX_W},${b.y + BOX_H / 2}`
          : layerOf(e.to) - layerOf(e.from) > 1
            // Edges that skip layers bend through the left gutter instead of crossing boxes.
            ? `M${a.x},${a.y + BOX_H / 2} C${10},${a.y + BOX_H / 2} ${10},${b.y - GAP_Y / 2} ${b.x + BOX_W / 2},${b.y}`
            : `M${a.x + BOX_W / 2},${a.y + BOX_H} L${b.x + BOX_W / 2},${b.y}`;
        return <path d={d} fill="none" stroke="#8a94a3" stroke-width="1.2" stroke-opacity={layerOf(e.to) - layerOf(e.from) > 1 ? 0.45 : 1} stroke-dasharray={e.back ? '4 3' : undefined} marker-end={`url(#${arrow})`}><title>{e.events.join(', ')}</title></path>;
      })}
      {g.nodes.map((n) => {
        const p = pos.get(n.key)!;
        const cur = isCurrent(n.key), done = !cur && visited.includes(n.key);
        const text = lines(label(n.key));
        return (
          <g class={`state${cur ? ' current' : ''}${done ? ' visited' : ''}`} data-state={n.key} aria-current={cur ? 'step' : undefined}>
            <rect x={p.x} y={p.y} width={BOX_W} height={BOX_H} rx={n.final ? 22 : 6}
              fill={cur ? '#9b1c1c' : done ? '#e8f5ee' : '#ffffff'} stroke={cur ? '#9b1c1c' : n.final ? '#1d2733' : '#8a94a3'} stroke-width={cur ? 3 : 1.2} />
            {text.map((t, i) => (
              <text x={p.x + BOX_W / 2} y={p.y + BOX_H / 2 + (i - (text.length - 1) / 2) * 15 + 4} text-anchor="middle" font-size="12"
                fill={cur ? '#ffffff' : '#1d2733'} font-weight={cur ? 'bold' : undefined}>{t}</text>
            ))}
          </g>
        );
      })}
    </svg>
  );
};
