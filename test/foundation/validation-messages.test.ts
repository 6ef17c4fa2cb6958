// Refusals of registration, staff accounts, index weights, corrections, invitations, webhooks,
// objections and queue filters come from the one message catalogue: each field named by its label
// in the reader's language, never its key, never zod's own words; the API keeps its documented
// shape, {"error":{"code","message"}}, with both languages.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { correctionInput } from '../../src/domain/decisions/correction-rules';
import { validationError } from '../../src/domain/errors';
import { objectionInput } from '../../src/domain/notices/file-objection';
import { INDICATORS } from '../../src/domain/stats/evaluation-index';
import { weightsSchema } from '../../src/domain/stats/index-weights';
import { inviteSchema } from '../../src/domain/users/invite-colleague';
import { passwordResetSchema, registrationSchema, staffUserSchema } from '../../src/domain/users/schemas';
import { endpointInput } from '../../src/domain/webhooks/manage-endpoints';
import { workbenchFilterSchema } from '../../src/domain/workbench/case-filter';
import { apiRequest, apiToken, formPost, get, login, makeTestApp } from '../helpers/index';

const SCHEMAS: [string, z.ZodType][] = [
  ['registration', registrationSchema], ['staff user', staffUserSchema], ['password', passwordResetSchema],
  ['weights', weightsSchema], ['correction', correctionInput], ['invitation', inviteSchema], ['webhook', endpointInput],
  ['objection', objectionInput], ['queue filter', workbenchFilterSchema],
];
/** zod's own wording, in any of its messages. */
const ZOD_TEXT = /Invalid (input|option|string|email|type)|expected (string|number|array|object|nonoptional)|received |Too (small|big)|must match pattern|Unrecognized key/;
const HAN = /\p{Script=Han}/u;

/** The fields of a schema (of the object inside, when a transform follows it). */
const keysOf = (schema: z.ZodType): string[] => Object.keys((schema as { shape?: object }).shape ?? (schema as unknown as { in: { shape: object } }).in.shape);
/** Data that breaks every field: numbers for text, text for numbers, nothing for the rest. */
function wrongData(schema: z.ZodType): Record<string, unknown> {
  return Object.fromEntries(keysOf(schema).map((k, i) => [k, i % 2 ? 12345 : 'x']));
}

describe('validationError: the catalogue’s words for every schema it refuses', () => {
  it.each(SCHEMAS)('%s: fields by label in each language, no key, no zod text', (_name, schema) => {
    const keys = keysOf(schema);
    for (const data of [{}, wrongData(schema), { ...wrongData(schema), surplus: 1 }]) {
      const parsed = schema.safeParse(data);
      if (parsed.success) continue;
      const err = validationError(schema, parsed.error.issues, data);
      const d = err.details as { fields: Record<string, string>; byField: Record<string, { zh: string; en: string }>; reason: { zh: string; en: string } };
      expect(err.status).toBe(422);
      expect(Object.keys(d.byField).length).toBeGreaterThan(0);
      for (const m of [...Object.values(d.byField), d.reason]) {
        expect(m.zh).toMatch(HAN);
        expect(m.en).not.toMatch(HAN);
        expect(`${m.zh} ${m.en}`).not.toMatch(ZOD_TEXT);
        // No field key in either language (plain words such as `email` may be English words).
        for (const k of keys) {
          expect(m.zh, k).not.toMatch(new RegExp(`\\b${k}\\b`));
          if (/[A-Z]/.test(k)) expect(m.en, k).not.toMatch(new RegExp(`\\b${k}\\b`));
        }
      }
      // The API's fields: every field by its path, the sentence in both languages.
      for (const [k, v] of Object.entries(d.fields)) expect(v).toBe(`${d.byField[k]!.zh} / ${d.byField[k]!.en}`);
    }
  });
});

/** What a person reads of the page: the text, tags and attributes removed. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');

describe('pages show the refusal at its field in the reader’s language', () => {
  const BAD_REGISTRATION = {
    enterpriseName: '', creditCode: '91310000MA1FL4B24H', province: '江西', city: '', industry: 'electronics',
    customsCode: '12', contactName: '黄磊', contactPhone: 'call me', email: 'not-an-email', password: 'short',
  };

  it('registration in Chinese: Chinese sentences naming the fields, no key, no English', async () => {
    const t = await makeTestApp();
    const res = await formPost(t.app, '/register', BAD_REGISTRATION, { cookie: 'cj_lang=zh' });
    expect(res.status).toBe(422);
    const text = visible(await res.text());
    expect(text).toContain('请填写“企业名称”');
    expect(text).toContain('“海关编码”：应为 10 位数字或大写字母');
    expect(text).toContain('请填写有效的电子邮箱地址');
    expect(text).toMatch(/“密码”至少 \d+ 个字/);
    expect(text).toContain('校验码不正确');
    expect(text).not.toMatch(/enterpriseName|customsCode|contactPhone|creditCode/);
    expect(text).not.toMatch(ZOD_TEXT);
    expect(text).not.toContain('Enter a valid email address');
  });

  it('registration in English: English sentences, no Chinese in the field messages', async () => {
    const t = await makeTestApp();
    const html = await (await formPost(t.app, '/register', BAD_REGISTRATION, { cookie: 'cj_lang=en' })).text();
    const messages = [...html.matchAll(/class="field-error"[^>]*>([^<]+)</g)].map((m) => m[1]!);
    expect(messages.length).toBeGreaterThanOrEqual(5);
    for (const m of messages) expect(m).not.toMatch(HAN);
    expect(visible(html)).toContain('Please fill in Enterprise name');
    expect(visible(html)).toContain('Enter a valid email address');
  });

  it('admin create-user and index weights: at the field, in Chinese', async () => {
    const t = await makeTestApp();
    const admin = await login(t.app, 'admin@demo.local');
    const created = await formPost(t.app, '/admin/users', { email: 'x', name: '', role: 'officer', password: 'short' }, { cookie: `${admin.cookie}; cj_lang=zh`, csrf: admin.csrf });
    expect(created.status).toBe(422);
    const text = visible(await created.text());
    expect(text).toContain('请填写有效的电子邮箱地址');
    expect(text).toContain('请填写“姓名”');
    expect(text).not.toMatch(ZOD_TEXT);
    const tooMuch = Object.fromEntries(INDICATORS.map((i) => [i.code, '500']));
    const weights = await formPost(t.app, '/stats/weights', tooMuch, { cookie: `${admin.cookie}; cj_lang=zh`, csrf: admin.csrf });
    expect(weights.status).toBe(422);
    const wText = visible(await weights.text());
    expect(wText).toContain(`“${INDICATORS[0]!.label.zh}的权重”不得超过 100`);
    for (const i of INDICATORS) expect(wText).not.toMatch(new RegExp(`\\b${i.code}\\b`));
  });

  it('the API keeps {"error":{"code","message"}} with both languages and fields by path', async () => {
    const t = await makeTestApp();
    const token = await apiToken(t.app, 'admin@demo.local');
    const res = await apiRequest(t.app, 'POST', '/api/v1/webhooks', { url: '', events: [] }, token);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; details?: { fields?: Record<string, string> } } };
    expect(body.error.code).toBe('UNPROCESSABLE');
    expect(body.error.message).toMatch(HAN);
    expect(body.error.message).toContain('Please correct');
    expect(body.error.message).not.toMatch(ZOD_TEXT);
    expect(Object.keys(body.error.details?.fields ?? {})).toEqual(expect.arrayContaining(['url', 'events']));
    expect((await get(t.app, '/healthz')).status).toBe(200);
  });
});
