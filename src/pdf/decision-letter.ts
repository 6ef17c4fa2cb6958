// The decision letter (决定书): the document an applicant receives for every approval or
// refusal. Pure function of a plain record; the caller loads the data and stores the bytes.
import QRCode from 'qrcode';
import { formatDate, formatYuan } from './format.js';
import {
  COLOR, FONT, MARGIN, contentWidth, documentTitle, ensureSpace, fieldRows, institutionHeader,
  paragraph, renderDocument, sectionHeading, type Doc, type Field,
} from './layout.js';

export interface DecisionLetterRecord {
  number: string;            // decision number per institution and year, e.g. 'COMMERCE-2026-0007'
  institution: { code: string; nameZh: string; nameEn: string };
  applicant: { name: string; creditCode: string };
  programme: { code: string; nameZh: string; nameEn: string };
  caseReference: string;     // e.g. 'SF-2026-000123'
  outcome: string;           // machine outcome code e.g. 'approved'
  titleZh: string; titleEn: string;   // e.g. 批复决定 / Approval decision
  amount: number | null;     // CNY yuan
  conditions: string | null;
  reasons: string | null;
  section: string;           // sections of 商产发〔2011〕473号 cited, e.g. '六.(一)' or '一.(一)、一.(二)'
  issuedAt: string;          // ISO time
  signerRole: string;        // e.g. 'approver'
  verificationCode: string;
  verificationUrl: string;   // absolute URL encoded in the QR code
  replaces?: { number: string } | null;   // a correction names the decision it replaces
  /** government: the policy is the legal basis; bank/insurer: the contract is, the policy the background. */
  institutionKind?: 'government' | 'bank' | 'insurer';
  preparedBy?: string | null;  // name of the person who prepared the decision (four eyes)
  signedBy?: string | null;    // name of the person who signed it
  /** Adverse decisions of a government body state the applicant's remedies. */
  remedies?: { reviewBodyZh: string; reviewBodyEn: string; courtZh: string; courtEn: string } | null;
}

export const POLICY = {
  titleZh: '《关于促进加工贸易梯度转移重点承接地发展的指导意见》',
  titleEn: 'Guiding Opinions on Promoting the Development of Key Undertaking Locations ' +
    'for the Gradient Transfer of Processing Trade',
  reference: '商产发〔2011〕473号',
};

// Role codes are the system's; the letter names the role the way the applicant reads it.
const ROLE_ZH: Record<string, string> = {
  approver: '审批人', officer: '经办人', reviewer: '评审专家', liaison: '机构联络人',
};

const QR_SIZE = 72; // points, about 25 mm: scannable from paper by any phone

export async function renderDecisionLetter(rec: DecisionLetterRecord): Promise<Buffer> {
  // scale 4 px per module, no interpolation in the PDF: crisp edges at any zoom.
  // margin 0 because the white page around the image is the quiet zone.
  const qr = await QRCode.toBuffer(rec.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 4 });
  return renderDocument({
    title: `决定书 ${rec.number}`,
    author: rec.institution.nameZh,
    subject: `${rec.titleZh} / ${rec.titleEn} — ${rec.caseReference}`,
    keywords: [rec.number, rec.caseReference, rec.programme.code, rec.outcome, rec.verificationCode].join(', '),
    createdAt: rec.issuedAt,
    footer: `决定书 Decision letter ${rec.number} · 核验码 ${rec.verificationCode}`,
    source: rec,
  }, (doc) => drawLetter(doc, rec, qr));
}

function drawLetter(doc: Doc, rec: DecisionLetterRecord, qr: Buffer) {
  institutionHeader(doc, rec.institution);
  documentTitle(doc, '决定书', 'Decision letter');
  doc.font(FONT.regular).fontSize(10.5).fillColor(COLOR.text)
    .text(`编号 No. ${rec.number}`, MARGIN.left, doc.y, { width: contentWidth(doc), align: 'right' });
  if (rec.replaces) {
    // 决定一经作出不再修改: a correction is a new decision that names the one it replaces.
    doc.moveDown(0.4);
    paragraph(doc, `本决定更正并取代第 ${rec.replaces.number} 号决定。`, { bold: true, color: COLOR.accent });
    paragraph(doc, `This decision corrects and replaces decision ${rec.replaces.number}.`, { size: 9, color: COLOR.accent });
  }

  sectionHeading(doc, '申请事项', 'Application');
  fieldRows(doc, [
    { zh: '申请人', en: 'Applicant', value: rec.applicant.name },
    { zh: '统一社会信用代码', en: 'Unified social credit code', value: rec.applicant.creditCode },
    { zh: '支持项目', en: 'Programme', value: `${rec.programme.nameZh}\n${rec.programme.nameEn}` },
    { zh: '案件编号', en: 'Case reference', value: rec.caseReference },
  ]);

  sectionHeading(doc, '决定', 'Decision');
  const decision: Field[] = [{ zh: '决定事项', en: 'Decision', value: `${rec.titleZh}\n${rec.titleEn}` }];
  if (rec.amount !== null) decision.push({ zh: '金额（人民币）', en: 'Amount (CNY)', value: formatYuan(rec.amount) });
  if (rec.conditions) decision.push({ zh: '附加条件', en: 'Conditions', value: rec.conditions });
  fieldRows(doc, decision);

  if (rec.reasons) {
    sectionHeading(doc, '理由', 'Reasons');
    paragraph(doc, rec.reasons);
  }

  legalBasis(doc, rec);
  if (rec.remedies) remedies(doc, rec.remedies);

  closing(doc, rec, qr);
}

