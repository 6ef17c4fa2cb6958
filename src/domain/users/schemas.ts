import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords';
import { creditCodeProblem, normaliseCreditCode } from '../reference/credit-code';
import { findProvince } from '../reference/provinces';
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
export type Registration = z.infer<typeof registrationSchema>;

export const STAFF_ROLE_VALUES = ['officer', 'expert', 'approver', 'liaison', 'auditor', 'admin'] as const;

export const staffUserSchema = z
  .object({
    email,
    name: text(100, '请填写姓名 / Enter a name'),
    role: z.enum(STAFF_ROLE_VALUES),
    institutionCode: z.enum(['COMMERCE', 'CDB', 'EXIM', 'SINOSURE']).optional().or(z.literal('').transform(() => undefined)),
    password,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'liaison' && (!v.institutionCode || v.institutionCode === 'COMMERCE')) {
      ctx.addIssue({ code: 'custom', path: ['institutionCode'], message: '联络员须绑定一家金融机构 / A liaison is bound to CDB, EXIM or Sinosure' });
    }
  });
export type StaffUserInput = z.infer<typeof staffUserSchema>;

export const passwordResetSchema = z.object({ password });
