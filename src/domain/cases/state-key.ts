/** XState's state value as the dotted string of the API: { review: 'expert' } → 'review.expert'. */
export function stateValueKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (k === undefined) return '';
    const rest = stateValueKey(v);
    return rest ? `${k}.${rest}` : k;
  }
  return '';
}
