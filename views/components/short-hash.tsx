// A SHA-256 is 64 characters: in full it pushes a table past a phone's width. The page shows its
// first 12 characters and opens to the whole value (a <details>, so it works without script and
// the full value stays selectable for comparison).
import type { FC } from 'hono/jsx';

export const ShortHash: FC<{ value: string; label?: string }> = ({ value, label }) =>
  value.length <= 16 ? <code class="hash">{value}</code> : (
    <details class="short-hash">
      <summary><code aria-label={label}>{value.slice(0, 12)}…</code></summary>
      <code class="hash full">{value}</code>
    </details>
  );
