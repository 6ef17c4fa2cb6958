// The one catalogue of validation messages, in Chinese and English. A zod issue becomes a plain
// sentence naming the field by its label (schema-form's labelOf), never a field key,
// never zod's own wording; the pages show it at the field, the API sends both languages.
import { z } from 'zod';
import { groupDigits, yuan } from './display-format';
import { jsonSchemaOf, labelOf, type JsonSchema } from './schema-form';
import type { Bilingual, Reason } from './types';

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

type JsonNode = JsonSchema;
const jsonOf = jsonSchemaOf;

/** The label of the field at `path` of a schema; rows of a list are numbered (1-based). */
export function fieldLabelAt(schema: z.ZodType, path: PropertyKey[]): Bilingual {
  let node: JsonNode | undefined = jsonOf(schema);
  let label: Bilingual = labelOf(undefined, 'data');
  let row: number | null = null;
  for (const p of path) {
    if (!node) break;
    node = node.anyOf?.find((n) => n.properties || n.items) ?? node;
    if (typeof p === 'number' || /^\d+$/.test(String(p))) {
      row = Number(p) + 1;
      node = node.items;
      continue;
    }
    node = node.properties?.[String(p)];
    label = labelOf(node, String(p));
  }
  return row === null ? label : bi(`${label.zh}（第 ${row} 行）`, `${label.en} (row ${row})`);
}

const YUAN_HINT = /CNY yuan|人民币元/;
/** True when the field is an amount in yuan (its description says so). */
export function isYuan(schema: z.ZodType, path: PropertyKey[]): boolean {
  let node: JsonNode | undefined = jsonOf(schema);
  for (const p of path) node = typeof p === 'number' || /^\d+$/.test(String(p)) ? node?.items : node?.properties?.[String(p)];
  return YUAN_HINT.test(node?.description ?? '');
}

const grouped = (n: number, inYuan: boolean) => (inYuan ? yuan(n) : groupDigits(n));

/** Patterns the schemas use, by their source, with what the reader should type instead. */
const PATTERNS: Record<string, Bilingual> = {
  '^\\d{4}-\\d{2}-\\d{2}$': bi('请选择有效的日期', 'Choose a valid date'),
  '^\\d{4}(\\.?\\d{2}){0,3}$': bi('海关商品编码为 4–10 位数字，如 8471.30', 'An HS code has 4–10 digits, e.g. 8471.30'),
  '^[+\\d][\\d\\s-]{6,19}$': bi('请填写有效的电话号码，如 +86 23 6789 1234', 'Enter a valid phone number, e.g. +86 23 6789 1234'),
  '^[0-9+\\- ]{7,20}$': bi('请填写有效的电话号码，如 023 6789 1234', 'Enter a valid phone number, e.g. 023 6789 1234'),
  '^[0-9A-Z]{10}$': bi('应为 10 位数字或大写字母', 'has 10 digits or capital letters'),
};

/**
 * A rule's own sentence for a refine or a custom issue, in both languages: the catalogue shows
 * `params` as it is (zod's `message` keeps the same words for logs).
 */
export const rule = (zh: string, en: string) => ({ message: `${zh} / ${en}`, params: { zh, en } });

