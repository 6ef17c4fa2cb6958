// Turns the fields of a generated event form (views/components/event-forms.tsx) back into the
// event's data, guided by the same JSON Schema the form was drawn from. The workflow's zod
// schema then validates the result inside applyEvent, so this only converts types.
export type FormBody = Record<string, string | File | (string | File)[]>;

interface PropSchema { type?: string; items?: PropSchema; enum?: unknown[]; properties?: Record<string, PropSchema>; maxItems?: number }

/** Form fields are named `d.<property>` so that they never collide with type, version or _csrf. */
const FIELD_PREFIX = 'd.';

const strings = (v: FormBody[string] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

function convert(prop: PropSchema, raw: string[]): unknown {
  const one = raw[0]?.trim() ?? '';
  switch (prop.type) {
    case 'integer':
    case 'number':
      // Text that is not a number stays text, so the schema's message names the field.
      return one === '' ? undefined : Number.isFinite(Number(one)) ? Number(one) : one;
    case 'boolean':
      return raw.includes('on') || raw.includes('true');
    case 'array':
      if (prop.items?.type === 'integer' || prop.items?.type === 'number') {
        return raw.flatMap((s) => s.split(/[,\s，、]+/)).filter(Boolean).map(Number);
      }
      return undefined; // lists of rows are read by rowsOf
    case 'object':
      return undefined;
    default:
      return raw[0]; // '' stays: a required text may be empty (conditions: none)
  }
}

/** Rows of a list field (`d.schedule.0.dueDate`, `d.schedule.0.amount`, …); empty rows are dropped. */
function rowsOf(name: string, item: PropSchema, max: number, body: FormBody): Record<string, unknown>[] | undefined {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < max; i++) {
    const row: Record<string, unknown> = {};
    for (const [k, sub] of Object.entries(item.properties ?? {})) {
      const v = convert(sub, strings(body[`${FIELD_PREFIX}${name}.${i}.${k}`]));
      if (v !== undefined && v !== '') row[k] = v;
    }
    if (Object.keys(row).length) rows.push(row);
  }
  return rows.length ? rows : undefined;
}

export function eventDataFromForm(schema: Record<string, unknown>, body: FormBody): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, PropSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const data: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(props)) {
    // A group of checkboxes posts `d.<name>[]` (one name shared by design); rows post `d.<name>.<i>.<key>`.
    const value = prop.type === 'array' && prop.items?.type === 'object'
      ? rowsOf(name, prop.items, Math.min(prop.maxItems ?? 50, 360), body)
      : convert(prop, [...strings(body[FIELD_PREFIX + name]), ...strings(body[`${FIELD_PREFIX}${name}[]`])]);
    // An optional text left empty is absent, not "" (which min-length rules would refuse).
    if (value === undefined || (value === '' && !required.has(name))) continue;
    data[name] = value;
  }
  return data;
}
