// The shapes of the API's answers as zod schemas, published in the OpenAPI document. Objects are
// loose: a client must accept fields added later (API.md: add freely, change only by a new version).
import { z } from 'zod';

const nullableString = z.string().nullable();
const bilingual = z.looseObject({ zh: z.string(), en: z.string() });

export const errorShape = z.looseObject({
  error: z.looseObject({
    code: z.string().describe('Machine-readable code, e.g. NOT_FOUND, VERSION_CONFLICT, UNPROCESSABLE'),
    message: z.string().describe('Readable explanation, Chinese and/or English'),
    details: z.unknown().optional().describe('Per-field messages (`fields`) or the current version on a conflict'),
  }),
});

export const tokenShape = z.looseObject({ token: z.string(), expiresAt: z.string() });

export const programmeSummaryShape = z.looseObject({
  code: z.string(), name: z.string(), nameEn: z.string(), institution: z.string(),
});

export const programmeShape = programmeSummaryShape.extend({
  summary: bilingual,
  formSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of the application form'),
  example: z.record(z.string(), z.unknown()).describe('A form that passes formSchema'),
  documents: z.array(z.looseObject({ kind: z.string(), label: z.string(), labelEn: z.string(), required: z.boolean() })),
});

export const caseSummaryShape = z.looseObject({
  id: z.number().int(),
  reference: z.string(),
  programme: z.string(),
  applicant: z.looseObject({ id: z.number().int(), name: z.string() }),
  state: z.string().describe('Workflow state as a dotted string, e.g. review.expert'),
  stateLabel: z.string(),
  stateLabelEn: z.string(),
  version: z.number().int().min(1),
  amount: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: nullableString,
});

const allowedEventShape = z.looseObject({
  type: z.string(), label: z.string(), labelEn: z.string(),
  schema: z.record(z.string(), z.unknown()).describe('JSON Schema of `data`'),
  example: z.record(z.string(), z.unknown()).describe('Data that would be accepted now'),
});

const historyShape = z.looseObject({
  at: z.string(), actor: z.string(), role: z.string(), type: z.string(),
  from: nullableString, to: nullableString, comment: nullableString,
});

export const caseShape = caseSummaryShape.extend({
  form: z.record(z.string(), z.unknown()),
  details: z.record(z.string(), z.unknown()).describe('Figures the workflow established (amounts, scores, notice end)'),
  allowedEvents: z.array(allowedEventShape),
  blockedEvents: z.array(z.looseObject({ type: z.string(), label: z.string(), labelEn: z.string(), reason: z.string(), reasonEn: z.string() })),
  history: z.array(historyShape),
});

export const caseListShape = z.looseObject({ items: z.array(caseSummaryShape), nextCursor: nullableString });

export const documentShape = z.looseObject({
  id: z.number().int(), kind: z.string(), filename: z.string(), size: z.number().int(), sha256: z.string(),
});

const person = z.looseObject({ id: z.number().int(), name: z.string() });

export const decisionShape = z.looseObject({
  id: z.number().int(), number: z.string(), outcome: z.string(), issuedAt: z.string(),
  sha256: nullableString, verificationCode: z.string(), pdfUrl: z.string().describe('Path of the letter, /decisions/:id.pdf'),
  amount: z.number().nullable(), replacesId: z.number().int().nullable(),
  preparedBy: person.nullable().describe('Who prepared it (four eyes); null only on decisions recorded before preparers were kept'),
  signedBy: person.nullable().describe('Who signed it: never the preparer'),
  pendingCorrection: z.looseObject({ id: z.number().int(), proposedBy: person.nullable(), proposedAt: z.string(), amount: z.number().nullable(), reasons: z.string(), signUrl: z.string() })
    .nullable().describe('A proposed correction waiting for a second person to sign it'),
});

export const correctionProposalShape = z.looseObject({
  id: z.number().int(), status: z.enum(['proposed', 'signed', 'withdrawn']), decisionId: z.number().int(),
  amount: z.number().nullable(), reasons: z.string(), proposedBy: person, signUrl: z.string(),
});

export const correctionResultShape = z.looseObject({ id: z.number().int(), replacesId: z.number().int(), correctionId: z.number().int(), pdfUrl: z.string() });

export const correctionWithdrawnShape = z.looseObject({ id: z.number().int(), status: z.literal('withdrawn') });

const auditItemShape = z.looseObject({
  id: z.number().int(), at: z.string(), kind: z.string(), caseId: z.number().int().nullable(),
  actor: z.string(), role: z.string(), type: z.string(), hash: z.string(), prevHash: z.string(),
});

export const auditListShape = z.looseObject({ items: z.array(auditItemShape), nextCursor: nullableString });

export const auditVerifyShape = z.looseObject({ ok: z.boolean(), checked: z.number().int(), firstBadId: z.number().int().nullable() });

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a zod schema, without the `$schema` line. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { unrepresentable: 'any', io, target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

export const noticeShape = z.looseObject({
  caseId: z.number().int(), reference: z.string(), programme: z.string(), enterprise: z.string(),
  project: z.string(), amount: z.number().describe('Amount proposed in the notice, CNY'), endsAt: z.string().describe('End of the notice period (ISO)'),
});

export const objectionShape = z.looseObject({ id: z.number().int(), caseId: z.number().int(), createdAt: z.string() });
