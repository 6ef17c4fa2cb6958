// Test harness for the programme workflows: facts, actors, one pure step, and a path explorer
// built on xstate/graph that drives every machine with the workflows' own example data.
import { getInitialSnapshot, transition, type AnyMachineSnapshot, type AnyStateNode } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { candidateTransitions, stateKey } from '../../workflows/define-workflow';
import type { Actor, CaseFacts, Role, Workflow, WorkflowEvent } from '../../workflows/types';

export const NOW = '2026-03-01T08:00:00.000Z';

export function facts(wf: Workflow, over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    now: NOW,
    documentKinds: [...wf.documents.map((d) => d.kind), 'eia-approval'],
    enterprise: { id: 7, province: '重庆', industry: 'electronics', regionEligible: true },
    conflictedExpertIds: [],
    noticeDays: 7,
    expertPool: [20, 21, 22],
    ...over,
  };
}

/** Users by role: several per role so that four eyes can be satisfied. */
export const POOL: Record<Role, number[]> = {
  applicant: [1], officer: [10, 11], expert: [20, 21, 22], approver: [30, 31], finance: [70, 71], liaison: [40, 41, 42],
  auditor: [50], admin: [60], system: [0],
};

export function actor(wf: Workflow, role: Role, id = POOL[role][0]): Actor {
  const institution = role === 'liaison' ? wf.institution : ['officer', 'approver', 'expert', 'finance'].includes(role) ? 'COMMERCE' : null;
  return { id, role, institution, enterpriseId: role === 'applicant' ? 7 : null, name: `${role} ${id}` };
}

export function start(wf: Workflow, form: Record<string, unknown> = wf.formExample): AnyMachineSnapshot {
  return getInitialSnapshot(wf.machine, wf.initialInput(form));
}

export function event(wf: Workflow, s: AnyMachineSnapshot, type: string, o: { actor?: Actor; data?: Record<string, unknown>; facts?: Partial<CaseFacts> } = {}): WorkflowEvent {
  const spec = wf.events.find((e) => e.type === type);
  const who = o.actor ?? actor(wf, spec?.roles[0] ?? 'applicant');
  const f = facts(wf, { now: timeFor(wf, s, type), ...o.facts });
  return { type, data: o.data ?? wf.example(s, type, who, f), actor: who, facts: f };
}

/** The clock for an event: timed events fire when due, others at the last step's time. */
export function timeFor(wf: Workflow, s: AnyMachineSnapshot, type: string): string {
  if (type.startsWith('system.')) return wf.nextDueAt(s) ?? NOW;
  return (s.context.lastEventAt as string | null) ?? NOW;
}

/** Refusal and next snapshot of one event; throws when refusal() and the machine disagree. */
export function step(wf: Workflow, s: AnyMachineSnapshot, ev: WorkflowEvent) {
  const refusal = wf.refusal(s, ev);
  const [next] = transition(wf.machine, s, ev);
  const changed = JSON.stringify([next.value, next.context]) !== JSON.stringify([s.value, s.context]);
  if (changed === (refusal !== null)) throw new Error(`refusal() and the machine disagree on ${ev.type} in ${stateKey(s)}: ${refusal?.en}`);
  return { refusal, next };
}

/** Send the example of `type` with the first actor of the role that is not refused. */
export function send(wf: Workflow, s: AnyMachineSnapshot, type: string, o: { data?: Record<string, unknown>; facts?: Partial<CaseFacts> } = {}) {
  const role = wf.events.find((e) => e.type === type)!.roles[0];
  let last;
  for (const id of POOL[role]) {
    last = step(wf, s, event(wf, s, type, { ...o, actor: actor(wf, role, id) }));
    if (!last.refusal) return last.next;
  }
  throw new Error(`${type} refused in ${stateKey(s)}: ${last?.refusal?.en}`);
}

/** The finance side pays the current phase of a grant: one prepares each payment, another releases it. */
export function payPhase(wf: Workflow, s: AnyMachineSnapshot): AnyMachineSnapshot {
  const phase = stateKey(s);
  while (stateKey(s) === phase) s = send(wf, send(wf, s, 'finance.prepare-payment'), 'finance.release-payment');
  return s;
}

export function run(wf: Workflow, types: string[], s = start(wf)): AnyMachineSnapshot {
  return types.reduce((snap, type) => send(wf, snap, type), s);
}

/** The transition XState takes, found with the machine's own guard implementations. */
export function takenTransition(wf: Workflow, s: AnyMachineSnapshot, ev: WorkflowEvent) {
  const guards = (wf.machine.implementations.guards ?? {}) as Record<string, (a: unknown) => boolean>;
  return candidateTransitions(s, ev.type).find((t) => guards[String((t.guard as { type?: string })?.type ?? t.guard)]({ context: s.context, event: ev }));
}

export const transitionKey = (source: AnyStateNode, type: string, targets?: readonly AnyStateNode[]) =>
  `${source.id} --${type}--> ${targets?.length ? targets.map((t) => t.id).join(',') : '(stay)'}`;

