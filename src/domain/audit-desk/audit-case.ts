import { workflows } from '../../../workflows/index';
import { INDUSTRIES, PROVINCES } from '../../../workflows/policy-lists';
import type { CurrentUser } from '../auth/current-user';
import { caseHistory } from '../cases/case-view';
import { formJsonSchema } from '../cases/form-schema';
import { visibleCase, workflowOf } from '../cases/load-case';
import { caseDecisions } from '../decisions/list-case-decisions';
import type { Deps } from '../deps';
import { listDocuments } from '../documents/list-documents';
import { requireRole } from '../policy';
import { formRows } from './case-file';
import { documentKindLabel } from '../../../workflows/labels';

/** One case as the auditor's read-only page shows it. */
export async function auditCase(deps: Deps, user: CurrentUser | null, caseId: number, locale: 'zh' | 'en' = 'zh') {
  const auditor = requireRole(user, 'auditor');
  const row = visibleCase(deps, auditor, caseId);
  const w = workflowOf(row);
  const schema = formJsonSchema(w) as Parameters<typeof formRows>[1];
  const label = w.stateLabels[row.state];
  return {
    workflow: w,
    history: caseHistory(deps, row.id, row.version),
    view: {
      id: row.id, reference: row.reference, programme: `${w.name.zh} / ${w.name.en}`, applicant: row.enterpriseName,
      creditCode: row.creditCode, state: label ? `${label.zh} / ${label.en}` : row.state,
      form: formRows(JSON.parse(row.form) as Record<string, unknown>, schema),
      documents: listDocuments(deps, row.id, { includeReplaced: true })
        .map((d) => ({ ...d, kind: documentKindLabel(d.kind, w.code)[locale] })),
      decisions: await caseDecisions(deps, row.id),
    },
  };
}

/** Choices of the filter form, in the user's language. */
export function deskOptions(locale: 'zh' | 'en') {
  const all = Object.values(workflows);
  return {
    programmes: all.map((w) => ({ value: w.code, label: w.name[locale] })),
    states: [...new Map(all.flatMap((w) => Object.entries(w.stateLabels).map(([k, l]) => [k, { value: k, label: l[locale] }]))).values()],
    provinces: PROVINCES.map((p) => ({ value: p.name, label: locale === 'zh' ? p.name : p.en })),
    industries: INDUSTRIES.map((i) => ({ value: i.code, label: i.label[locale] })),
  };
}
