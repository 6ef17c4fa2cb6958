import { eq } from 'drizzle-orm';
import { institutions } from '../../db/schema/index';
import type { CaseFileRecord } from '../../pdf/case-file';
import { formatDate, formatYuan } from '../../pdf/format';
import { groupDigits, yuan } from '../../../workflows/display-format';
import type { Workflow } from '../../../workflows/types';
import { entryFields } from '../workbench/case-brief';
import { shownFacts, type ShownFact } from '../cases/case-facts-shown';
import { inlineRenderer } from '../../pdf/render-service';
import type { CurrentUser } from '../auth/current-user';
import { caseHistory, type HistoryEntry } from '../cases/case-view';
import { formJsonSchema } from '../cases/form-schema';
import { visibleCase, workflowOf, type CaseRow } from '../cases/load-case';
import { caseDecisions } from '../decisions/list-case-decisions';
import { recordDownload } from '../decisions/decision-pdf';
import type { Deps } from '../deps';
import { listDocuments } from '../documents/list-documents';
import { requireRole } from '../policy';
import { actorName, dataLines, documentKindLabel, eventLabel, fieldLabel, roleLabel, stateLabel, valueLabel } from '../../../workflows/labels';

type JsonSchema = { description?: string; properties?: Record<string, JsonSchema> };

/**
 * The application form as label/value rows: nested objects become dotted paths, and each row
 * is labelled with the schema's own description (the bilingual label the applicant saw).
 */
export function formRows(form: Record<string, unknown>, schema: JsonSchema | undefined, prefix = ''): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(form)) {
    const sub = schema?.properties?.[key];
    const own = fieldLabel(key);
    const name = sub?.description ?? (own.zh === own.en ? own.zh : `${own.zh} / ${own.en}`);
    const label = prefix ? `${prefix} · ${name}` : name;
    if (value && typeof value === 'object' && !Array.isArray(value)) rows.push(...formRows(value as Record<string, unknown>, sub, label));
    else if (Array.isArray(value)) rows.push({ label, value: value.map((v) => (v && typeof v === 'object' ? dataLines(v, 'zh').join('，') : bilingualValue(key, v))).join('\n') });
    else rows.push({ label, value: bilingualValue(key, value) });
  }
  return rows;
}

/** A value in both languages when its words differ (a choice, a country), else as it is. */
function bilingualValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const [zh, en] = [valueLabel(key, value, 'zh'), valueLabel(key, value, 'en')];
  return zh === en ? zh : `${zh} / ${en}`;
}

const both = (b: { zh: string; en: string }) => (b.zh === b.en ? b.zh : `${b.zh} / ${b.en}`);

/** What a history entry carried, labelled from its own event's schema (a clawback's sum is not
 *  a "proposed amount"); entries that no event describes (corrections) by their data's keys. */
function entryDetails(w: Workflow, h: HistoryEntry): string {
  const fields = entryFields(w, h);
  if (fields.length === 0) return dataLines(h.data, 'zh', 20).join('\n');
  return fields.map((f) => `${f.label.zh}：${typeof f.value === 'number' ? (f.unit === 'yuan' ? yuan(f.value) : groupDigits(f.value)) : f.value}`).join('\n');
}

/** A fact's value as people read it: amounts in yuan, dates in Beijing time, counts grouped. */
const factValue = (f: ShownFact): string => (f.kind === 'yuan' ? formatYuan(Number(f.value))
  : f.kind === 'date' ? formatDate(String(f.value)) : f.kind === 'count' ? groupDigits(Number(f.value)) : String(f.value));

/** Everything the system holds on a case, as the case-file renderer takes it. */
async function caseFileRecord(deps: Deps, row: CaseRow): Promise<CaseFileRecord> {
  const w = workflowOf(row);
  const inst = deps.db.select().from(institutions).where(eq(institutions.code, w.institution)).get();
  const schema = formJsonSchema(w) as JsonSchema;
  const state = w.stateLabels[row.state];
  return {
    caseReference: row.reference,
    institution: { code: w.institution, nameZh: inst?.nameZh ?? w.institution, nameEn: inst?.nameEn ?? w.institution },
    programme: { code: w.code, nameZh: w.name.zh, nameEn: w.name.en },
    applicant: { name: row.enterpriseName, creditCode: row.creditCode },
    state: state ? `${state.zh} / ${state.en}` : row.state,
    facts: shownFacts(row).map((f) => ({ zh: f.label.zh, en: f.label.en, value: factValue(f) })),
    generatedAt: deps.clock.now().toISOString(),
    form: formRows(JSON.parse(row.form) as Record<string, unknown>, schema),
    // Every entry in words, with what it recorded: scores, opinions, amounts and reasons (the
    // case file is the whole record an archive keeps, not only the moves between states).
    history: caseHistory(deps, row.id, row.version).map((h) => ({
      at: h.at, actor: actorName(h.actor, 'zh'), role: both(roleLabel(h.role)), type: both(eventLabel(h.type, w.code)),
      from: h.from ? stateLabel(h.from, w.code).zh : null, to: h.to ? stateLabel(h.to, w.code).zh : null,
      comment: h.comment, details: entryDetails(w, h),
    })),
    documents: listDocuments(deps, row.id, { includeReplaced: true }).map((d) => ({ kind: both(documentKindLabel(d.kind, w.code)), filename: d.filename, size: d.size, sha256: d.sha256 })),
    decisions: (await caseDecisions(deps, row.id)).map((d) => ({
      number: d.number, outcome: d.outcome, titleZh: d.titleZh, titleEn: d.titleEn, amount: d.amount, conditions: d.conditions, reasons: d.reasons,
      issuedAt: d.issuedAt, sha256: d.sha256, verificationCode: d.verificationCode,
    })),
  };
}

/** The 案卷 PDF of one case for an auditor; the download goes into the audit chain. */
export async function downloadCaseFile(deps: Deps, user: CurrentUser | null, caseId: number) {
  const auditor = requireRole(user, 'auditor');
  const row = visibleCase(deps, auditor, caseId);
  const pdf = await (deps.pdf ?? inlineRenderer).caseFile(await caseFileRecord(deps, row));
  recordDownload(deps, auditor, { caseId: row.id, type: 'case-file.downloaded', data: { reference: row.reference, bytes: pdf.length } });
  return { pdf, filename: `${row.reference}-案卷.pdf`, asciiFilename: `${row.reference}-case-file.pdf` };
}
