// The facts a case's pages show, as its programme declares them (workflows/*-contract.ts):
// no reader here knows a field of the workflow context.
import type { Bilingual, FactSpec } from '../../../workflows/types';
import { storedContext, workflowOf, type CaseRow } from './load-case';

export interface ShownFact { key: string; label: Bilingual; kind: FactSpec['kind']; value: string | number }

/** The declared facts that have a value (zero amounts and empty texts are left out). */
export function shownFacts(row: CaseRow): ShownFact[] {
  const ctx = storedContext(row);
  const out: ShownFact[] = [];
  for (const f of workflowOf(row).facts) {
    const v = f.value(ctx);
    if (v === undefined || v === null || v === 0 || v === '') continue;
    out.push({ key: f.key, label: f.label, kind: f.kind, value: v });
  }
  return out;
}
