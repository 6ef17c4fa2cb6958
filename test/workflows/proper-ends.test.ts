// The institutions' programmes never trap a case: from every reachable state a closed state can
// be reached (the liveness walk of closure.ts), and `closed` holds exactly in the proper ends of
// each programme — a loan settled, cancelled, lapsed, recovered or written off; never while money
// is still drawn, owed or covered.
import { describe, expect, it } from 'vitest';
import { workflows } from '../../workflows/index';
import { expectNoDeadEnds } from './closure';
import { leafStates } from './harness';

const PROPER_ENDS: Record<string, string[]> = {
  'cdb-infra-loan': ['settled', 'cancelled', 'lapsed', 'recovered', 'writtenOff', 'declined', 'withdrawn'],
  'exim-order-finance': ['settled', 'recovered', 'writtenOff', 'declined', 'withdrawn'],
  'sinosure-credit-insurance': ['closed', 'expired', 'declined', 'withdrawn'],
};

describe.each(Object.keys(PROPER_ENDS))('%s ends', (code) => {
  const wf = workflows[code as keyof typeof workflows];
  it('reaches a closed state from every reachable state; closed only in its proper ends, each of them reached', () => {
    const c = expectNoDeadEnds(wf);
    expect([...c.closedReached].sort()).toEqual([...PROPER_ENDS[code]!].sort());
    expect(leafStates(wf).filter((k) => wf.isClosedState(k)).sort()).toEqual([...PROPER_ENDS[code]!].sort());
    for (const s of c.states.values()) expect(s.closed).toBe(PROPER_ENDS[code]!.includes(s.key));
  });
});
