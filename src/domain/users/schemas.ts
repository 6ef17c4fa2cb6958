import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords';
import { creditCodeProblem, normaliseCreditCode } from '../reference/credit-code';
import { findProvince } from '../reference/provinces';
import { INSTITUTIONS, INSTITUTION_CODES, institutionsWithRole, type InstitutionCode } from '../../../workflows/institutions';
import { INDUSTRIES } from '../../../workflows/policy-lists';
import { rule } from '../../../workflows/messages';


// Each field names itself in both languages: refusals come from the message catalogue
// (workflows/messages.ts), which names the field by this label, never by its key.
const email = z.string().trim().toLowerCase().max(254).email().describe('电子邮箱 / Email');
const password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX).describe('密码 / Password');
const text = (max: number, label: string) => z.string().trim().min(1).max(max).describe(label);

export const registrationSchema = z.object({
  enterpriseName: text(200, '企业名称 / Enterprise name'),
  creditCode: z
    .string()
    .transform(normaliseCreditCode)
    .superRefine((v, ctx) => {
      const p = creditCodeProblem(v);
      if (p) ctx.addIssue({ code: 'custom', ...rule(p.zh, p.en) });
    })
    .describe('统一社会信用代码 / Unified social credit code'),
  province: z.string().refine((p) => !!findProvince(p), rule('请选择省份', 'Choose a province')).describe('省份 / Province'),
  city: z.string().trim().max(50).optional().transform((v) => v || null).describe('城市 / City'),
  industry: z.string().refine((i) => INDUSTRIES.some((x) => x.code === i), rule('请选择行业', 'Choose an industry')).describe('行业 / Industry'),
  customsCode: z.string().trim().regex(/^[0-9A-Z]{10}$/).describe('海关编码 / Customs code'),
  contactName: text(100, '联系人 / Contact person'),
  contactPhone: z.string().trim().regex(/^[0-9+\- ]{7,20}$/).describe('联系电话 / Contact phone'),
  email,
  password,
});
const STAFF_ROLE_VALUES = ['officer', 'expert', 'approver', 'finance', 'liaison', 'auditor', 'admin'] as const;

export const staffUserSchema = z
  .object({
    email,
    name: text(100, '姓名 / Name'),
    role: z.enum(STAFF_ROLE_VALUES).describe('角色 / Role'),
    institutionCode: z.enum(INSTITUTION_CODES as [InstitutionCode, ...InstitutionCode[]]).optional().or(z.literal('').transform(() => undefined)).describe('所属机构 / Institution'),
    password,
  })
  .superRefine((v, ctx) => {
    const allowed = institutionsWithRole(v.role);
    if (allowed.length === 0) {
      if (v.institutionCode) ctx.addIssue({ code: 'custom', path: ['institutionCode'], ...rule('该角色不属于任何机构', 'This role belongs to no institution') });
      return;
    }
    const chosen = v.institutionCode ?? (v.role === 'liaison' ? undefined : allowed[0]);
    if (!chosen || !allowed.includes(chosen)) {
      const names = allowed.map((c) => INSTITUTIONS[c].short);
      ctx.addIssue({
        code: 'custom', path: ['institutionCode'],
        ...(v.role === 'liaison'
          ? rule(`联络员须绑定一家金融机构：${names.map((n) => n.zh).join('、')}`, `A liaison is bound to ${names.map((n) => n.en).join(', ').replace(/, ([^,]*)$/, ' or $1')}`)
          : rule(`该角色只能属于：${names.map((n) => n.zh).join('、')}`, `This role belongs to: ${names.map((n) => n.en).join(', ')}`)),
      });
    }
  })
  // Staff of a single-institution role (officers, experts, approvers) default to its first institution.
  .transform((v) => ({ ...v, institutionCode: v.institutionCode ?? (institutionsWithRole(v.role)[0] ?? null) }));
export const passwordResetSchema = z.object({ password });
