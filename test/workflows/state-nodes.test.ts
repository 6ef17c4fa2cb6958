// workflows/state-nodes.ts reads XState only through its public API. This test is the tripwire
// for an upgrade: in every state every programme can reach, what the module derives must agree
// with XState's own answer (matches(), and the internal `_nodes` it replaces, read only here).
import { createRequire } from 'node:module';
import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { stateValueKey } from '../../src/domain/cases/state-key';
import { activeEvents, activeNodes, candidateTransitions, stateKey } from '../../workflows/state-nodes';
import { workflows } from '../../workflows/index';
import { explore } from './harness';

const xstateVersion = (createRequire(import.meta.url)('xstate/package.json') as { version: string }).version;

describe('state nodes through the public API', () => {
  it('runs on the XState major version it was written for', () => {
    expect(xstateVersion.split('.')[0]).toBe('5');
  });

  describe.each(Object.values(workflows))('$code', (wf) => {
    it('agrees with XState on the active nodes, the leaf, its events and transitions in every reachable state', () => {
      let checked = 0;
      for (const { state } of Object.values(explore(wf)) as { state: AnyMachineSnapshot }[]) {
        const nodes = activeNodes(state);
        const internal = (state as unknown as { _nodes: AnyStateNode[] })._nodes;
        expect(nodes.map((n) => n.id).sort()).toEqual(internal.map((n) => n.id).sort());
        expect(stateKey(state)).toBe(stateValueKey(state.value));
        expect(state.matches(state.value)).toBe(true);
        for (const n of nodes.slice(1)) expect(state.matches(stateValueOf(n.path))).toBe(true);
        expect(activeEvents(state).sort()).toEqual([...new Set(internal.flatMap((n) => n.ownEvents))].sort());
        for (const type of activeEvents(state)) expect(candidateTransitions(state, type).length).toBeGreaterThan(0);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(2);
    });
  });
});

function stateValueOf(path: string[]): any {
  return path.reduceRight<unknown>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined);
}
