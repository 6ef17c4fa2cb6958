// The one schema-form module: labels from `.meta()`, dates from z.iso.date(), and one parser
// for application forms (drafts) and event forms.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { dataFromFields, isDateField, jsonSchemaOf, labelOf } from '../../workflows/schema-form';
import { issueMessages } from '../../workflows/messages';
import { isoDate } from '../../workflows/form-fields';

const schema = z.object({
  title: z.string().min(2).meta({ label: { zh: '项目名称', en: 'Project name' } }),
  note: z.string().min(1).optional().describe('说明 / Note'),
  startsOn: isoDate('开工日期 / Start date'),
  amount: z.number().int(),
  agreed: z.boolean(),
  expertIds: z.array(z.number().int()),
  rows: z.array(z.object({ dueDate: isoDate('还款日 / Due date'), amount: z.number() })).max(5),
  contact: z.object({ name: z.string(), email: z.email() }),
}).strict();
const json = jsonSchemaOf(schema);

describe('schema form', () => {
  it('labels a field from .meta(), falls back to the description, and knows a date', () => {
    expect(labelOf(json.properties!.title, 'title')).toEqual({ zh: '项目名称', en: 'Project name' });
    expect(labelOf(json.properties!.note, 'note')).toEqual({ zh: '说明', en: 'Note' });
    expect(isDateField(json.properties!.startsOn!)).toBe(true);
    expect(isDateField(json.properties!.title!)).toBe(false);
  });

  it('refuses a day that does not exist, in the catalogue\'s words', () => {
    const r = schema.shape.startsOn.safeParse('2026-02-30');
    expect(r.success).toBe(false);
    expect(issueMessages(schema, r.error!.issues.map((i) => ({ ...i, path: ['startsOn'] })), {}).startsOn).toEqual({ zh: '“开工日期”不是有效的日期', en: 'Start date is not a valid date' });
    expect(schema.shape.startsOn.safeParse('2028-02-29').success).toBe(true);
  });

  it('parses a draft: empty inputs absent, numbers typed, objects and rows from dotted names', () => {
    const d = dataFromFields(json, { title: '新厂房', note: '', amount: '12', 'contact.name': '王敏', 'contact.email': '', 'rows.0.dueDate': '', 'rows.1.dueDate': '2026-03-01', 'rows.1.amount': 'x' }, { mode: 'draft' });
    expect(d).toEqual({ title: '新厂房', amount: 12, contact: { name: '王敏' }, rows: [{ dueDate: '2026-03-01', amount: 'x' }] });
  });

  it('parses an event: prefixed names, unticked boxes false, required text kept empty, ticked ids', () => {
    const d = dataFromFields(json, { 'd.title': '', 'd.note': '', 'd.amount': '', 'd.expertIds[]': ['3', '5'], 'd.rows.0.amount': '100' }, { prefix: 'd.', mode: 'event' });
    expect(d).toEqual({ title: '', agreed: false, expertIds: [3, 5], rows: [{ amount: 100 }] });
  });
});
