// Builds a Workflow (types.ts) from one compact definition: states with labels, events with
// their schema, effect and example, and named rules. Each rule returns a reason or null and is
// used both as the machine's guard and by `refusal()`, so the two can never disagree.
import { assign, setup, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { FormCheck } from './form-checks';
import { invalidData } from './messages';
import {
  ROLES, type Actor, type Bilingual, type CaseFacts, type DecisionKind, type DecisionSpec, type DocumentKind, type EventSpec, type FactSpec, type PanelSpec,
  type FieldChoice, type FieldHint, type InstitutionCode, type OutsideDesignated, type ProgrammeCode, type Reason, type Role, type Workflow, type WorkflowEvent,
} from './types';
import { activeEvents, candidateTransitions, closedLeaves, stateKey } from './state-nodes';
import type { CaseFigures } from './figures';
import { INSTITUTIONS } from './institutions';

export type Rule<C> = (ctx: C, ev: WorkflowEvent) => Reason | null;

export interface EventDef<C> extends Omit<EventSpec, 'irreversible'> {
  /** Defaults to true for events that issue a decision; set for payments, withdrawal, closing. */
  irreversible?: boolean;
  /** Figures the case already holds that bear on a field (shown beside it, never filled in). */
  hints?: (ctx: C) => Record<string, FieldHint[]>;
  /** Choices for fields that pick from the case (a pending request). */
  choices?: (ctx: C) => Record<string, FieldChoice[]>;
  /** How the context changes when the event is accepted (pure, JSON values only). */
  effect?: (ctx: C, ev: WorkflowEvent) => Partial<C>;
  /** Data that passes the schema and the data-dependent rules now. */
  example?: (ctx: C, actor: Actor, facts?: CaseFacts) => Record<string, unknown>;
  /** Optional events (withdrawal, objections) do not make a state wait on their roles. */
  optional?: boolean;
  /** The decision (决定) this event issues when accepted. */
  decision?: (before: C, after: C, ev: WorkflowEvent, fromState: string) => DecisionSpec | null;
}

export interface Go { target: string | null; guard: string }
/** A transition: to a dotted state (null = stay), allowed when the named rule gives no reason. */
export const go = (target: string | null, guard = 'valid'): Go => ({ target, guard });

export interface StateDef {
  label: Bilingual;
  final?: true;
  initial?: string;
  on?: Record<string, Go | Go[]>;
  states?: Record<string, StateDef>;
}

export interface Timer { type: string; at: string }

export interface WorkflowDef<C> {
  code: ProgrammeCode;
  /** Bumped when states or the context change shape; cases keep the version they began with. */
  version?: number;
  institution: InstitutionCode;
  /** Roles of the institution that act on the cases; by default every role its staff may hold. */
  actingRoles?: Role[];
  /** Other institutions taking part, with their acting roles. */
  partners?: Partial<Record<InstitutionCode, Role[]>>;
  name: Bilingual;
  summary: Bilingual;
  referencePrefix: string;
  /** 政策 一.(一): a central or western project outside the designated locations (重点承接地) is
   *  refused, or taken at a lower priority. Every programme says which. */
  outsideDesignated: OutsideDesignated;
  /** Applications only against an open call (申报指南), naming the form's category field. */
  calls?: { categoryField: string };
  formSchema: z.ZodObject<any>;
  formExample: Record<string, unknown>;
  /** Rules relating fields of the form (already part of formSchema), to show at their field. */
  formChecks?: FormCheck[];
  documents: DocumentKind[];
  initialContext(form: Record<string, unknown>): C;
  events: EventDef<C>[];
  rules: Record<string, Rule<C>>;
  states: Record<string, StateDef>;
  /** The next timed event (公示 end, repayment due) for a context in a state, if any. */
  timer?: (ctx: C, state: string) => Timer | null;
  /** The programme contract (types.ts): what others may read of a case without knowing its context. */
  facts?: FactSpec<C>[];
  staffOnly?: string[];
  panel?: PanelSpec<C>;
  decisions?: DecisionKind[];
  figures?: (ctx: C) => CaseFigures;
}

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

export { candidateTransitions, closedLeaves, stateKey } from './state-nodes';

function toMachineStates(machineId: string, states: Record<string, StateDef>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(states)) {
    const on: Record<string, unknown> = {};
    for (const [type, g] of Object.entries(def.on ?? {})) {
      on[type] = (Array.isArray(g) ? g : [g]).map((t) => ({
        target: t.target === null ? undefined : `#${machineId}.${t.target}`,
        guard: t.guard,
        actions: 'record',
      }));
    }
    out[key] = {
      ...(def.final ? { type: 'final' } : {}),
      ...(def.initial ? { initial: def.initial } : {}),
      ...(def.states ? { states: toMachineStates(machineId, def.states) } : {}),
      on,
    };
  }
  return out;
}

function collectLabels(states: Record<string, StateDef>, prefix = ''): Record<string, Bilingual> {
  const labels: Record<string, Bilingual> = {};
  for (const [key, def] of Object.entries(states)) {
    labels[prefix + key] = def.label;
    if (def.states) Object.assign(labels, collectLabels(def.states, `${prefix}${key}.`));
  }
  return labels;
}

function schemaReason(schema: z.ZodType, data: unknown): Reason | null {
  const parsed = schema.safeParse(data ?? {});
  return parsed.success ? null : invalidData(schema, parsed.error.issues, data ?? {});
}

