// A programme that exists only in the statistics tests, registered on import (before the app):
// the figures it declares reach the statistics and the index with no statistics code naming them.
import { z } from 'zod';
import { baseContext, type CaseContext } from '../../workflows/application-events';
import { defineWorkflow, go } from '../../workflows/define-workflow';
import { figure } from '../../workflows/figures';
import { registerWorkflow } from '../../workflows/index';
import { bi } from '../../workflows/policy-guards';
import type { ProgrammeCode } from '../../workflows/types';

export const FIGURE_PROGRAMME = 'fixture-apprenticeship';

type C = CaseContext & { verified: number | null; premium: number | null };

registerWorkflow(defineWorkflow<C>({
  code: FIGURE_PROGRAMME as ProgrammeCode, institution: 'HR', referencePrefix: 'FAP', outsideDesignated: 'lower-priority',
  name: bi('学徒补助（测试）', 'Apprenticeship aid (test)'),
  summary: bi('仅用于统计测试。', 'Exists only in the statistics tests.'),
  formSchema: z.object({ requestedAmount: z.number().int().positive().describe('申请金额 / Amount requested') }).strict(),
  formExample: { requestedAmount: 10_000 },
  documents: [],
  initialContext: (form) => ({ ...baseContext(form), verified: null, premium: null }),
  events: [{ type: 'applicant.submit', label: bi('提交申请', 'Submit'), roles: ['applicant'], schema: z.object({ form: z.record(z.string(), z.unknown()).optional() }).strict(), example: () => ({}) }],
  rules: {},
  states: {
    draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted') } },
    submitted: { label: bi('已提交', 'Submitted'), final: true },
  },
  facts: [],
  // Trainees verified count in the index's jobs indicator; the premium shows in the totals.
  figures: (c) => ({ traineesVerified: figure.n(c.verified), premium: figure.n(c.premium) }),
  decisions: [],
}));