/** One zod issue as a sentence in each language, naming the field by its label; `value` is what was sent there. */
function issueMessage(issue: z.core.$ZodIssue, label: Bilingual, yuan = false, value?: unknown): Bilingual {
  const L = label;
  const i = issue as z.core.$ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; expected?: string; format?: string; pattern?: string; params?: Record<string, unknown> };
  switch (i.code) {
    case 'invalid_type':
      if (value === undefined || value === null || value === '') return bi(`请填写“${L.zh}”`, `Please fill in ${L.en}`);
      if (i.expected === 'int' && typeof value === 'number') return bi(`“${L.zh}”须为整数`, `${L.en} must be a whole number`);
      if (i.expected === 'number' || i.expected === 'int') return bi(`“${L.zh}”须为数字`, `${L.en} must be a number`);
      return bi(`“${L.zh}”的格式不对`, `${L.en} is not in the expected form`);
    case 'too_small': {
      const n = Number(i.minimum);
      if (i.origin === 'string') return n <= 1 ? bi(`请填写“${L.zh}”`, `Please fill in ${L.en}`) : bi(`“${L.zh}”至少 ${n} 个字`, `${L.en} needs at least ${n} characters`);
      if (i.origin === 'array' || i.origin === 'set') return bi(`“${L.zh}”至少 ${n} 项`, `${L.en} needs at least ${n} entries`);
      return i.inclusive === false
        ? bi(`“${L.zh}”须大于 ${grouped(n, yuan)}`, `${L.en} must be more than ${grouped(n, yuan)}`)
        : bi(`“${L.zh}”不得少于 ${grouped(n, yuan)}`, `${L.en} must be at least ${grouped(n, yuan)}`);
    }
    case 'too_big': {
      const n = Number(i.maximum);
      if (i.origin === 'string') return bi(`“${L.zh}”最多 ${n} 个字`, `${L.en} may have at most ${n} characters`);
      if (i.origin === 'array' || i.origin === 'set') return bi(`“${L.zh}”最多 ${n} 项`, `${L.en} may have at most ${n} entries`);
      return i.inclusive === false
        ? bi(`“${L.zh}”须小于 ${grouped(n, yuan)}`, `${L.en} must be less than ${grouped(n, yuan)}`)
        : bi(`“${L.zh}”不得超过 ${grouped(n, yuan)}`, `${L.en} may not exceed ${grouped(n, yuan)}`);
    }
    case 'not_multiple_of':
      return bi(`“${L.zh}”须为整数`, `${L.en} must be a whole number`);
    case 'invalid_format': {
      if (i.format === 'email') return bi('请填写有效的电子邮箱地址', 'Enter a valid email address');
      if (i.format === 'date') return bi(`“${L.zh}”不是有效的日期`, `${L.en} is not a valid date`);
      const known = i.pattern ? PATTERNS[i.pattern.replace(/^\/|\/[a-z]*$/g, '')] : undefined;
      return known ? bi(`“${L.zh}”：${known.zh}`, `${L.en}: ${known.en}`) : bi(`“${L.zh}”的格式不对`, `${L.en} is not in the right form`);
    }
    case 'invalid_value':
      return bi(`“${L.zh}”请从列表中选择`, `${L.en}: choose one of the listed options`);
    case 'unrecognized_keys':
      return bi('填写内容含有本表没有的项目', 'The entries include fields this form does not have');
    case 'custom': {
      const p = i.params;
      if (p && typeof p.zh === 'string' && typeof p.en === 'string') return bi(p.zh, p.en);
      if (i.message === 'invalid date') return bi(`“${L.zh}”不是有效的日期`, `${L.en} is not a valid date`);
      return bi(`“${L.zh}”不符合要求`, `${L.en} is not acceptable`);
    }
    default:
      return bi(`“${L.zh}”不符合要求`, `${L.en} is not acceptable`);
  }
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(p)] : undefined;
  return v;
}

/**
 * Every issue of a parse of `data` by dotted path (the first per field), in the catalogue's
 * words. `prefix` places a part's issues in the whole (a field checked alone).
 */
export function issueMessages(schema: z.ZodType, issues: z.core.$ZodIssue[], data: unknown, prefix: PropertyKey[] = []): Record<string, Bilingual> {
  const out: Record<string, Bilingual> = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const key = path.map(String).join('.') || '_';
    out[key] ??= issueMessage(issue, fieldLabelAt(schema, path), isYuan(schema, path), valueAt(data, path));
  }
  return out;
}

/** A refusal for data that breaks its schema: one sentence per field, and the fields by path. */
export function invalidData(schema: z.ZodType, issues: z.core.$ZodIssue[], data: unknown, intro: Bilingual = bi('请更正', 'Please correct')): Reason {
  const fields = issueMessages(schema, issues, data);
  const list = Object.values(fields);
  return {
    zh: `${intro.zh}：${list.map((m) => m.zh).join('；')}`,
    en: `${intro.en}: ${list.map((m) => m.en).join('; ')}`,
    field: Object.keys(fields)[0],
    fields,
  };
}
