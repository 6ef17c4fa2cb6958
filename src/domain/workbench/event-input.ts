// Turns the fields of a generated event form (views/components/event-forms.tsx) back into the
// event's data, guided by the same JSON Schema the form was drawn from. The workflow's zod
// schema then validates the result inside applyEvent, so this only converts types.
export type FormBody = Record<string, string | File | (string | File)[]>;

interface PropSchema { type?: string; items?: { type?: string }; enum?: unknown[] }

/** Form fields are named `d.<property>` so that they never collide with type, version or _csrf. */
export const FIELD_PREFIX = 'd.';

const strings = (v: FormBody[string] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

function convert(prop: PropSchema, raw: string[]): unknown {
  const one = raw[0]?.trim() ?? '';
  switch (prop.type) {
    case 'integer':
    case 'number':
      return one === '' ? undefined : Number(one);
    case 'boolean':
      return raw.includes('on') || raw.includes('true');
    case 'array':
      if (prop.items?.type === 'integer' || prop.items?.type === 'number') {
        return raw.flatMap((s) => s.split(/[,\s，、]+/)).filter(Boolean).map(Number);
      }
      return parseJson(one);
    case 'object':
      return parseJson(one);
    default:
      return raw[0]; // '' stays: a required text may be empty (conditions: none)
  }
}

function parseJson(s: string): unknown {
  if (s === '') return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return s; // left as text: the zod schema answers with a readable refusal
  }
}

export function eventDataFromForm(schema: Record<string, unknown>, body: FormBody): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, PropSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const data: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(props)) {
    // A group of checkboxes posts `d.<name>[]` (one name shared by design).
    const value = convert(prop, [...strings(body[FIELD_PREFIX + name]), ...strings(body[`${FIELD_PREFIX}${name}[]`])]);
    // An optional text left empty is absent, not "" (which min-length rules would refuse).
    if (value === undefined || (value === '' && !required.has(name))) continue;
    data[name] = value;
  }
  return data;
}
