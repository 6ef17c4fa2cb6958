// Where each state of a programme's workflow is drawn, computed by ELK (elkjs, the Eclipse Layout
// Kernel's layered algorithm) from the XState machine itself, so the picture can never drift from
// the rules. The layout depends only on the machine's states and arrows. ELK takes seconds to
// start on a busy machine, so the layouts of the registry's machines are stored beside this file
// (`npm run diagrams` writes them) and found by the graph they were computed for; a machine whose
// graph has changed since is laid out by ELK when first shown, never drawn from a stale layout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface MachineNode {
  path: string[];
  type: string;
  initial?: { target?: MachineNode[] };
  states: Record<string, MachineNode>;
  transitions: Map<string, { eventType: string; target?: MachineNode[] }[]>;
}

export interface DiagramEdge { from: string; to: string; events: string[]; back: boolean }
export interface DiagramGraph {
  /** Leaf states in depth-first order from the initial state (the order the case meets them). */
  nodes: { key: string; final: boolean }[];
  edges: DiagramEdge[];
}

/** A compound state stands for its initial leaf (that is where a transition into it lands). */
function leafOf(n: MachineNode): MachineNode {
  const children = Object.values(n.states ?? {});
  if (children.length === 0) return n;
  return leafOf(n.initial?.target?.[0] ?? children[0]!);
}

function leaves(n: MachineNode, out: MachineNode[] = []): MachineNode[] {
  for (const c of Object.values(n.states ?? {})) {
    if (Object.keys(c.states ?? {}).length === 0) out.push(c); else leaves(c, out);
  }
  return out;
}

/** Leaf states and the arrows between them; an arrow back to a state met earlier is a back edge. */
export function diagramGraph(machineRoot: unknown): DiagramGraph {
  const root = machineRoot as MachineNode;
  const all = leaves(root);
  const keyOf = (n: MachineNode) => n.path.join('.');
  const edgeMap = new Map<string, DiagramEdge>();
  const visit = (n: MachineNode) => {
    const sources = Object.keys(n.states ?? {}).length ? leaves(n) : [n];
    for (const list of n.transitions.values()) for (const t of list) {
      const target = t.target?.[0];
      if (!target) continue; // stays in place (a score, a tranche): not an arrow
      for (const s of sources) {
        const from = keyOf(s), to = keyOf(leafOf(target));
        if (from === to) continue;
        const e = edgeMap.get(`${from}>${to}`) ?? { from, to, events: [], back: false };
        if (!e.events.includes(t.eventType)) e.events.push(t.eventType);
        edgeMap.set(`${from}>${to}`, e);
      }
    }
    for (const c of Object.values(n.states ?? {})) visit(c);
  };
  visit(root);
  const edges = [...edgeMap.values()];
  const out = new Map<string, DiagramEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  // Depth-first from the initial state: the order states are met, and the loops (amendment →
  // submitted) as the edges that reach a state still open on the walk.
  const seen = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const dfs = (k: string) => {
    seen.set(k, 'open');
    order.push(k);
    for (const e of out.get(k) ?? []) {
      const s = seen.get(e.to);
      if (s === 'open') e.back = true; else if (!s) dfs(e.to);
    }
    seen.set(k, 'done');
  };
  dfs(keyOf(leafOf(root)));
  for (const n of all) if (!seen.has(keyOf(n))) dfs(keyOf(n));
  const finals = new Set(all.filter((n) => n.type === 'final').map(keyOf));
  return { nodes: order.map((key) => ({ key, final: finals.has(key) })), edges };
}

export const BOX_W = 168, BOX_H = 44;

export interface Point { x: number; y: number }
export interface DiagramLayout {
  width: number;
  height: number;
  nodes: { key: string; final: boolean; x: number; y: number }[];
  edges: (DiagramEdge & { points: Point[] })[];
}

interface ElkNode { id: string; x?: number; y?: number; width?: number; height?: number; children?: ElkNode[]; edges?: ElkEdge[]; layoutOptions?: Record<string, string> }
interface ElkEdge { id: string; sources: string[]; targets: string[]; sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[] }
interface ElkDispatcher { saveDispatch(event: { data: { id: number; cmd: string; graph?: ElkNode; algorithms?: string[] } }): void }

let dispatcher: ElkDispatcher | null = null;
let answer: { data?: ElkNode; error?: unknown } | null = null;

