// `closed` from the definition, and liveness: every reachable state of the commerce-department
// grants either is closed or can still reach a closed state.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closedLeaves, defineWorkflow, go } from '../../workflows/define-workflow';
import { bi } from '../../workflows/policy-guards';
import { specialFund } from '../../workflows/special-fund';
import { tradePlatformGrant } from '../../workflows/trade-platform-grant';
import { workflows } from '../../workflows/index';
import type { Workflow } from '../../workflows/types';
import { closure, expectNoDeadEnds } from './closure';
import { leafStates } from './harness';

/** A tiny programme with a trap: `stuck` has a transition whose rule always refuses. */
function trapWorkflow(withTrap: boolean): Workflow {
  const empty = z.object({}).strict();
  return defineWorkflow<{ form: Record<string, unknown> }>({
    code: 'special-fund', institution: 'COMMERCE', name: bi('测试', 'Test'), summary: bi('测试', 'Test'), referencePrefix: 'T', outsideDesignated: 'refuse',
    formSchema: z.object({}).strict(), formExample: {}, documents: [],
    initialContext: (form) => ({ form }),
    events: [
      { type: 'applicant.submit', label: bi('提交', 'Submit'), roles: ['applicant'], schema: empty, example: () => ({}) },
      { type: 'officer.finish', label: bi('办结', 'Finish'), roles: ['officer'], schema: empty, example: () => ({}) },
    ],
    rules: { never: () => bi('永不', 'Never') },
    states: {
      draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go(withTrap ? 'stuck' : 'done') } },
      stuck: { label: bi('卡住', 'Stuck'), on: { 'officer.finish': go('done', 'never') } },
      done: { label: bi('办结', 'Done'), final: true },
      idle: { label: bi('无出口', 'No way out'), initial: 'inner', states: { inner: { label: bi('内', 'Inner') } } },
    },
  });
}

describe('closed states from the definition', () => {
  it('counts final states and states without any transition (own or inherited) as closed', () => {
    const wf = trapWorkflow(true);
    expect([...closedLeaves(wf.machine.root)].sort()).toEqual(['done', 'idle.inner']);
    expect(wf.isClosedState('stuck')).toBe(false); // it has a transition, even if nothing passes it
    expect(wf.isClosedState('draft')).toBe(false);
  });

  it.each(Object.values(workflows))('$code: closed exactly in its final states, and only those', (wf) => {
    const finals = leafStates(wf).filter((k) => wf.isClosedState(k));
    expect(finals.length).toBeGreaterThan(0);
    for (const k of leafStates(wf)) {
      const node = wf.machine.getStateNodeById(`${wf.code}.${k}`);
      expect(wf.isClosedState(k)).toBe(node.type === 'final');
    }
  });
});

describe('the dead-end walk', () => {
  it('finds a state that nothing can move on from', () => {
    const c = closure(trapWorkflow(true));
    expect(c.deadEnds).toEqual([
      { key: 'draft', why: 'no closed state is reachable from it' }, // its only way leads into the trap
      { key: 'stuck', why: 'no event moves it' },
    ]);
  });

  it('passes a workflow whose every path ends closed', () => {
    const c = closure(trapWorkflow(false));
    expect(c.deadEnds).toEqual([]);
    expect([...c.closedReached]).toEqual(['done']);
  });
});

describe.each([specialFund, tradePlatformGrant])('$code liveness', (wf) => {
  it('reaches a closed state from every reachable state, and closed states refuse everything', () => {
    const c = expectNoDeadEnds(wf);
    // Every final state of the grant is reachable, so each way a grant ends is walked.
    expect([...c.closedReached].sort()).toEqual(leafStates(wf).filter((k) => wf.isClosedState(k)).sort());
    expect([...c.states.values()].filter((s) => !s.closed).length).toBeGreaterThan(5);
  });
});
