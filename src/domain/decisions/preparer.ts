// Four eyes on every decision (API.md): the record names who prepared it and who signed it.
// The workflows keep the preparers in their context; this reads them without knowing the programme.

const id = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null);

/**
 * The person who prepared the decision the signer is issuing: for an acceptance decision the
 * officer who proposed acceptance, for a claim the underwriter who assessed it, otherwise the
 * latest of the case's preparers who is not the signer. Null when the workflow recorded none.
 */
export function preparerOf(context: unknown, outcome: string, signerId: number): number | null {
  const c = (context ?? {}) as Record<string, unknown>;
  const other = (v: unknown) => { const n = id(v); return n !== null && n !== signerId ? n : null; };
  const nested = (key: string, field: string) => other((c[key] as Record<string, unknown> | null | undefined)?.[field]);
  if (outcome.startsWith('acceptance')) return nested('acceptance', 'proposedBy') ?? latest(c, other);
  if (outcome.startsWith('claim')) return nested('claim', 'preparedBy') ?? latest(c, other);
  return latest(c, other) ?? nested('recommendation', 'by');
}

function latest(c: Record<string, unknown>, other: (v: unknown) => number | null): number | null {
  const list = Array.isArray(c.preparedBy) ? c.preparedBy : [];
  for (let i = list.length - 1; i >= 0; i--) {
    const n = other(list[i]);
    if (n !== null) return n;
  }
  return null;
}
