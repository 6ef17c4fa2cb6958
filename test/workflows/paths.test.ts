// Path generation over every programme: each state is reachable, each transition is taken,
// the machine and refusal() agree at every step, and every example is accepted where it can be.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { stateKey } from '../../workflows/define-workflow';
import { workflows } from '../../workflows/index';
import type { Workflow } from '../../workflows/types';
import {
  adjacency, allTransitions, event, explore, leafStates, POOL, actor, step, takenTransition, transitionKey,
} from './harness';

/** Refusals that no data can avoid: they depend on what happened before, not on `data`. */
const PRECONDITIONS = [
  /At least 2 independent expert scores/, // officer.recommend before two scores
  /already scored|not on the expert panel/, // expert.score once all experts have scored
  /No instalment is past due/,            // system.repayment-overdue with nothing due
  /exceeds what remains \(CNY 0\)/,       // nothing left to pay, repay or recover
  /no approved credit limit|No pending buyer|No shipment to this buyer/,
  /No open objection/,                     // resolving an objection when none was filed
  /conditions precedent are (not recorded|already recorded)/, // drawdowns wait for them; recorded once
  /cannot be settled|does not settle|must be more than zero/, // settlement while owed; repayment with nothing owed
  /No decision is waiting|awaits signature|cannot be signed in this state/, // prepared decisions
  /No payment is waiting to be released|awaits release: release or return it first/, // a grant payment, prepared then released
  /already extended once/,                // 展期 once only
  /nothing to restructure/,
  /^There is no /,                          // policies: nothing of that kind to choose (no shipment, loss, invoice, request)
  /Too late: this shipment had to be declared/, // cover suspended long enough that nothing shipped before it can still be declared
  /policy year has not ended|Shipments or losses are still open|The policy ended at expiry/, // policy timers before they are due

  /repayment is due: no further disbursement/,               // principal all repaid, interest still owed
  /availability period (has not ended|ended on)|Nothing is left undrawn|exceeds what is undrawn \(CNY 0\)/,
];

const explored = new Map<string, ReturnType<typeof explore>>();
const pathsOf = (wf: Workflow) => {
  if (!explored.has(wf.code)) explored.set(wf.code, explore(wf));
  return explored.get(wf.code)!;
};

describe.each(Object.values(workflows))('$code paths', (wf) => {
  it('reaches every state that has a label, and has a label for every state it reaches', () => {
    const reached = new Set(pathsOf(wf).map((p) => stateKey(p.state)));
    expect([...reached].sort()).toEqual(leafStates(wf).sort());
  });

  it('replays the shortest path to each state with refusal() returning null at each step', () => {
    const byState = new Map<string, ReturnType<typeof explore>[number]>();
    for (const path of pathsOf(wf)) {
      const key = stateKey(path.state);
      if (!byState.has(key) || byState.get(key)!.steps.length > path.steps.length) byState.set(key, path);
    }
    for (const path of byState.values()) {
      for (let i = 1; i < path.steps.length; i++) {
        const { refusal, next } = step(wf, path.steps[i - 1].state as AnyMachineSnapshot, path.steps[i].event as never);
        expect(refusal).toBeNull();
        expect(next.value).toEqual(path.steps[i].state.value);
      }
    }
  });

  it('takes every transition of the machine, and refusal() agrees with the machine on every edge', () => {
    const taken = new Set<string>();
    for (const { state, transitions } of Object.values(adjacency(wf))) {
      for (const { event: ev, state: after } of Object.values(transitions) as { event: unknown; state: AnyMachineSnapshot }[]) {
        const before = state as AnyMachineSnapshot;
        const { refusal, next } = step(wf, before, ev as never); // throws when they disagree
        expect(next.value).toEqual(after.value);
        if (refusal) continue;
        const t = takenTransition(wf, before, ev as never)!;
        if (t.target) expect(next._nodes).toContain(t.target[0]);
        else expect(next.value).toEqual(before.value);
        taken.add(transitionKey(t.source, (ev as { type: string }).type, t.target));
      }
    }
    expect([...taken].sort()).toEqual(allTransitions(wf.machine.root).sort());
  });

  it('gives every transition a guard, so invalid data never moves the machine', () => {
    const unguarded: string[] = [];
    const walk = (node: typeof wf.machine.root): void => {
      for (const [type, defs] of node.transitions) for (const d of defs) if (!d.guard) unguarded.push(`${node.id} ${type}`);
      Object.values(node.states).forEach((n) => walk(n as never));
    };
    walk(wf.machine.root);
    expect(unguarded).toEqual([]);
  });

  it('offers example data that passes the schema and the guards in every reachable state', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { state } of pathsOf(wf)) {
      for (const type of wf.eventTypesIn(state)) {
        const spec = wf.events.find((e) => e.type === type)!;
        const outcomes = POOL[spec.roles[0]].map((id) => {
          const ev = event(wf, state, type, { actor: actor(wf, spec.roles[0], id) });
          return { ev, refusal: wf.refusal(state, ev), schemaOk: spec.schema.safeParse(ev.data).success };
        });
        checked++;
        if (outcomes.some((o) => o.refusal === null)) continue;
        // Four eyes refuses one of the pool by design; the reason the others get is the telling one.
        const reason = (outcomes.find((o) => !/Four eyes/.test(o.refusal!.en)) ?? outcomes[0]).refusal!.en;
        if (!PRECONDITIONS.some((p) => p.test(reason))) failures.push(`${stateKey(state)} ${type}: ${reason}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it('keeps its context JSON-serialisable and restorable from the persisted snapshot', () => {
    for (const { state } of pathsOf(wf)) {
      const persisted = JSON.parse(JSON.stringify(wf.machine.getPersistedSnapshot(state))) as { value: unknown; context: unknown };
      expect(persisted.context).toEqual(state.context);
      const restored = wf.machine.resolveState({ value: persisted.value as never, context: persisted.context as never });
      expect(stateKey(restored)).toBe(stateKey(state));
      expect(wf.eventTypesIn(restored)).toEqual(wf.eventTypesIn(state));
    }
  });

  it('throws when restoring a state that does not exist (a stale snapshot)', () => {
    const context = wf.initialInput(wf.formExample);
    expect(() => wf.machine.resolveState({ value: 'review.nonexistent', context })).toThrow();
    expect(() => wf.machine.resolveState({ value: 'noSuchState', context })).toThrow();
  });

  it('is final exactly in the states that have no events, and waits on someone elsewhere', () => {
    for (const { state } of pathsOf(wf)) {
      const events = wf.eventTypesIn(state);
      expect(wf.isFinal(state)).toBe(events.length === 0);
      if (!wf.isFinal(state)) expect(wf.waitingOn(state).length).toBeGreaterThan(0);
      else expect(wf.waitingOn(state)).toEqual([]);
    }
  });
});
