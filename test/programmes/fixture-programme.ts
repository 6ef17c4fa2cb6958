// A programme that exists only in this test directory, registered on import (import it before
// the app): it proves that a programme declared next to its machine reaches the catalogue, the
// desks, the API, the statistics and the letters with no other file knowing it.
import { z } from 'zod';
import { baseContext, type CaseContext } from '../../workflows/application-events';
import { defineWorkflow, go } from '../../workflows/define-workflow';
import { figure } from '../../workflows/figures';
import { registerWorkflow } from '../../workflows/index';
import { FACTS } from '../../workflows/programme-facts';
import { bi, fourEyesReason, num } from '../../workflows/policy-guards';
import type { ProgrammeCode } from '../../workflows/types';

export const FIXTURE = 'fixture-pilot-grant';

type C = CaseContext & { preparedBy: number | null; approvedAmount: number | null };

export const fixtureProgramme = defineWorkflow<C>({
  code: FIXTURE as ProgrammeCode, institution: 'HR', referencePrefix: 'FPG', outsideDesignated: 'lower-priority',
  name: bi('试点补助（测试）', 'Pilot grant (test)'),
  summary: bi('仅用于测试的试点补助。', 'A pilot grant that exists only in the tests.'),
  formSchema: z.object({ projectName: z.string().min(2).describe('项目名称 / Project name'), requestedAmount: z.number().int().positive().describe('申请金额 / Amount requested') }).strict(),
  formExample: { projectName: '试点项目', requestedAmount: 50_000 },
  documents: [{ kind: 'project-plan', label: bi('项目方案', 'Project plan'), required: true }],
  initialContext: (form) => ({ ...baseContext(form), preparedBy: null, approvedAmount: null }),
  events: [
    // The engine hands a submission the form as it stands (the screening judges what was submitted).
    { type: 'applicant.submit', label: bi('提交申请', 'Submit'), roles: ['applicant'], schema: z.object({ form: z.record(z.string(), z.unknown()).optional() }).strict(), example: () => ({}) },
    { type: 'officer.propose', label: bi('拟同意', 'Propose'), roles: ['officer'], schema: z.object({}).strict(),
      effect: (_c, ev) => ({ preparedBy: ev.actor.id }), example: () => ({}) },
    { type: 'approver.approve', label: bi('批准', 'Approve'), roles: ['approver'], schema: z.object({ amount: z.number().int().positive().describe('批准金额 / Amount') }).strict(),
      effect: (_c, ev) => ({ approvedAmount: num(ev.data.amount) }),
      example: (c) => ({ amount: c.requestedAmount }),
      decision: (b, a) => ({ outcome: 'approved', title: bi('试点补助批复', 'Pilot grant approval'), amount: a.approvedAmount, conditions: null, reasons: '测试 / Test', section: '五.(一)', preparedBy: b.preparedBy }) },
  ],
  rules: {
    fourEyes: (c, ev) => fourEyesReason(ev.actor.id, [c.preparedBy]),
    documents: (_c, ev) => (ev.facts.documentKinds.includes('project-plan') ? null : bi('缺少项目方案', 'The project plan is missing')),
  },
  states: {
    draft: { label: bi('草稿', 'Draft'), on: { 'applicant.submit': go('submitted', 'documents') } },
    submitted: { label: bi('待审核', 'Awaiting review'), on: { 'officer.propose': go('approval') } },
    approval: { label: bi('待批准', 'Awaiting approval'), on: { 'approver.approve': go('approved', 'fourEyes') } },
    approved: { label: bi('已批准', 'Approved'), final: true },
  },
  facts: [FACTS.requested, FACTS.approved],
  figures: (c) => ({ requested: figure.n(c.requestedAmount), approved: figure.n(c.approvedAmount) }),
  decisions: [{ outcome: 'approved', application: 'positive' }],
});

registerWorkflow(fixtureProgramme);
