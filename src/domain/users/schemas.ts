import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords';
import { creditCodeProblem, normaliseCreditCode } from '../reference/credit-code';
import { findProvince } from '../reference/provinces';
import { INSTITUTIONS, INSTITUTION_CODES, institutionsWithRole, type InstitutionCode } from '../../../workflows/institutions';
import { INDUSTRIES } from '../../../workflows/policy-lists';


const email = z.string().trim().toLowerCase().max(254).email('请输入有效邮箱 / Enter a valid email address');
const password = z
  .string()
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 个字符 / At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `密码最多 ${PASSWORD_MAX} 个字符 / At most ${PASSWORD_MAX} characters`);
const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);

export const registrationSchema = z.object({
  enterpriseName: text(200, '请填写企业名称 / Enter the enterprise name'),
  creditCode: z
    .string()
    .transform(normaliseCreditCode)
    .superRefine((v, ctx) => {
      const p = creditCodeProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: `${p.zh} / ${p.en}` });
    }),
  province: z.string().refine((p) => !!findProvince(p), '请选择省份 / Choose a province'),
  city: z.string().trim().max(50).optional().transform((v) => v || null),
  industry: z.string().refine((i) => INDUSTRIES.some((x) => x.code === i), '请选择行业 / Choose an industry'),
  customsCode: z.string().trim().regex(/^[0-9A-Z]{10}$/, '海关编码应为10位数字或字母 / The customs code has 10 digits or letters'),
  contactName: text(100, '请填写联系人 / Enter a contact person'),
  contactPhone: z.string().trim().regex(/^[0-9+\- ]{7,20}$/, '请输入有效电话 / Enter a valid phone number'),
  email,
  password,
});
const STAFF_ROLE_VALUES = ['officer', 'expert', 'approver', 'liaison', 'auditor', 'admin'] as const;

export const staffUserSchema = z
  .object({
    email,
    name: text(100, '请填写姓名 / Enter a name'),
    role: z.enum(STAFF_ROLE_VALUES),
    institutionCode: z.enum(INSTITUTION_CODES as [InstitutionCode, ...InstitutionCode[]]).optional().or(z.literal('').transform(() => undefined)),
    password,
  })
  .superRefine((v, ctx) => {
    const allowed = institutionsWithRole(v.role);
    if (allowed.length === 0) {
      if (v.institutionCode) ctx.addIssue({ code: 'custom', path: ['institutionCode'], message: '该角色不属于任何机构 / This role belongs to no institution' });
      return;
    }
    const chosen = v.institutionCode ?? (v.role === 'liaison' ? undefined : allowed[0]);
    if (!chosen || !allowed.includes(chosen)) {
      const names = allowed.map((c) => INSTITUTIONS[c].short);
      ctx.addIssue({
        code: 'custom', path: ['institutionCode'],
        message: v.role === 'liaison'
          ? `联络员须绑定一家金融机构：${names.map((n) => n.zh).join('、')} / A liaison is bound to ${names.map((n) => n.en).join(', ').replace(/, ([^,]*)$/, ' or $1')}`
          : `该角色只能属于：${names.map((n) => n.zh).join('、')} / This role belongs to: ${names.map((n) => n.en).join(', ')}`,
      });
    }
  })
  // Staff of a single-institution role (officers, experts, approvers) default to its first institution.
  .transform((v) => ({ ...v, institutionCode: v.institutionCode ?? (institutionsWithRole(v.role)[0] ?? null) }));
export const passwordResetSchema = z.object({ password });
