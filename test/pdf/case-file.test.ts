import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderCaseFile } from '../../src/pdf/case-file.js';
import { caseFileRecord } from './fixtures.js';
import { pdfInfo, pdfText } from './poppler.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('renderCaseFile', async () => {
  const rec = caseFileRecord(300);
  const pdf = await renderCaseFile(rec);
  const text = pdfText(pdf);
  const pages = Number(pdfInfo(pdf).Pages);

  it('puts the case, programme, applicant and state on the cover', () => {
    const cover = text.split('\f')[0];
    for (const s of [
      '案卷', 'Case file', rec.caseReference, rec.programme.nameZh, rec.applicant.name,
      rec.applicant.creditCode, rec.state, '2026年4月1日',
    ]) expect(cover).toContain(s);
  });

  it('lists the application form as label/value rows', () => {
    for (const f of rec.form) {
      expect(text).toMatch(new RegExp(`${f.label.replace(/[[\]()]/g, '\\$&')}\\s+${f.value.replace(/[[\]()]/g, '\\$&')}`));
    }
  });

  it('paginates a 300-row timeline without losing a row, header on every page', () => {
    expect(pages).toBeGreaterThan(5);
    for (let i = 1; i < 300; i++) expect(text).toContain(`第${i}条`);
    expect(text).toContain('最后一条记录');
    const timelinePages = text.split('\f').filter((p) => p.includes('第') && p.includes('条：'));
    for (const p of timelinePages) expect(p).toContain('时间 Time');
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('lists documents and decisions with their hashes', () => {
    expect(text).toContain('环评批复.pdf');
    expect(text).toContain('470.8 KB');
    expect(text).toContain('a'.repeat(32));
    expect(text).toContain('b'.repeat(32));
    expect(text).toContain('COMMERCE-2026-0007');
    expect(text).toContain('¥1,234,567.00');
    expect(text).toContain('K7QX-4M2P-9D3T');
  });

  it('renders an empty case without failing', async () => {
    const empty = pdfText(await renderCaseFile({ ...caseFileRecord(0), form: [], documents: [], decisions: [] }));
    expect(empty.match(/无 None/g)?.length).toBe(4);
  });

  it('is byte-identical for the same record and differs when one row changes', async () => {
    expect(sha256(await renderCaseFile(caseFileRecord(300)))).toBe(sha256(pdf));
    const changed = caseFileRecord(300);
    changed.history[150].comment = '改动';
    expect(sha256(await renderCaseFile(changed))).not.toBe(sha256(pdf));
  });
});
