// Liveness of a workflow: walk every reachable state (xstate/graph, driven by the workflows' own
// example data) and find the states where a case could get stuck. A state is a dead end when
// it is not closed and either no event moves it, or no closed state can be reached from it.
// Any programme's test can call `expectNoDeadEnds(workflow)`.
import { expect } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import type { Workflow, WorkflowEvent } from '../../workflows/types';
import { adjacency, event, serialize, POOL, actor } from './harness';

export interface Closure {
  /** Serialised reachable states, with their dotted state and whether the definition calls it closed. */
  states: Map<string, { key: string; closed: boolean; snapshot: AnyMachineSnapshot }>;
  /** Reachable states that are not closed and cannot reach a closed state (or cannot move at all). */
  deadEnds: { key: string; why: string }[];
  /** Closed states in which some event was accepted after all (the definition would be lying). */
  leakyClosed: { key: string; type: string }[];
  /** Dotted closed states that were reached. */
  closedReached: Set<string>;
}

export function closure(wf: Workflow): Closure {
  const map = adjacency(wf);
  const states: Closure['states'] = new Map();
  const moves = new Map<string, Set<string>>();
  for (const [id, { state, transitions }] of Object.entries(map)) {
    const snapshot = state as AnyMachineSnapshot;
    const key = stateKey(snapshot);
    states.set(id, { key, closed: wf.isClosedState(key), snapshot });
    const out = new Set<string>();
    for (const t of Object.values(transitions) as { state: AnyMachineSnapshot }[]) {
      const next = serialize(t.state);
      if (next !== id) out.add(next);
    }
    moves.set(id, out);
  }
  // Backwards from the closed states: everything that can get there is live.
  const live = new Set([...states].filter(([, s]) => s.closed).map(([id]) => id));
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, out] of moves) {
      if (!live.has(id) && [...out].some((n) => live.has(n))) { live.add(id); grew = true; }
    }
  }
  const deadEnds: Closure['deadEnds'] = [];
  for (const [id, s] of states) {
    if (s.closed || live.has(id)) continue;
    deadEnds.push({ key: s.key, why: moves.get(id)!.size === 0 ? 'no event moves it' : 'no closed state is reachable from it' });
  }
  // A closed state refuses every event of the programme, from every role, timed ones included.
  const leakyClosed: Closure['leakyClosed'] = [];
  for (const s of states.values()) {
    if (!s.closed) continue;
    for (const spec of wf.events) {
      for (const id of POOL[spec.roles[0]]) {
        const ev: WorkflowEvent = event(wf, s.snapshot, spec.type, { actor: actor(wf, spec.roles[0], id), facts: { now: '2099-01-01T00:00:00.000Z' } });
        if (wf.refusal(s.snapshot, ev) === null || wf.dueEvent(s.snapshot, ev.facts.now) !== null) leakyClosed.push({ key: s.key, type: spec.type });
      }
    }
  }
  const closedReached = new Set([...states.values()].filter((s) => s.closed).map((s) => s.key));
  return { states, deadEnds, leakyClosed, closedReached };
}

/** The assertion other programmes' tests reuse. */
export function expectNoDeadEnds(wf: Workflow): Closure {
  const c = closure(wf);
  expect(c.states.size).toBeGreaterThan(1);
  expect(c.deadEnds).toEqual([]);
  expect(c.leakyClosed).toEqual([]);
  expect(c.closedReached.size).toBeGreaterThan(0);
  return c;
}
