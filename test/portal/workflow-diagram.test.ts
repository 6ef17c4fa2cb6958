// The workflow diagram: every state of the machine placed by ELK without overlaps, every arrow of
// the machine routed from its state to its target, the current state and the path taken marked,
// and the stored layouts exactly what ELK computes for the graphs they name.
import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { EARLIER_VERSIONS, workflows } from '../../workflows/index';
import { WorkflowDiagram } from '../../views/components/workflow-diagram';
import {
  BOX_H, BOX_W, computeLayout, diagramGraph, diagramLayout, graphKey, STORED_LAYOUTS_FILE, type DiagramLayout, type StoredLayout,
} from '../../views/components/workflow-layout';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'void-style': 'off', 'attribute-boolean-style': 'off', 'no-inline-style': 'off' } });
const wrap = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${body}</main></body></html>`;
const all = [...Object.values(workflows), ...EARLIER_VERSIONS];

/** Boxes overlap when they share any area. */
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.x < b.x + BOX_W && b.x < a.x + BOX_W && a.y < b.y + BOX_H && b.y < a.y + BOX_H;
/** A point on the border of a box (ELK attaches arrows there), within half a unit. */
const onBorder = (p: { x: number; y: number }, b: { x: number; y: number }) => {
  const inX = p.x >= b.x - 0.5 && p.x <= b.x + BOX_W + 0.5, inY = p.y >= b.y - 0.5 && p.y <= b.y + BOX_H + 0.5;
  const near = (v: number, e: number) => Math.abs(v - e) <= 0.5;
  return (inX && (near(p.y, b.y) || near(p.y, b.y + BOX_H))) || (inY && (near(p.x, b.x) || near(p.x, b.x + BOX_W)));
};

function expectSound(w: (typeof all)[number], l: DiagramLayout) {
  const leaves = Object.keys(w.stateLabels).filter((k) => !Object.keys(w.stateLabels).some((o) => o.startsWith(`${k}.`)));
  expect(l.nodes.map((n) => n.key).sort()).toEqual(leaves.sort());
  for (const [i, a] of l.nodes.entries()) {
    expect(a.x >= 0 && a.y >= 0 && a.x + BOX_W <= l.width && a.y + BOX_H <= l.height, a.key).toBe(true);
    for (const b of l.nodes.slice(i + 1)) expect(overlap(a, b), `${a.key} / ${b.key}`).toBe(false);
  }
  const at = new Map(l.nodes.map((n) => [n.key, n]));
  for (const e of l.edges) {
    expect(e.points.length, `${e.from} > ${e.to}`).toBeGreaterThanOrEqual(2);
    expect(onBorder(e.points[0]!, at.get(e.from)!), `${e.from} > ${e.to} starts at ${e.from}`).toBe(true);
    expect(onBorder(e.points.at(-1)!, at.get(e.to)!), `${e.from} > ${e.to} ends at ${e.to}`).toBe(true);
  }
  // The first submission is an arrow, and the loops back are marked as such.
  expect(l.edges.some((e) => e.from === 'draft' && !e.back)).toBe(true);
}

describe('workflow diagram layout', () => {
  it.each(all.map((w) => [`${w.code}@${w.version}`, w] as const))('%s: every state placed once without overlap, arrows from state to state', (_k, w) => {
    expectSound(w, diagramLayout(w.machine.root));
  });

  it('the stored layouts are what ELK computes for the graphs they name', () => {
    const stored = JSON.parse(readFileSync(STORED_LAYOUTS_FILE, 'utf8')) as StoredLayout[];
    expect(stored.length).toBeGreaterThan(0);
    // Checked for the registry's graphs that are stored; one a machine no longer has is never used.
    const byGraph = new Map(stored.map((s) => [s.graph, s]));
    let checked = 0;
    for (const w of all) {
      const g = diagramGraph(w.machine.root);
      const s = byGraph.get(graphKey(g));
      if (!s) continue;
      const fresh = computeLayout(s.programme, g);
      expect(fresh, s.programme).toEqual(s);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);

  it('lays out with ELK a machine whose graph is not stored', () => {
    const w = workflows['special-fund'];
    // A copy of the machine's root with one arrow fewer is a graph nobody stored.
    const g = diagramGraph(w.machine.root);
    const fewer = { ...g, edges: g.edges.slice(1) };
    const l = computeLayout('test', fewer);
    expect(l.nodes).toHaveLength(g.nodes.length);
    expect(l.edges).toHaveLength(g.edges.length - 1);
    expect(l.width).toBeGreaterThan(BOX_W);
  }, 120_000);
});

describe('workflow diagram', () => {
  it('marks the current state and the path taken, is an accessible image in a scrolling frame, and valid HTML', async () => {
    const w = workflows['special-fund'];
    const path = [{ from: 'draft', to: 'submitted' }, { from: 'submitted', to: 'review.preliminary' }, { from: 'review.preliminary', to: 'review.expert' }];
    const svg = String(WorkflowDiagram({ workflow: w, current: 'review.expert', path, locale: 'zh' }));
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<figure class="diagram" tabindex="0"/);
    expect(svg).toContain('当前步骤：专家评审');
    expect(svg).toMatch(/class="state current" data-state="review.expert" aria-current="step"/);
    expect((svg.match(/aria-current="step"/g) ?? []).length).toBe(1);
    expect((svg.match(/class="state visited"/g) ?? []).length).toBe(3);
    expect((svg.match(/class="edge taken/g) ?? []).length).toBe(3);
    // Arrows are named by their events' labels, never their codes.
    expect(svg).not.toMatch(/officer\.|applicant\./);
    const report = await validator.validateString(wrap(svg));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('shows no path on a programme page', () => {
    const svg = String(WorkflowDiagram({ workflow: workflows['cdb-infra-loan'], locale: 'en' }));
    expect(svg).not.toContain('aria-current');
    expect(svg).not.toContain('edge taken');
    expect(svg).toContain('Steps: Draft');
  });
});
