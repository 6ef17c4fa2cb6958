// Thousands of cases inserted directly (no engine), for list, filter and pagination tests.
import type { Deps } from '../../src/domain/deps';
import { STAGES } from '../../src/domain/workbench/stages';

const PROVINCES = ['重庆', '河南', '四川', '湖北', '安徽', '广西'];
const INDUSTRIES = ['electronics', 'textiles', 'garments', 'toys', 'logistics'];
const NAMES = ['渝芯电子', '中原纺织', '蜀锦服装', '荆楚玩具', '皖江物流', '桂海电器'];

export interface GeneratedCase { id: number; programme: string; state: string; province: string; industry: string; amount: number; submittedAt: string; updatedAt: string; stateSince: string; panel: number[] }

/** Inserts `n` submitted cases spread over every non-draft stage; deterministic for a given n. */
export function insertGeneratedCases(deps: Deps, n: number, opts: { expertIds?: number[] } = {}): GeneratedCase[] {
  const sqlite = deps.db.$client;
  const stages = STAGES.filter((s) => s.state !== 'draft');
  const ent = sqlite.prepare(`insert into enterprises (name, credit_code, province, city, industry, customs_code, contact_name, contact_phone, contact_email, created_at)
    values ('生成企业', '91500000GEN0000001', '重庆', null, 'electronics', '0000000000', 'x', '1', 'x@x', '2026-01-01T00:00:00.000Z')
    on conflict(credit_code) do update set name = name returning id`).get() as { id: number };
  const creator = sqlite.prepare(`select id from users order by id limit 1`).get() as { id: number } | undefined;
  if (!creator) throw new Error('insertGeneratedCases needs at least one user');
  const insert = sqlite.prepare(`insert into cases (reference, programme_code, enterprise_id, created_by, state, snapshot, machine_version, version, form,
    amount, province, industry, enterprise_name, credit_code, submitted_at, state_since, due_at, is_final, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, 1, 3, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const out: GeneratedCase[] = [];
  const base = Date.parse('2025-01-01T00:00:00Z');
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const s = stages[(i * 7) % stages.length]!;
      const province = PROVINCES[i % PROVINCES.length]!;
      const industry = INDUSTRIES[(i * 3) % INDUSTRIES.length]!;
      const amount = 100_000 + ((i * 7919) % 500) * 10_000;
      const submittedAt = new Date(base + i * 3_600_000).toISOString();
      const updatedAt = new Date(base + i * 3_600_000 + ((i * 13) % 50) * 86_400_000).toISOString();
      const stateSince = new Date(Date.parse(updatedAt) - ((i * 17) % 40) * 86_400_000).toISOString();
      const panel = s.state === 'review.expert' && opts.expertIds && i % 2 === 0 ? opts.expertIds : [];
      const name = `${NAMES[i % NAMES.length]}有限公司${i}`;
      const ref = `GEN-${String(i).padStart(7, '0')}`;
      const creditCode = `91GEN${String(i).padStart(13, '0')}`;
      const r = insert.run(ref, s.programme, ent.id, creator.id, s.state, JSON.stringify({ value: s.state, context: { panel, scores: [] } }),
        amount, province, industry, name, creditCode, submittedAt, stateSince, null, s.final ? 1 : 0, submittedAt, updatedAt);
      out.push({ id: Number(r.lastInsertRowid), programme: s.programme, state: s.state, province, industry, amount, submittedAt, updatedAt, stateSince, panel });
    }
  })();
  return out;
}
