import { sql } from 'drizzle-orm';
import { enterprises, users } from '../../db/schema/index';
import { writeTx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { hashPassword } from '../auth/passwords';
import { iso, type Deps } from '../deps';
import { seedDemoCalls } from './demo-calls';

export const DEMO_PASSWORD = 'demo-pass-2026';

const DEMO_ENTERPRISES = [
  { key: 'ent1', name: '重庆渝芯电子科技有限公司', creditCode: '91500000MA5U000010', province: '重庆', city: '重庆', industry: 'electronics', customsCode: '5001960001', contactName: '李明', contactPhone: '023-6000 1001', contactEmail: 'ent1@demo.local' },
  { key: 'ent2', name: '河南中原纺织服装有限公司', creditCode: '91410100MA3X00002E', province: '河南', city: '郑州', industry: 'textiles', customsCode: '4101960002', contactName: '王芳', contactPhone: '0371-6000 2002', contactEmail: 'ent2@demo.local' },
];

type DemoUser = { email: string; name: string; role: 'applicant' | 'officer' | 'expert' | 'approver' | 'finance' | 'liaison' | 'auditor' | 'admin'; institutionCode?: string; enterprise?: string };

export const DEMO_USERS: DemoUser[] = [
  { email: 'ent1@demo.local', name: '李明', role: 'applicant', enterprise: 'ent1' },
  { email: 'ent2@demo.local', name: '王芳', role: 'applicant', enterprise: 'ent2' },
  { email: 'officer@demo.local', name: '张伟（商务主管部门）', role: 'officer', institutionCode: 'COMMERCE' },
  { email: 'expert1@demo.local', name: '陈静（评审专家）', role: 'expert', institutionCode: 'COMMERCE' },
  { email: 'expert2@demo.local', name: '刘洋（评审专家）', role: 'expert', institutionCode: 'COMMERCE' },
  { email: 'approver@demo.local', name: '赵强（审批人）', role: 'approver', institutionCode: 'COMMERCE' },
  // The commerce department's finance side releases grant payments: one prepares, the other releases.
  { email: 'finance@demo.local', name: '何敏（商务部门财务）', role: 'finance', institutionCode: 'COMMERCE' },
  { email: 'finance2@demo.local', name: '唐立（商务部门财务复核）', role: 'finance', institutionCode: 'COMMERCE' },
  { email: 'cdb@demo.local', name: '孙丽（国家开发银行）', role: 'liaison', institutionCode: 'CDB' },
  { email: 'exim@demo.local', name: '周杰（中国进出口银行）', role: 'liaison', institutionCode: 'EXIM' },
  { email: 'sinosure@demo.local', name: '吴敏（中国信保）', role: 'liaison', institutionCode: 'SINOSURE' },
  // Second liaisons: a bank's credit committee or a second underwriter signs what the first
  // prepared (four eyes), so each institution needs two people.
  { email: 'cdb2@demo.local', name: '钱进（国家开发银行贷审会）', role: 'liaison', institutionCode: 'CDB' },
  { email: 'exim2@demo.local', name: '冯雪（中国进出口银行审批）', role: 'liaison', institutionCode: 'EXIM' },
  { email: 'sinosure2@demo.local', name: '褚云（中国信保核保）', role: 'liaison', institutionCode: 'SINOSURE' },
  // The human-resources and social-security department (政策 五): one reviews, the other signs.
  { email: 'hr@demo.local', name: '黄磊（人社部门经办人）', role: 'officer', institutionCode: 'HR' },
  { email: 'hr2@demo.local', name: '林芳（人社部门审批人）', role: 'approver', institutionCode: 'HR' },
  { email: 'auditor@demo.local', name: '郑华（审计）', role: 'auditor' },
  { email: 'admin@demo.local', name: '系统管理员', role: 'admin' },
];

/** Creates the demo accounts of API.md when the database has no users yet. Returns true if it did. */
export async function seedDemoAccounts(deps: Deps): Promise<boolean> {
  const count = deps.db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (count > 0) return false;
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, deps.config.SCRYPT_LOG_N)));
  const at = iso(deps.clock.now());
  return writeTx(deps.db, (tx) => {
    // Checked again inside the write lock: two processes starting at once seed only once.
    if ((tx.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0) > 0) return false;
    const entIds = new Map<string, number>();
    for (const { key, ...e } of DEMO_ENTERPRISES) {
      entIds.set(key, tx.insert(enterprises).values({ ...e, createdAt: at }).returning({ id: enterprises.id }).get().id);
    }
    DEMO_USERS.forEach((u, i) => {
      tx.insert(users).values({
        email: u.email, name: u.name, role: u.role, passwordHash: hashes[i]!, createdAt: at,
        institutionCode: u.institutionCode ?? null, enterpriseId: u.enterprise ? entIds.get(u.enterprise)! : null,
      }).run();
    });
    appendAudit(tx, { at, kind: 'admin', actorName: 'system', actorRole: 'system', type: 'demo.accounts-created', data: { users: DEMO_USERS.length } });
    seedDemoCalls(tx, deps.clock.now());
    return true;
  });
}
