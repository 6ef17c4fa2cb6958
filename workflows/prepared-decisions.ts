// Decisions taken after the credit or the policy is granted (cancel a commitment, declare a
// default, restructure, recover, write off, extend, close a policy) are prepared by one person
// and signed by another (DOMAIN: four eyes). A prepared decision waits in the context until a
// second liaison signs it, which issues its letter, or returns it, which drops it.
import { z } from 'zod';
import type { EventDef, Rule } from './define-workflow';
import { note, reason } from './form-fields';
import { bi, fourEyesReason } from './policy-guards';
import type { Bilingual, DecisionSpec, WorkflowEvent } from './types';

export type Prepared = { kind: string; data: Record<string, unknown>; by: number; at: string };
export type PreparedContext = { pending: Prepared | null; decisionsSigned: number };

export interface DecisionKind<C> {
  label: Bilingual;
  /** How the signed decision changes the context (the prepared data is in `p.data`). */
  apply: (c: C, p: Prepared, ev: WorkflowEvent) => Partial<C>;
  letter: (before: C, after: C, p: Prepared) => DecisionSpec;
}

/** An event that prepares a decision of `kind` for a second person to sign. */
export function prepareEvent<C extends PreparedContext>(o: {
  type: string; kind: string; label: Bilingual; schema: z.ZodObject<any>; example: EventDef<C>['example'];
}): EventDef<C> {
  return {
    type: o.type, label: o.label, roles: ['liaison'], schema: o.schema, example: o.example,
    effect: (_c, ev) => ({ pending: { kind: o.kind, data: ev.data, by: ev.actor.id, at: ev.facts.now } }) as Partial<C>,
  };
}

export function signingEvents<C extends PreparedContext>(kinds: Record<string, DecisionKind<C>>): EventDef<C>[] {
  return [
    { type: 'liaison.sign-decision', label: bi('签发已拟定的决定', 'Sign the prepared decision'), roles: ['liaison'],
      schema: z.object({ note: note.optional() }).strict(),
      effect: (c, ev) => ({ ...kinds[c.pending!.kind]!.apply(c, c.pending!, ev), pending: null, decisionsSigned: c.decisionsSigned + 1 }) as Partial<C>,
      example: () => ({}),
      decision: (before, after) => kinds[before.pending!.kind]!.letter(before, after, before.pending!) },
    { type: 'liaison.return-decision', label: bi('退回拟定的决定', 'Return the prepared decision'), roles: ['liaison'],
      schema: z.object({ reason }).strict(),
      effect: () => ({ pending: null }) as Partial<C>,
      example: () => ({ reason: '依据不足，请补充 / Grounds insufficient, please complete' }) },
  ];
}

const kindName = (kinds: Record<string, DecisionKind<any>>, kind: string) => kinds[kind]?.label ?? bi(kind, kind);

/** Rules: `signs:<kind>` (a prepared decision of that kind, signed by another person), plus
 *  `nothingPrepared` for the prepare events and `somethingPrepared` for returning one. */
export function signingRules<C extends PreparedContext>(kinds: Record<string, DecisionKind<C>>, extra: Record<string, Rule<C>> = {}): Record<string, Rule<C>> {
  const rules: Record<string, Rule<C>> = {
    nothingPrepared: (c) => (c.pending ? bi(`已有待签发的决定（${kindName(kinds, c.pending.kind).zh}），请先签发或退回`,
      `A prepared decision (${kindName(kinds, c.pending.kind).en}) awaits signature: sign or return it first`) : null),
    somethingPrepared: (c) => (c.pending ? null : bi('没有待签发的决定', 'No decision is waiting to be signed')),
  };
  for (const kind of Object.keys(kinds)) {
    // Four eyes first, so that the refusal a person sees is the one that concerns them.
    rules[`signs:${kind}`] = (c, ev) => {
      if (!c.pending) return bi('没有待签发的决定', 'No decision is waiting to be signed');
      const eyes = fourEyesReason(ev.actor.id, [c.pending.by]);
      if (eyes) return eyes;
      if (c.pending.kind !== kind) {
        return bi(`拟定的决定（${kindName(kinds, c.pending.kind).zh}）在当前状态下不能签发，请退回`,
          `The prepared decision (${kindName(kinds, c.pending.kind).en}) cannot be signed in this state: return it`);
      }
      return extra[kind]?.(c, ev) ?? null;
    };
  }
  return rules;
}

/** Who prepared and who signed, for the reasons of a letter. */
export const basisLine = (p: Prepared) => {
  const basis = typeof p.data.basis === 'string' && p.data.basis ? `；合同依据 / Contractual basis: ${p.data.basis}` : '';
  return `${String(p.data.reason ?? '')}${basis}`;
};
