// SQLite's SQL, as the domain and drizzle's SQLite dialect write it, said in PostgreSQL's: the
// parameters are numbered, a few words differ. SQLite's functions the domain uses (json_extract,
// json_each, julianday, strftime) exist in PostgreSQL too, made by migrations-pg/0007.

export interface PgSql {
  sql: string;
  /** Names of the named parameters (`:name`, `@name`) in order of their numbers; null: positional. */
  names: string[] | null;
  /** An insert into a table with an `id` sequence: `returning "id"` was added, for lastInsertRowid. */
  returningId: boolean;
}

const cache = new Map<string, PgSql>();

/** Tables whose `id` is a sequence (serial), for lastInsertRowid. Filled from the schema. */
export const serialTables = new Set<string>();

export function toPostgres(source: string): PgSql {
  const hit = cache.get(source);
  if (hit) return hit;
  let out = '';
  let n = 0;
  const names: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      const stop = end < 0 ? source.length : end + 1;
      out += source.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (ch === '?') {
      const digits = /^\d+/.exec(source.slice(i + 1))?.[0] ?? '';
      out += `$${digits ? Number(digits) : ++n}`;
      i += digits.length;
      continue;
    }
    if ((ch === ':' || ch === '@') && source[i - 1] !== ':' && source[i + 1] !== ':') {
      const name = /^[A-Za-z_]\w*/.exec(source.slice(i + 1))?.[0];
      if (name) {
        let k = names.indexOf(name);
        if (k < 0) k = names.push(name) - 1;
        out += `$${k + 1}`;
        i += name.length;
        continue;
      }
    }
    // Outside quotes: words that differ.
    const rest = source.slice(i);
    const word = /^(temp\.|like\b|total_changes\(\)|as\s+([a-z]\w*[A-Z]\w*)\b|as real\b)/i.exec(rest);
    if (word && !/\w/.test(source[i - 1] ?? '')) {
      const w = word[1]!.toLowerCase();
      if (w === 'temp.') out += 'pg_temp.';
      else if (w === 'like') out += 'ilike'; // SQLite's LIKE ignores the case of ASCII letters
      else if (w === 'total_changes()') out += '0';
      else if (w === 'as real') out += 'as double precision';
      else out += `as "${word[2]}"`; // unquoted aliases would be folded to lower case
      i += word[0].length - 1;
      continue;
    }
    out += ch;
  }
  // PostgreSQL names the conflict target's columns without their table.
  out = out.replace(/on conflict \(([^)]*)\)/gi, (m: string, cols: string) => `on conflict (${cols.replace(/"\w+"\./g, '')})`);
  // A parameter tested for null alone has no type PostgreSQL could infer.
  out = out.replace(/(\$\d+) is (not )?null/gi, '$1::text is $2null');
  // drizzle's SQLite inserts write null for an id left out (SQLite then numbers the row); here the sequence does.
  if (/^\s*insert\s+into\s+"\w+"\s*\("id",/i.test(out)) out = out.replace(/(values \(|\), \()null,/gi, '$1default,');
  if (names.length && n) throw new Error('SQL with both named and numbered parameters');
  const insert = /^\s*insert\s+into\s+"?(\w+)"?/i.exec(out);
  const returningId = !!insert && serialTables.has(insert[1]!) && !/\breturning\b/i.test(out);
  if (returningId) out += ' returning "id"';
  const result = { sql: out, names: names.length ? names : null, returningId };
  if (cache.size > 5000) cache.clear();
  cache.set(source, result);
  return result;
}
