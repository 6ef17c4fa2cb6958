// The case file (案卷): everything the system holds on one case, for auditors and archives.
// Pure function of a plain record; the caller loads the data.
import { formatBytes, formatDate, formatDateTime, formatYuan } from './format.js';
import {
  COLOR, FONT, MARGIN, contentWidth, documentTitle, fieldRows, institutionHeader, paragraph,
  renderDocument, sectionHeading, type Doc,
} from './layout.js';
import { drawTable } from './table.js';

export interface CaseFileRecord {
  caseReference: string;     // e.g. 'SF-2026-000123'
  institution: { code: string; nameZh: string; nameEn: string };
  programme: { code: string; nameZh: string; nameEn: string };
  applicant: { name: string; creditCode: string };
  state: string;             // current state of the case, as the workflow names it
  /** The programme's facts of the case (amounts, the acceptance's promised and verified figures,
   *  a clawback and its repayment), already in words: label in both languages and the value. */
  facts?: { zh: string; en: string; value: string }[];
  /** ISO time the file was compiled; printed on the cover and fixed in the PDF's dates. */
  generatedAt: string;
  form: { label: string; value: string }[];
  history: {
    at: string; actor: string; role: string; type: string;
    from: string | null; to: string | null; comment: string | null;
    /** What the entry recorded (scores, opinions, amounts, reasons), one 'label：value' a line. */
    details?: string;
  }[];
  documents: { kind: string; filename: string; size: number; sha256: string }[];
  decisions: {
    number: string; outcome: string; titleZh: string; titleEn: string; amount: number | null;
    conditions?: string | null; reasons?: string | null;
    issuedAt: string; sha256: string; verificationCode: string;
  }[];
}

export function renderCaseFile(rec: CaseFileRecord): Promise<Buffer> {
  return renderDocument({
    title: `案卷 ${rec.caseReference}`,
    author: rec.institution.nameZh,
    subject: `案卷 Case file ${rec.caseReference} — ${rec.applicant.name}`,
    keywords: [rec.caseReference, rec.programme.code, rec.state].join(', '),
    createdAt: rec.generatedAt,
    footer: `案卷 Case file ${rec.caseReference} · ${formatDateTime(rec.generatedAt)}`,
    source: rec,
  }, (doc) => {
    cover(doc, rec);
    doc.addPage();
    sectionHeading(doc, '一、申请表', '1. Application form');
    if (rec.form.length === 0) none(doc);
    else fieldRows(doc, rec.form.map((f) => ({ zh: f.label, en: '', value: f.value || '—' })));
    timeline(doc, rec.history);
    documents(doc, rec.documents);
    decisions(doc, rec.decisions);
  });
}

function cover(doc: Doc, rec: CaseFileRecord) {
  institutionHeader(doc, rec.institution);
  doc.moveDown(4);
  documentTitle(doc, '案卷', 'Case file');
  doc.font(FONT.bold).fontSize(20).fillColor(COLOR.text)
    .text(rec.caseReference, MARGIN.left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(3);
  fieldRows(doc, [
    { zh: '支持项目', en: 'Programme', value: `${rec.programme.nameZh}\n${rec.programme.nameEn}` },
    { zh: '申请人', en: 'Applicant', value: rec.applicant.name },
    { zh: '统一社会信用代码', en: 'Unified social credit code', value: rec.applicant.creditCode },
    { zh: '当前状态', en: 'State', value: rec.state },
    ...(rec.facts ?? []),
    { zh: '办理记录', en: 'Timeline entries', value: String(rec.history.length) },
    { zh: '材料', en: 'Documents', value: String(rec.documents.length) },
    { zh: '决定', en: 'Decisions', value: rec.decisions.map((d) => d.number).join('\n') || '—' },
    { zh: '编制时间', en: 'Compiled', value: `${formatDate(rec.generatedAt)} ${formatDateTime(rec.generatedAt).slice(11)} 北京时间 Beijing time` },
  ]);
}

function none(doc: Doc) {
  paragraph(doc, '无 None', { color: COLOR.muted, size: 9 });
}

// A 64-character hash in two halves: it fits a narrow column and each half still reads whole.
const splitHash = (h: string) => (h.length > 32 ? `${h.slice(0, 32)}\n${h.slice(32)}` : h);

function timeline(doc: Doc, history: CaseFileRecord['history']) {
  sectionHeading(doc, '二、办理记录', '2. Timeline');
  if (history.length === 0) return none(doc);
  drawTable(doc, [
    { header: '时间 Time（北京时间）', share: 0.15 },
    { header: '办理人 Actor', share: 0.2 },
    { header: '事项 Event', share: 0.18 },
    { header: '状态 State', share: 0.17 },
    { header: '意见与内容 Notes and figures', share: 0.3 },
  ], history.map((h) => [
    formatDateTime(h.at),
    `${h.actor}\n${h.role}`,
    h.type,
    h.from || h.to ? `${h.from ?? '—'} → ${h.to ?? '—'}` : '',
    [h.comment, h.details].filter(Boolean).join('\n'),
  ]));
}

function documents(doc: Doc, docs: CaseFileRecord['documents']) {
  sectionHeading(doc, '三、申请材料', '3. Documents');
  if (docs.length === 0) return none(doc);
  drawTable(doc, [
    { header: '类别 Kind', share: 0.18 },
    { header: '文件名 File name', share: 0.3 },
    { header: '大小 Size', share: 0.12 },
    { header: 'SHA-256', share: 0.4, mono: true },
  ], docs.map((d) => [d.kind, d.filename, formatBytes(d.size), splitHash(d.sha256)]));
}

function decisions(doc: Doc, list: CaseFileRecord['decisions']) {
  sectionHeading(doc, '四、决定', '4. Decisions');
  if (list.length === 0) return none(doc);
  drawTable(doc, [
    { header: '编号 Number', share: 0.23 },
    { header: '决定 Decision', share: 0.16 },
    { header: '金额 Amount', share: 0.16 },
    { header: '日期 Issued', share: 0.13 },
    { header: '核验码 / SHA-256', share: 0.32, mono: true },
  ], list.map((d) => [
    d.number,
    [`${d.titleZh}\n${d.titleEn}`, d.conditions ? `条件：${d.conditions}` : '', d.reasons ? `理由：${d.reasons}` : ''].filter(Boolean).join('\n'),
    d.amount === null ? '—' : formatYuan(d.amount),
    formatDate(d.issuedAt),
    `${d.verificationCode}\n${splitHash(d.sha256)}`,
  ]));
}
