// The one schema-form module: the JSON Schema of a zod schema (application forms and event forms
// alike), the label of each field, and the posted fields parsed back into data. Pages draw their
// inputs from these nodes and the routes parse with `dataFromFields`, so what a page asks is
// exactly what the API validates. Labels come from zod's `.meta({ label })`; the description
// split (`项目名称 / Project name`) is only the fallback for a schema declared without one.
import { z } from 'zod';
import type { Bilingual } from './types';

/** One node of the JSON Schema zod writes (`io: 'input'`), with the `label` of `.meta()`. */
export interface JsonSchema {
  type?: string; description?: string; label?: Bilingual; format?: string; pattern?: string;
  enum?: (string | number)[]; minimum?: number; maximum?: number; exclusiveMinimum?: number;
  minLength?: number; maxLength?: number; maxItems?: number;
  properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[];
}

const cache = new WeakMap<z.ZodType, JsonSchema>();
/** The JSON Schema of a zod schema (the one the API publishes), computed once per schema. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let j = cache.get(schema);
  if (!j) cache.set(schema, (j = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema));
  return j;
}

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** Groups the schemas leave undescribed. */
const GROUP_LABELS: Record<string, Bilingual> = {
  contact: bi('联系人信息', 'Contact'), order: bi('出口订单', 'Export order'),
  buyers: bi('买方', 'Buyers'), products: bi('加工贸易商品', 'Processing-trade products'),
  form: bi('申请表', 'Application form'), data: bi('填写内容', 'The entries'),
};

/** `项目名称 / Project name（…）` or `险种：… — Cover`: the label in each language, without hints in brackets. */
export function labelFromDescription(description: string | undefined, key: string): Bilingual {
  if (!description) return GROUP_LABELS[key] ?? bi('此项', 'This field');
  const dash = description.indexOf(' — ');
  const slash = description.indexOf(' / ');
  const [zh, en] = dash >= 0 ? [description.slice(0, dash), description.slice(dash + 3)]
    : slash >= 0 ? [description.slice(0, slash), description.slice(slash + 3)] : [description, description];
  const clean = (s: string) => s.replace(/[（(][^）)]*[）)]?$/, '').replace(/[：:].*$/, '').trim();
  return { zh: clean(zh) || (GROUP_LABELS[key]?.zh ?? '此项'), en: clean(en) || (GROUP_LABELS[key]?.en ?? 'This field') };
}

/** The label of a field: its `.meta({ label })`, else its description, else its group's name. */
export function labelOf(node: JsonSchema | undefined, key: string): Bilingual {
  return node?.label ?? labelFromDescription(node?.description, key);
}

/** A node relabelled (the rows of a list: 第 2 行还款日 / Row 2 due date). */
export const relabelled = (node: JsonSchema, label: Bilingual): JsonSchema => ({ ...node, label, description: undefined });

const LEGACY_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
/** A calendar day (`z.iso.date()`), drawn as a date input. */
export const isDateField = (node: JsonSchema): boolean => node.type === 'string' && (node.format === 'date' || node.pattern === LEGACY_DATE);

export type PostedFields = Record<string, unknown>;

/**
 * `draft`: an application form being saved, where an empty input is a field not yet filled in.
 * `event`: an event form, whose checkboxes are false when unticked and whose required texts
 * stay '' when left empty (so the schema names them). Names start with `prefix`.
 */
export interface ParseOptions { prefix?: string; mode: 'draft' | 'event' }

const strings = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** The posted fields back into data, guided by the schema the form was drawn from: numbers
 *  typed (text that is not a number stays text, so the schema's message names the field),
 *  objects from dotted names, lists of rows from numbered names with empty rows dropped. */
export function dataFromFields(schema: JsonSchema, fields: PostedFields, opts: ParseOptions): Record<string, unknown> {
  const prefix = opts.prefix ?? '';
  const leaf = (s: JsonSchema, name: string, required: boolean, inRow: boolean): unknown => {
    const raw = [...strings(fields[prefix + name]), ...strings(fields[`${prefix}${name}[]`])];
    const one = raw[0]?.trim() ?? '';
    switch (s.type) {
      case 'integer':
      case 'number':
        return one === '' ? undefined : Number.isFinite(Number(one)) ? Number(one) : one;
      case 'boolean':
        return raw.length ? raw.includes('on') || raw.includes('true') : opts.mode === 'event' && !inRow ? false : undefined;
      case 'array': // a group of checkboxes or a list typed as text: `1, 2, 3`
        if (!raw.length) return opts.mode === 'event' && !inRow ? [] : undefined; // none ticked is an empty choice
        return raw.flatMap((x) => x.split(/[,\s，、]+/)).filter(Boolean).map(Number);
      default:
        if (raw[0] === undefined) return undefined;
        // An optional text left empty is absent, not '' (which min-length rules would refuse).
        if (one === '') return opts.mode === 'event' && required && !inRow ? raw[0] : undefined;
        return raw[0];
    }
  };
  const node = (s: JsonSchema, name: string, required: boolean, inRow: boolean): unknown => {
    if (s.type === 'object' && s.properties) {
      const o: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties)) {
        const v = node(sub, `${name}.${k}`, (s.required ?? []).includes(k), inRow);
        if (v !== undefined && v !== '') o[k] = v;
      }
      return Object.keys(o).length ? o : undefined;
    }
    if (s.type === 'array' && s.items && (s.items.type === 'object' || s.items.type === 'string')) {
      const rows: unknown[] = [];
      for (let i = 0; i < Math.min(s.maxItems ?? 50, 360); i++) {
        const v = node(s.items, `${name}.${i}`, false, true);
        if (v !== undefined && v !== '') rows.push(v);
      }
      return rows.length ? rows : undefined;
    }
    return leaf(s, name, required, inRow);
  };
  const data: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(schema.properties ?? {})) {
    const v = node(s, k, (schema.required ?? []).includes(k), false);
    if (v !== undefined) data[k] = v;
  }
  return data;
}