export function allTransitions(node: AnyStateNode): string[] {
  const own = [...node.transitions.entries()].flatMap(([type, defs]) => defs.map((d) => transitionKey(node, type, d.target)));
  return [...own, ...Object.values(node.states).flatMap((child) => allTransitions(child as AnyStateNode))];
}

// Loops (return → resubmit, objections, repeated requests) are taken once; that is enough to
// cover every transition and keeps the state space finite.
function bounded(s: AnyMachineSnapshot, type: string): boolean {
  const c = s.context;
  if (type.endsWith('.return')) return c.returnCount < 1;
  if (type === 'officer.record-objection') return c.objections.length < 1;
  if (type === 'approver.decline-refusal') return c.declinedRefusals.length < 1;
  if (type === 'approver.decline-clawback') return c.declinedClawbacks.length < 1;
  if (type === 'officer.uphold-objection') return c.objectionResolutions.length < 1;
  // Policies (version 3): limits are decided before the first shipment; two shipments, one loss
  // at a time, premium invoiced when no loss is open, the year renewed or closed once little is open.
  if ('premiumDeclared' in c) return boundedPolicy(c, type);
  if (type === 'applicant.request-limit') return c.limits.length < 2;
  if (type === 'applicant.declare-shipment') return c.shipments.length < 1;
  if (type === 'liaison.refuse-claim') return c.claimsRefused < 1;
  // Policies: two losses (one paid or refused, one averted) and one renewal reach every turn.
  if (type === 'applicant.notify-loss' && Array.isArray(c.claims)) return c.claims.length + c.claimsRefused + c.lossesAverted < 2;
  if (type === 'liaison.prepare-renewal') return c.periods < 2;
  if (type === 'liaison.record-recovery' && Array.isArray(c.recoveries)) return c.recoveries.length < 1;
  // Loans: two drawdowns and two repayments reach every turn; one restructuring is enough.
  const loan = 'interestPaid' in c;
  if (loan && (type === 'liaison.drawdown' || type === 'liaison.disburse')) return c.drawdowns.length < 2 && c.repayments.length === 0;
  if (type === 'liaison.prepare-restructuring') return c.restructured < 1;
  if (type === 'liaison.prepare-cancellation') return c.cancelled === 0 && c.repayments.length === 0;
  return true;
}

function boundedPolicy(c: Record<string, any>, type: string): boolean {
  const has = (status: string) => c.buyers.some((b: { status: string }) => b.status === status);
  const limitsPhase = c.shipmentsDeclared === 0 && c.period?.no === 1 && c.pending === null;
  // Shipments go on only after one limit was reduced and another cancelled: every limit decision was walked.
  const canShip = c.limitChanges === 1 && has('cancelled') && has('approved');
  const quiet = c.losses.length === 0 && c.invoices.length === 0 && c.pending === null;
  const bothApproved = c.buyers.length === 2 && c.buyers.every((b: { status: string }) => b.status === 'approved');
  switch (type) {
    case 'applicant.request-limit': return limitsPhase && c.buyers.length < 2;
    case 'liaison.approve-limit': case 'liaison.refuse-limit': return limitsPhase;
    case 'liaison.reduce-limit': return limitsPhase && bothApproved && c.limitChanges < 1;
    case 'liaison.cancel-limit': return limitsPhase && bothApproved && c.limitChanges === 1;
    case 'applicant.declare-shipment': return canShip && c.shipmentsDeclared < 2 && quiet;
    case 'applicant.report-payment': return c.losses.length === 0 && c.invoices.length === 0;
    case 'applicant.notify-loss': return c.losses.length === 0 && c.invoices.length === 0 && c.lossesNotified < 2;
    case 'liaison.invoice-premium': return c.losses.length === 0 && c.pending === null;
    case 'liaison.record-recovery': return c.recoveries < 1;
    case 'liaison.prepare-renewal': return (c.period?.no ?? 0) < 2 && c.shipmentsDeclared > 0 && c.shipments.length === 0 && quiet;
    case 'liaison.prepare-close': return (c.shipmentsDeclared > 0 || !canShip) && c.shipments.length <= 1 && quiet;
    default: return true;
  }
}

const PARTIAL = new Set(['liaison.record-premium', 'officer.disburse', 'finance.prepare-payment', 'finance.record-repayment', 'liaison.drawdown', 'liaison.disburse', 'liaison.record-repayment']);

/** Events of the current state, with example data and an actor that the guards accept if any;
 *  amounts are also tried at half the example (a partial tranche or repayment) early on. */