/**
 * ELK's own layout engine, called synchronously. elkjs's public API wraps the same dispatcher in a
 * promise and a timer (it is written for web workers); the dispatcher itself computes in place and
 * answers through onmessage before returning, so pages stay plain functions of data. The package is
 * pinned exactly; the tests lay out every programme, so a change of this inner API fails them.
 */
function elkLayout(graph: ElkNode): ElkNode {
  if (!dispatcher) {
    const { Worker } = createRequire(import.meta.url)('elkjs/lib/elk-worker.min.js') as { Worker: new () => { dispatcher: ElkDispatcher; onmessage: (m: { data: typeof answer }) => void } };
    const worker = new Worker();
    worker.onmessage = (m) => { answer = m.data; };
    dispatcher = worker.dispatcher;
    dispatcher.saveDispatch({ data: { id: 0, cmd: 'register', algorithms: ['layered'] } });
  }
  answer = null;
  dispatcher.saveDispatch({ data: { id: 1, cmd: 'layout', graph } });
  const result = answer as { data?: ElkNode; error?: unknown } | null;
  if (!result?.data) throw new Error(`Workflow layout failed: ${String(result?.error ?? 'no answer')}`);
  return result.data;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // States in the order the case meets them; an arrow to an earlier state is the one reversed.
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '8',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

/** The graph as text: the same text means the same states and arrows, so the same layout. */
export const graphKey = (g: DiagramGraph): string =>
  JSON.stringify([g.nodes.map((n) => [n.key, n.final]), g.edges.map((e) => [e.from, e.to])]);

/** A layout as stored: positions and routes in the graph's own order, rounded to a tenth. */
export interface StoredLayout { programme: string; graph: string; width: number; height: number; nodes: number[][]; edges: number[][][] }

const round = (n: number) => Math.round(n * 10) / 10;

/** ELK's layout of a graph, as stored. */
export function computeLayout(programme: string, g: DiagramGraph): StoredLayout {
  const id = new Map(g.nodes.map((n, i) => [n.key, `n${i}`]));
  const laid = elkLayout({
    id: 'root', layoutOptions: LAYOUT_OPTIONS,
    children: g.nodes.map((n) => ({ id: id.get(n.key)!, width: BOX_W, height: BOX_H })),
    edges: g.edges.map((e, i) => ({ id: `e${i}`, sources: [id.get(e.from)!], targets: [id.get(e.to)!] })),
  });
  const at = new Map((laid.children ?? []).map((c) => [c.id, c]));
  const routes = new Map((laid.edges ?? []).map((e) => [e.id, e.sections?.[0]]));
  return {
    programme, graph: graphKey(g), width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0),
    nodes: g.nodes.map((n) => { const c = at.get(id.get(n.key)!); return [round(c?.x ?? 0), round(c?.y ?? 0)]; }),
    edges: g.edges.map((_, i) => {
      const r = routes.get(`e${i}`);
      return r ? [r.startPoint, ...(r.bendPoints ?? []), r.endPoint].map((p) => [round(p.x), round(p.y)]) : [];
    }),
  };
}

export const STORED_LAYOUTS_FILE = new URL('./workflow-layouts.json', import.meta.url);
let stored: Map<string, StoredLayout> | null = null;
function storedLayout(key: string): StoredLayout | undefined {
  if (!stored) {
    let list: StoredLayout[] = [];
    try { list = JSON.parse(readFileSync(STORED_LAYOUTS_FILE, 'utf8')) as StoredLayout[]; } catch { /* none stored: ELK lays out */ }
    stored = new Map(list.map((l) => [l.graph, l]));
  }
  return stored.get(key);
}

/** Positions of the states and the routes of the arrows, in SVG user units. */
export function diagramLayout(machineRoot: unknown): DiagramLayout {
  const cached = layoutCache.get(machineRoot as object);
  if (cached) return cached;
  const g = diagramGraph(machineRoot);
  const l = storedLayout(graphKey(g)) ?? computeLayout('', g);
  const layout: DiagramLayout = {
    width: l.width, height: l.height,
    nodes: g.nodes.map((n, i) => ({ ...n, x: l.nodes[i]![0]!, y: l.nodes[i]![1]! })),
    edges: g.edges.map((e, i) => ({ ...e, points: l.edges[i]!.map(([x, y]) => ({ x: x!, y: y! })) })),
  };
  layoutCache.set(machineRoot as object, layout);
  return layout;
}

const layoutCache = new WeakMap<object, DiagramLayout>();