function legalBasis(doc: Doc, rec: DecisionLetterRecord) {
  sectionHeading(doc, '依据', 'Legal basis');
  const cited = citedZh(rec.section);
  if (rec.institutionKind === 'bank' || rec.institutionKind === 'insurer') {
    // A bank or an insurer decides under its contract; the policy is why the product exists.
    const terms = rec.institutionKind === 'bank' ? ['融资合同（协议）', 'the financing contract'] : ['保险合同（保险单）', 'the insurance contract (policy)'];
    paragraph(doc, `本决定依据${terms[0]}条款及本机构业务规定作出。政策背景：${POLICY.titleZh}（${POLICY.reference}）${cited}。`);
    paragraph(doc, `Taken under the terms of ${terms[1]} and this institution's rules; policy background: ${POLICY.titleEn} (${POLICY.reference}), section ${rec.section}.`, { size: 8.5, color: COLOR.muted });
    return;
  }
  paragraph(doc, `依据${POLICY.titleZh}（${POLICY.reference}）${cited}。`);
  paragraph(doc, `${POLICY.titleEn} (${POLICY.reference}), section ${rec.section}.`, { size: 8.5, color: COLOR.muted });
}

// 行政复议法 and 行政诉讼法: 60 days to apply for review, six months to sue.
function remedies(doc: Doc, r: NonNullable<DecisionLetterRecord['remedies']>) {
  sectionHeading(doc, '救济途径', 'Remedies');
  paragraph(doc, `如不服本决定，可以自收到本决定书之日起六十日内向${r.reviewBodyZh}申请行政复议，或者自收到本决定书之日起六个月内向${r.courtZh}提起行政诉讼。`);
  paragraph(doc, `If you disagree with this decision, you may apply to ${r.reviewBodyEn} for administrative review (行政复议) within 60 days of receiving this letter, or bring an administrative lawsuit (行政诉讼) before ${r.courtEn} within six months of receiving it.`, { size: 8.5, color: COLOR.muted });
}

/** '六.(一)' → '第六部分第（一）项', '一.(二) 二是' → '第一部分第（二）项二是'; several joined with '、'. */
export function citedZh(section: string): string {
  return section.split('、').map((one) => {
    const m = /^([一二三四五六七八九十]+)(?:\.\(?([一二三四五六七八九十]+)\)?)?\s*(.*)$/.exec(one.trim());
    if (!m) return one;
    return `${m[2] ? `第${m[1]}部分第（${m[2]}）项` : `第${m[1]}部分`}${m[3] ?? ''}`;
  }).join('、');
}

// The closing band: verification on the left, signature on the right, pinned to the foot of
// the page when there is room so that it sits where a reader of any letter expects it.
function closing(doc: Doc, rec: DecisionLetterRecord, qr: Buffer) {
  const height = QR_SIZE + 16;
  ensureSpace(doc, height + 16);
  const top = Math.max(doc.y + 16, doc.page.height - doc.page.margins.bottom - height);
  const half = contentWidth(doc) / 2;
  signature(doc, rec, MARGIN.left + half, top + 8, half);
  verification(doc, rec, qr, top, half);
  doc.x = MARGIN.left;
}

function signature(doc: Doc, rec: DecisionLetterRecord, x: number, y: number, width: number) {
  const role = ROLE_ZH[rec.signerRole];
  doc.font(FONT.bold).fontSize(11).fillColor(COLOR.text).text(rec.institution.nameZh, x, y, { width, align: 'right' });
  doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted).text(rec.institution.nameEn, { width, align: 'right' });
  doc.moveDown(0.5);
  const signer = rec.signedBy ? `${role ?? rec.signerRole} ${rec.signedBy}` : (role ? `${role} (${rec.signerRole})` : rec.signerRole);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text).text(`签发 Signed by: ${signer}`, { width, align: 'right' });
  if (rec.preparedBy) doc.text(`拟办 Prepared by: ${rec.preparedBy}`, { width, align: 'right' });
  doc.text(`日期 Date: ${formatDate(rec.issuedAt)}`, { width, align: 'right' });
}

function verification(doc: Doc, rec: DecisionLetterRecord, qr: Buffer, top: number, width: number) {
  doc.rect(MARGIN.left, top, width - 12, QR_SIZE + 16).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.image(qr, MARGIN.left + 8, top + 8, { width: QR_SIZE, height: QR_SIZE });
  const x = MARGIN.left + QR_SIZE + 16;
  const textWidth = width - QR_SIZE - 32;
  doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.text).text('核验码 Verification code', x, top + 8, { width: textWidth });
  doc.font(FONT.mono).fontSize(11).text(rec.verificationCode, { width: textWidth });
  doc.moveDown(0.2);
  doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted)
    .text('扫描二维码或访问下列网址核验本决定。Scan the code or visit:', { width: textWidth })
    .fillColor(COLOR.text).text(rec.verificationUrl, { width: textWidth });
}
