// Shared page furniture for decision documents: deterministic document setup, the embedded
// CJK font, the institution header, headings, label/value rows and page footers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { canonicalJson } from './format.js';

export type Doc = PDFKit.PDFDocument;

export const FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold', mono: 'Courier' } as const;
export const COLOR = { text: '#1a1a1a', muted: '#666666', rule: '#c8c8c8', accent: '#a61b1b', band: '#f3f3f3' };
export const MARGIN = { top: 56, bottom: 64, left: 64, right: 64 };

// The two TTFs are ~10 MB each: read them once per process, not once per letter.
// pdfkit subsets whatever glyphs a document uses, so the PDF carries only those.
let fontFiles: { regular: Buffer; bold: Buffer } | null = null;
function notoSansSc() {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const file = (p: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${p}`));
    fontFiles = {
      regular: file('400Regular/NotoSansSC_400Regular.ttf'),
      bold: file('700Bold/NotoSansSC_700Bold.ttf'),
    };
  }
  return fontFiles;
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** ISO time; becomes CreationDate and ModDate so that re-rendering gives the same bytes. */
  createdAt: string;
  /** Footer text left of the page number, e.g. the decision number. */
  footer: string;
  /** Everything the document is rendered from; its hash becomes the trailer /ID. */
  source: unknown;
}

/**
 * Renders a document and returns its bytes. Same meta and drawing → same bytes:
 * pdfkit's only varying inputs are the CreationDate (set from meta) and the trailer /ID,
 * which it derives from the info dictionary; we derive it from the whole source record
 * instead, so that the ID changes whenever the content does (PDF 32000 §14.4).
 * The font subset tag is derived from the font's resource name (F1, F2…), so it is stable.
 */
export function renderDocument(meta: DocumentMeta, draw: (doc: Doc) => void): Promise<Buffer> {
  const date = new Date(meta.createdAt);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO timestamp: ${meta.createdAt}`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true, // page numbers "n / total" are stamped once the total is known
    info: {
      Title: meta.title, Author: meta.author, Subject: meta.subject, Keywords: meta.keywords,
      Creator: 'Chengjie 承接', Producer: 'Chengjie 承接 (pdfkit)', CreationDate: date, ModDate: date,
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  setFileId(doc, createHash('sha256').update(canonicalJson(meta.source)).digest().subarray(0, 16));
  const fonts = notoSansSc();
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);

  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  stampFooters(doc, meta.footer);
  doc.end();
  return bytes;
}

function setFileId(doc: Doc, id: Buffer) {
  const internal = doc as unknown as { _id?: unknown };
  // _id is pdfkit-internal; fail loudly if an upgrade renames it rather than silently
  // going back to an ID that ignores the record.
  if (!Buffer.isBuffer(internal._id)) throw new Error('pdfkit internals changed: cannot set the file ID');
  internal._id = id;
}

function stampFooters(doc: Doc, text: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit open a new page; lift the margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 24;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.moveTo(MARGIN.left, y - 8).lineTo(MARGIN.left + width, y - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
    doc.text(text, MARGIN.left, y, { width, lineBreak: false });
    doc.text(`第 ${i + 1} / ${count} 页  Page ${i + 1} of ${count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit, so a block is never split. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** 红头: the issuing institution in Chinese, English beneath, and a red rule. */
export function institutionHeader(doc: Doc, inst: { nameZh: string; nameEn: string }) {
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(17).fillColor(COLOR.accent).text(inst.nameZh, MARGIN.left, MARGIN.top, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text(inst.nameEn, { width, align: 'center' });
  const y = doc.y + 6;
  doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + width, y).lineWidth(1.2).strokeColor(COLOR.accent).stroke();
  doc.y = y + 14;
}

/** Document title, e.g. 决定书 / Decision letter. */
export function documentTitle(doc: Doc, zh: string, en: string) {
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(22).fillColor(COLOR.text).text(zh, MARGIN.left, doc.y, { width, align: 'center', characterSpacing: 6 });
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.muted).text(en, { width, align: 'center' });
  doc.moveDown(0.5);
}

/** Section heading: Chinese in bold, English in grey on the same line. */
export function sectionHeading(doc: Doc, zh: string, en: string) {
  ensureSpace(doc, 48); // keep a heading with at least a line of its content
  doc.moveDown(0.5);
  // Both parts on one baseline: pdfkit's `continued` aligns line tops, which leaves the
  // smaller English floating above the Chinese.
  const baseline = doc.y + 12;
  doc.font(FONT.bold).fontSize(12).fillColor(COLOR.text).text(zh, MARGIN.left, baseline, { baseline: 'alphabetic', lineBreak: false });
  const enX = MARGIN.left + doc.widthOfString(zh) + 6;
  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text(en, enX, baseline, { baseline: 'alphabetic', lineBreak: false });
  const ruleY = baseline + 5;
  doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + contentWidth(doc), ruleY).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.x = MARGIN.left;
  doc.y = ruleY + 7;
}

export interface Field { zh: string; en: string; value: string }
const LABEL_WIDTH = 150;

/** Label/value rows: the Chinese label with its English gloss beneath, the value beside. */
export function fieldRows(doc: Doc, fields: Field[]) {
  const valueX = MARGIN.left + LABEL_WIDTH;
  const valueWidth = contentWidth(doc) - LABEL_WIDTH;
  for (const f of fields) {
    // Measure both columns: form labels from applicants' programmes can be long too.
    const labelHeight = doc.font(FONT.bold).fontSize(9.5).heightOfString(f.zh, { width: LABEL_WIDTH - 8 }) +
      (f.en ? doc.font(FONT.regular).fontSize(7.5).heightOfString(f.en, { width: LABEL_WIDTH - 8 }) : 0);
    const valueHeight = doc.font(FONT.regular).fontSize(10.5).heightOfString(f.value, { width: valueWidth });
    const height = Math.max(valueHeight, labelHeight, 24) + 5;
    ensureSpace(doc, height);
    const y = doc.y;
    doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.text).text(f.zh, MARGIN.left, y, { width: LABEL_WIDTH - 8 });
    if (f.en) doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted).text(f.en, { width: LABEL_WIDTH - 8 });
    doc.font(FONT.regular).fontSize(10.5).fillColor(COLOR.text).text(f.value, valueX, y, { width: valueWidth });
    doc.y = y + height;
  }
  doc.x = MARGIN.left;
}

/** A paragraph across the content width. */
export function paragraph(doc: Doc, text: string, opts: { size?: number; color?: string; bold?: boolean } = {}) {
  doc.font(opts.bold ? FONT.bold : FONT.regular).fontSize(opts.size ?? 10.5).fillColor(opts.color ?? COLOR.text)
    .text(text, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
}