export function defineWorkflow<C extends Record<string, unknown>>(def: WorkflowDef<C>): Workflow<C> {
  const specs = new Map(def.events.map((e) => [e.type, e]));
  const dataReason = (ev: WorkflowEvent) => {
    const spec = specs.get(ev.type);
    return spec ? schemaReason(spec.schema, ev.data) : bi('未知事件', 'Unknown event');
  };
  const ruleReason = (name: string, ctx: C, ev: WorkflowEvent): Reason | null => {
    if (name === 'valid') return null;
    const rule = def.rules[name];
    if (!rule) throw new Error(`${def.code}: no rule named ${name}`);
    return rule(ctx, ev);
  };
  const guards: Record<string, (a: { context: C; event: WorkflowEvent }) => boolean> = {};
  for (const name of ['valid', ...Object.keys(def.rules)]) {
    guards[name] = ({ context, event }) => dataReason(event) === null && ruleReason(name, context, event) === null;
  }
  const machine = setup({
    types: { context: {} as C, events: {} as WorkflowEvent, input: {} as C },
    guards,
    actions: {
      // One recording action: the event's own effect plus the time of the last step.
      record: assign(({ context, event }) => ({
        ...(specs.get(event.type)?.effect?.(context, event) ?? {}),
        lastEventAt: event.facts.now,
        stepCount: Number(context.stepCount ?? 0) + 1,
      }) as unknown as Partial<C>),
    },
  }).createMachine({
    id: def.code,
    context: ({ input }) => input,
    initial: 'draft',
    states: toMachineStates(def.code, def.states) as any,
  }) as AnyStateMachine;

  const closedStates = closedLeaves(machine.root);
  const isFinal = (s: AnyMachineSnapshot) => s.status === 'done' || closedStates.has(stateKey(s));
  const eventTypesIn = (s: AnyMachineSnapshot) =>
    isFinal(s) ? [] : activeEvents(s);

  const refusal = (s: AnyMachineSnapshot, ev: WorkflowEvent): Reason | null => {
    if (isFinal(s)) return bi('案件已办结，不再接受操作', 'The case is finished and accepts no further steps');
    if (!specs.has(ev.type)) return bi(`本项目没有“${ev.type}”操作`, `This programme has no event "${ev.type}"`);
    const candidates = candidateTransitions(s, ev.type);
    if (candidates.length === 0) {
      const label = collectLabels(def.states)[stateKey(s)];
      return bi(`当前状态（${label?.zh}）不接受此操作`, `This step is not possible in the current state (${label?.en})`);
    }
    const bad = dataReason(ev);
    if (bad) return bad;
    let reason: Reason | null = null;
    for (const t of candidates) {
      reason = ruleReason(String(t.guard ?? 'valid'), s.context as C, ev);
      if (reason === null) return null;
    }
    return reason; // the last candidate is the general case, so its reason is the telling one
  };

  const timer = (s: AnyMachineSnapshot) => (isFinal(s) ? null : def.timer?.(s.context as C, stateKey(s)) ?? null);

  return {
    code: def.code,
    version: def.version ?? 1,
    institution: def.institution,
    actingRoles: def.actingRoles ?? [...INSTITUTIONS[def.institution].roles],
    partners: def.partners ?? {},
    name: def.name,
    summary: def.summary,
    referencePrefix: def.referencePrefix,
    outsideDesignated: def.outsideDesignated,
    calls: def.calls ?? null,
    machine,
    formSchema: def.formSchema,
    formExample: def.formExample,
    formChecks: def.formChecks ?? [],
    documents: def.documents,
    events: def.events.map(({ type, label, roles, schema, irreversible, amountField, decision }) =>
      ({ type, label, roles, schema, irreversible: irreversible ?? decision !== undefined, ...(amountField ? { amountField } : {}) })),
    facts: def.facts ?? [],
    staffOnly: def.staffOnly ?? [],
    panel: def.panel ?? null,
    decisions: def.decisions ?? [],
    figures: (ctx) => def.figures?.(ctx) ?? {},
    stateLabels: collectLabels(def.states),
    initialInput: (form) => def.initialContext(form),
    eventTypesIn,
    refusal,
    example: (s, type, actor, facts) => specs.get(type)?.example?.(s.context as C, actor, facts) ?? {},
    fieldHints: (s, type) => specs.get(type)?.hints?.(s.context as C) ?? {},
    fieldChoices: (s, type) => specs.get(type)?.choices?.(s.context as C) ?? {},
    dueEvent(s, now) {
      const t = timer(s);
      return t && Date.parse(now) >= Date.parse(t.at) ? { type: t.type, data: {} } : null;
    },
    nextDueAt: (s) => timer(s)?.at ?? null,
    decision(before, after, ev) {
      if (before === after || JSON.stringify([before.value, before.context]) === JSON.stringify([after.value, after.context])) return null;
      return specs.get(ev.type)?.decision?.(before.context as C, after.context as C, ev, stateKey(before)) ?? null;
    },
    isFinal,
    isClosedState: (state) => closedStates.has(state),
    waitingOn(s) {
      const types = new Set(eventTypesIn(s));
      const roles = new Set<Role>(def.events.filter((e) => types.has(e.type) && !e.optional).flatMap((e) => e.roles));
      return [...ROLES, 'system' as Role].filter((r) => roles.has(r));
    },
  };
}