export function generateEvents(wf: Workflow) {
  return (s: AnyMachineSnapshot): WorkflowEvent[] => wf.eventTypesIn(s).filter((t) => bounded(s, t)).flatMap((type) => {
    const role = wf.events.find((e) => e.type === type)!.roles[0];
    // One public objection is on file, so the explorer also walks its resolution.
    const tries = POOL[role].map((id) => event(wf, s, type, { actor: actor(wf, role, id), facts: { objectionIds: [900] } }));
    const ev = tries.find((e) => wf.refusal(s, e) === null) ?? tries[0];
    const c = s.context;
    const payments = ['tranches', 'drawdowns', 'repayments'].reduce((n, k) => n + (Array.isArray(c[k]) ? c[k].length : 0), 0);
    const amount = ev.data.amount;
    // A repayment of everything owed (early repayment in full), besides the instalment of the example.
    // and all the principal without the interest (it leaves interest owed).
    const repayment = type === 'liaison.record-repayment' && 'interestPaid' in c;
    // After two repayments only the one that repays everything owed is tried: the walk stays finite and can still end.
    if (repayment && c.repayments.length >= 2) return [{ ...ev, data: { ...ev.data, amount: c.drawn - c.repaid } }];
    const full = [
      ...(repayment && c.drawn - c.repaid !== amount ? [{ ...ev, data: { ...ev.data, amount: c.drawn - c.repaid } }] : []),
      ...(repayment && Number(ev.data.interest) > 0 && c.drawn > c.repaid ? [{ ...ev, data: { ...ev.data, amount: c.drawn - c.repaid, interest: 0 } }] : []),
    ];
    if (!PARTIAL.has(type) || typeof amount !== 'number' || amount < 2 || payments > 2) return [ev, ...full];
    return [ev, { ...ev, data: { ...ev.data, amount: Math.floor(amount / 2) } }, ...full];
  });
}

const VOLATILE = /^(at|stepCount|lastEventAt|.*At|shippedOn|dueDate|policyNo|contractNo|repaymentDueDate)$/;
/** A loan's amounts and dates vary with every order of events; what decides the next turn is
 *  which of them are zero, how many steps of each kind were taken and what awaits signature. */
const loanShape = (c: Record<string, any>) => {
  const has = (n: unknown) => Number(n ?? 0) > 0;
  return {
    cp: !!c.conditionsMet, drawn: c.drawdowns.length, undrawn: has(Number(c.committedAmount ?? 0) - c.drawn), out: has(c.drawn - c.repaid),
    interest: has(c.interestAccrued - c.interestPaid), repaid: c.repayments.length, pending: c.pending?.kind ?? null, cancelled: has(c.cancelled),
    overdue: !!c.overdueSince, def: !!c.defaultDeclared, restructured: c.restructured, recovered: has(c.recovered), ext: c.extensions?.length ?? 0,
    returns: c.returnCount, limits: c.limits, approved: c.committedAmount ?? c.approvedAmount ?? null,
  };
};
/** A policy's (version 3) next turn depends on which buyers can take shipments, what is open and what was counted. */
const policyShape = (c: Record<string, any>) => ({
  buyers: c.buyers.map((b: any) => [b.status, b.requested !== null, b.exposure > 0, b.limit > b.exposure, b.admitted > b.recovered]),
  open: c.shipments.map((s: any) => s.lossId !== null), losses: c.losses.map((l: any) => [l.claimed !== null, l.assessedLoss !== null]),
  invoices: c.invoices.length, uninvoiced: c.premiumDeclared > c.premiumInvoiced, suspended: c.suspendedSince !== null, pending: c.pending?.kind ?? null,
  n: [c.period?.no, c.shipmentsDeclared, c.lossesNotified, c.recoveries, c.limitChanges, c.returnCount],
  ending: c.ending, terms: !!c.terms,
});
/** Once a grant is approved, nothing that came before (scores, objections, returns, who
 *  prepared the approval) decides a later turn: cases that differ only there are one state. */
const BEFORE_APPROVAL = new Set(['objections', 'objectionResolutions', 'returnCount', 'declinedRefusals', 'scores', 'panel', 'preparedBy', 'recommendation', 'returnReason', 'resubmitNote', 'refusalProposal']);
const grantApproved = (c: Record<string, any>) => 'advanceCeiling' in c && c.approvedAmount !== null;
export const serialize = (s: AnyMachineSnapshot) => (s.status === 'done' ? JSON.stringify({ v: s.value }) : 'premiumDeclared' in s.context
  ? JSON.stringify({ v: s.value, c: policyShape(s.context) }) : 'interestPaid' in s.context
  ? JSON.stringify({ v: s.value, c: loanShape(s.context) })
  : JSON.stringify({ v: s.value, c: s.context }, (k, v) => (VOLATILE.test(k) || (grantApproved(s.context) && BEFORE_APPROVAL.has(k)) ? undefined : v)));

const traversal = (wf: Workflow) => ({
  input: wf.initialInput(wf.formExample),
  events: generateEvents(wf) as never,
  serializeState: serialize as never,
  limit: 50_000,
});

export const explore = (wf: Workflow) => getShortestPaths(wf.machine, traversal(wf));
export const adjacency = (wf: Workflow) => getAdjacencyMap(wf.machine, traversal(wf));

export function leafStates(wf: Workflow): string[] {
  const keys = Object.keys(wf.stateLabels);
  return keys.filter((k) => !keys.some((other) => other.startsWith(`${k}.`)));
}
