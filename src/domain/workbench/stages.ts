// Which (programme, state) pairs wait on which role. waitingOn() depends only on the state
// value, so the table is computed once from the workflows and queues become index lookups on
// cases(programme_code, state) instead of restoring 100,000 snapshots.
import { PROGRAMME_CODES, workflowFor } from '../../../workflows/index';
import type { Bilingual, Role } from '../../../workflows/types';

export interface Stage { programme: string; state: string; label: Bilingual; waitingOn: Role[]; final: boolean }

function stateValue(key: string): unknown {
  const parts = key.split('.');
  return parts.reduceRight<unknown>((inner, part) => (inner === undefined ? part : { [part]: inner }), undefined);
}

function computeStages(): Stage[] {
  const out: Stage[] = [];
  for (const code of PROGRAMME_CODES) {
    const w = workflowFor(code)!;
    const keys = Object.keys(w.stateLabels);
    // Parent states ('review') are never stored: cases sit in a leaf ('review.expert').
    const leaves = keys.filter((k) => !keys.some((o) => o.startsWith(`${k}.`)));
    const context = w.initialInput(w.formExample);
    for (const state of leaves) {
      const snapshot = w.machine.resolveState({ value: stateValue(state) as any, context });
      out.push({ programme: code, state, label: w.stateLabels[state]!, waitingOn: w.waitingOn(snapshot), final: w.isFinal(snapshot) });
    }
  }
  return out;
}

export const STAGES: Stage[] = computeStages();

export function stageOf(programme: string, state: string): Stage | undefined {
  return STAGES.find((s) => s.programme === programme && s.state === state);
}

/** The stages whose next step is the role's (a queue), within the programmes the user may see. */
export function stagesWaitingOn(role: Role, programmes: string[]): Stage[] {
  return STAGES.filter((s) => programmes.includes(s.programme) && s.waitingOn.includes(role));
}
