// Cases in every state the workflows can reach, taken from the path explorer over the registry
// (test/workflows/harness.ts) and stored as real case rows of a demo enterprise, so that route
// tests can look at the form of every event of every programme, new events included.
import type { AnyMachineSnapshot } from 'xstate';
import { stateValueKey } from '../../src/domain/cases/state-key';
import type { Deps } from '../../src/domain/deps';
import { workflows } from '../../workflows/index';
import type { Role, Workflow } from '../../workflows/types';
import { attachAllDocuments } from '../engine/drive';
import { explore, serialize } from '../workflows/harness';

export interface ReachedState { wf: Workflow; snapshot: AnyMachineSnapshot; steps: number }

/** Every distinct state of every programme, shortest paths first. */
export function reachedStates(): ReachedState[] {
  const out: ReachedState[] = [];
  for (const wf of Object.values(workflows)) {
    const seen = new Set<string>();
    for (const p of explore(wf).sort((a, b) => a.steps.length - b.steps.length)) {
      const key = serialize(p.state as AnyMachineSnapshot);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ wf, snapshot: p.state as AnyMachineSnapshot, steps: p.steps.length });
    }
  }
  return out;
}

/** Staff roles that act on the workbench; the applicant acts on the portal. */
export const STAFF: Role[] = ['officer', 'expert', 'approver', 'finance', 'liaison'];

/** Staff event types of every programme, from the registry. */
export function staffEvents(): { wf: Workflow; type: string; role: Role }[] {
  return Object.values(workflows).flatMap((wf) => wf.events
    .filter((e) => e.roles.some((r) => STAFF.includes(r)))
    .map((e) => ({ wf, type: e.type, role: e.roles.find((r) => STAFF.includes(r))! })));
}

/**
 * Stores a reached state as a case of ent1 with every document attached. The harness's expert
 * ids (20, 21, 22) become the demo experts, so that they can act on the case.
 */
export function insertState(deps: Deps, s: ReachedState, experts: number[], n: number): { id: number; version: number; reference: string } {
  const persisted = JSON.parse(JSON.stringify(s.wf.machine.getPersistedSnapshot(s.snapshot))) as { context: Record<string, any> };
  const ctx = persisted.context;
  const map = (id: number) => (id >= 20 && id < 30 ? experts[id - 20] : id);
  if (Array.isArray(ctx.panel)) ctx.panel = (ctx.panel as number[]).map(map).filter((x) => x !== undefined);
  if (Array.isArray(ctx.scores)) ctx.scores = (ctx.scores as { expertId: number }[]).map((x) => ({ ...x, expertId: map(x.expertId) })).filter((x) => x.expertId !== undefined);
  if (Array.isArray(ctx.preparedBy)) ctx.preparedBy = (ctx.preparedBy as number[]).map(map).filter((x) => x !== undefined);
  const sqlite = deps.db.$client;
  const ent = sqlite.prepare(`select id, name, credit_code as creditCode, province, industry from enterprises order by id limit 1`).get() as { id: number; name: string; creditCode: string; province: string; industry: string };
  const state = stateValueKey(s.snapshot.value);
  const reference = `REG-${String(n).padStart(6, '0')}`;
  const version = s.steps + 1;
  const at = '2026-02-01T00:00:00.000Z';
  const r = sqlite.prepare(`insert into cases (reference, programme_code, enterprise_id, created_by, state, snapshot, machine_version, version, form,
    amount, province, industry, enterprise_name, credit_code, submitted_at, state_since, due_at, is_final, created_at, updated_at)
    values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)`).run(
    reference, s.wf.code, ent.id, state, JSON.stringify(persisted), s.wf.version, version, JSON.stringify(ctx.form),
    typeof ctx.requestedAmount === 'number' ? ctx.requestedAmount : null, ent.province, ent.industry, ent.name, ent.creditCode,
    state === 'draft' ? null : at, at, s.wf.isFinal(s.snapshot) ? 1 : 0, at, at);
  const id = Number(r.lastInsertRowid);
  attachAllDocuments(deps, id, s.wf.code, 1);
  return { id, version, reference };
}

/** An event's data as the generated form posts it (`d.<field>`, `d.<list>[]`, `d.<rows>.<i>.<key>`). */
export function formFields(data: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(data)) {
    if (Array.isArray(v) && v.every((x) => typeof x === 'number')) out[`d.${k}[]`] = v.map(String);
    else if (Array.isArray(v)) v.forEach((row, i) => { for (const [rk, rv] of Object.entries(row as object)) out[`d.${k}.${i}.${rk}`] = String(rv); });
    else out[`d.${k}`] = String(v);
  }
  return out;
}

/** The HTML of one event's form on a page. */
export function formOf(html: string, type: string): string | null {
  const start = html.indexOf(`data-event="${type}"`);
  if (start < 0) return null;
  const open = html.lastIndexOf('<form', start);
  return html.slice(open, html.indexOf('</form>', start) + 7);
}

/** What a form would send as it is drawn: any value, selection, check or text already in it. */
export function prefilled(form: string): string[] {
  const found: string[] = [];
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    if (/type="hidden"/.test(tag)) continue;
    if (/\bchecked\b/.test(tag)) found.push(tag);
    const v = /\bvalue="([^"]*)"/.exec(tag);
    if (v && v[1] !== '' && !/type="checkbox"/.test(tag)) found.push(tag);
  }
  for (const m of form.matchAll(/<textarea\b[^>]*>([^<]*)<\/textarea>/g)) if (m[1] !== '') found.push(m[0]);
  for (const m of form.matchAll(/<option\b[^>]*\bselected\b[^>]*>/g)) found.push(m[0]);
  return found;
}
