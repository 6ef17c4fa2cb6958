import { index, integer, real, sqliteTable, text, blob } from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { users } from './users';
import { institutions } from './institutions';

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(), // original name, sanitised, for display only
    storedName: text('stored_name').notNull().unique(), // server-generated
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').notNull().references(() => users.id),
    uploadedAt: text('uploaded_at').notNull(),
    replacedAt: text('replaced_at'), // set when a newer document of the same kind replaces it
  },
  (t) => [index('documents_case').on(t.caseId, t.kind)],
);

/** Decisions are never changed: a correction is a new row that names the one it replaces. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id),
    number: text('number').notNull().unique(), // per institution and year
    institutionCode: text('institution_code').notNull().references(() => institutions.code),
    outcome: text('outcome').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    amount: real('amount'),
    conditions: text('conditions'),
    reasons: text('reasons'),
    section: text('section').notNull(),
    issuedBy: integer('issued_by').notNull(), // who signed (API: signedBy)
    signerRole: text('signer_role').notNull(),
    // Four eyes: who prepared the decision (the signer is issued_by); null on older rows.
    preparedBy: integer('prepared_by'),
    // The issuing body and the remedy bodies as they stood when the decision was taken: the
    // letter never changes when the admin later edits the list.
    issuerZh: text('issuer_zh'),
    issuerEn: text('issuer_en'),
    remedies: text('remedies'), // JSON {reviewBodyZh, reviewBodyEn, courtZh, courtEn} for adverse government decisions
    issuedAt: text('issued_at').notNull(),
    verificationCode: text('verification_code').notNull().unique(),
    replacesId: integer('replaces_id'),
    pdf: blob('pdf', { mode: 'buffer' }), // null until rendered after commit
    pdfSha256: text('pdf_sha256'),
    renderAttempts: integer('render_attempts').notNull().default(0),
  },
  (t) => [index('decisions_case').on(t.caseId), index('decisions_unrendered').on(t.pdfSha256)],
);
