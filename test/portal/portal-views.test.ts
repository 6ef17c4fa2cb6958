// The shared components as pure functions of data: the timeline from history (the diagram: workflow-diagram.test.ts).
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { workflows } from '../../workflows/index';
import { Timeline } from '../../views/components/timeline';
import { displayFilename, sniffFileType } from '../../src/domain/documents/file-type';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'void-style': 'off', 'attribute-boolean-style': 'off', 'no-inline-style': 'off' } });
const wrap = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${body}</main></body></html>`;

describe('timeline', () => {
  it('shows who, when, what, states and the reason', async () => {
    const w = workflows['special-fund'];
    const html = String(Timeline({ locale: 'en', workflow: w, entries: [
      { at: '2026-03-02T01:00:00Z', actor: '王敏', role: 'applicant', type: 'applicant.submit', from: 'draft', to: 'submitted', comment: null },
      { at: '2026-03-03T02:30:00Z', actor: 'Officer Zhang', role: 'officer', type: 'officer.return', from: 'submitted', to: 'amendment', comment: 'Add <b>statements</b>' },
    ] }));
    expect(html).toContain('2026-03-03 10:30');
    expect(html).toContain('Return for amendment');
    expect(html).toContain('Returned for amendment');
    expect(html).toContain('Add &lt;b&gt;statements&lt;/b&gt;');
    expect(html).toContain('Commerce officer');
    const report = await validator.validateString(wrap(html));
    expect(report.valid).toBe(true);
  });
});

describe('file type and display name', () => {
  it('is decided by the first bytes, and the name gets the real extension', () => {
    expect(sniffFileType(new TextEncoder().encode('%PDF-1.7'))?.mime).toBe('application/pdf');
    expect(sniffFileType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull();
    const png = sniffFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))!;
    expect(displayFilename('x.pdf.exe', png)).toBe('x_pdf.png');
    expect(displayFilename('/etc/passwd', png)).toBe('passwd.png');
    expect(displayFilename('..', png)).toBe('document.png');
    expect(displayFilename('照片.PNG', png)).toBe('照片.png');
  });
});
